/**
 * Shortest path on the corridor grid (pure, A*): length plus a penalty per bend, several start
 * states and several goals each with its own final cost. Ties break on state order, so the
 * result is deterministic.
 */
import type { Grid } from './routeGrid.ts';

export interface StartState {
  node: number;
  cost: number;
  dir: 'h' | 'v';
}
export interface Goal {
  node: number;
  cost: number;
}

const BEND = 36;

/** Node ids from a start to the cheapest goal (a single node when a start is a goal). */
export function shortestPath(grid: Grid, starts: StartState[], goals: Goal[]): number[] {
  const goalCost = new Map<number, number>();
  for (const g of goals) goalCost.set(g.node, Math.min(goalCost.get(g.node) ?? Infinity, g.cost));
  // State = node * 2 + (0 horizontal, 1 vertical): the direction we arrived in.
  const dist = new Float64Array(grid.nodes.length * 2).fill(Infinity);
  const prev = new Int32Array(grid.nodes.length * 2).fill(-1);
  const heap = new MinHeap();
  // A*: the cheapest Manhattan distance to any goal (plus its final cost) never overestimates.
  const targets = goals.map((g) => ({
    x: grid.channelX(grid.nodes[g.node]!.channel),
    y: grid.nodes[g.node]!.y,
    cost: g.cost,
  }));
  const estimate = (node: number): number => {
    const n = grid.nodes[node]!;
    const x = grid.channelX(n.channel);
    let h = Infinity;
    for (const t of targets) h = Math.min(h, Math.abs(t.x - x) + Math.abs(t.y - n.y) + t.cost);
    return h;
  };
  for (const s of starts) {
    const state = s.node * 2 + (s.dir === 'v' ? 1 : 0);
    if (s.cost < dist[state]!) {
      dist[state] = s.cost;
      heap.push(s.cost + estimate(s.node), state);
    }
  }
  let best = Infinity;
  let bestState = -1;
  while (heap.size > 0) {
    const [f, state] = heap.pop();
    if (f >= best) break;
    const d = dist[state]!;
    const node = state >> 1;
    const g = goalCost.get(node);
    if (g !== undefined && d + g < best) {
      best = d + g;
      bestState = state;
    }
    const here = grid.nodes[node]!;
    for (const next of grid.adjacent[node]!) {
      const there = grid.nodes[next]!;
      const vertical = there.channel === here.channel;
      const dir = vertical ? 1 : 0;
      const step = vertical
        ? Math.abs(there.y - here.y)
        : horizontalLength(grid, here.channel, there.channel);
      const cost = d + step + bend(state, dir);
      const nextState = next * 2 + dir;
      if (cost < dist[nextState]!) {
        dist[nextState] = cost;
        prev[nextState] = state;
        heap.push(cost + estimate(next), nextState);
      }
    }
  }
  if (bestState < 0) throw new Error('route: no path (the grid is disconnected)');
  const path: number[] = [];
  for (let s = bestState; s >= 0; s = prev[s]!) path.push(s >> 1);
  return path.reverse();
}

function horizontalLength(grid: Grid, a: number, b: number): number {
  return a === b ? 0 : Math.abs(grid.channelX(a) - grid.channelX(b));
}

function bend(state: number, dir: number): number {
  return (state & 1) === dir ? 0 : BEND;
}

/** A binary min-heap of (priority, value) with ties broken by value. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return (
      this.keys[a]! < this.keys[b]! ||
      (this.keys[a] === this.keys[b] && this.values[a]! < this.values[b]!)
    );
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}
