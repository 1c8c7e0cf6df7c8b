/**
 * Orthogonal arrow routing for the heap picture (pure; no Phaser).
 *
 * The layout puts cards in vertical strips (the stack, then heap columns) with empty channels
 * between strips and gaps between the cards of a strip. Arrows only ever run vertically inside
 * channels and horizontally inside gaps (plus the band under the immortal tray and a floor under
 * everything), so by construction no arrow passes through a card or a card's label strip.
 * A shortest path with a bend penalty picks the channels and gaps; then every arrow gets its own
 * lane in each channel and gap it uses, so parallel arrows never lie on top of each other.
 *
 * A self-reference comes back into its own card from the side (a visible loop), and a row card
 * is entered on its right only at the header, away from the rows' own exits.
 */
import type { Point, Rect } from './geometry.ts';
import { buildGrid, gapAt } from './routeGrid.ts';
import type { Grid, RouteCard } from './routeGrid.ts';
import { shortestPath } from './routeSearch.ts';
import type { Goal, StartState } from './routeSearch.ts';

export type { RouteCard };

/** Where an arrow starts. */
export type RouteStart =
  /** A name row in a frame: leaves to the right into the first channel. */
  | { kind: 'name'; anchor: Point }
  /** A row of a heap card (attribute, dict entry, weakref centre): leaves to the right. */
  | { kind: 'row'; anchor: Point; card: number }
  /** A list cell: leaves downwards into the gap under its card. */
  | { kind: 'cell'; anchor: Point; card: number };

export type RouteTarget = { kind: 'card'; card: number } | { kind: 'tray'; rect: Rect };

export interface RouteRequest {
  start: RouteStart;
  target: RouteTarget;
}

export interface RouteInput {
  cards: RouteCard[];
  /** Right edge of the stack strip (frames); channel 0 lies between it and the first column. */
  stackRight: number;
  /** Bottom of the immortal tray: the band under it is a horizontal corridor. */
  trayBottom: number;
  /** Width of the channel right of the last column. */
  outerChannel: number;
}

const LANE = 7;
const PAD = 5;

/** One route per request: a polyline from the anchor to the target's edge. */
export function routeArrows(input: RouteInput, requests: RouteRequest[]): Point[][] {
  const grid = buildGrid(
    input,
    requests.flatMap((r) => portsOf(input, r)),
  );
  const paths = requests.map((r) => search(grid, input, r));
  const legs = requests.map((r, i) => toLegs(grid, input, r, paths[i]!));
  placeEntries(input, requests, legs);
  const lanes = assignLanes(grid, legs);
  return legs.map((l, i) => toPoints(grid, l, lanes, i));
}

interface Leg {
  dir: 'h' | 'v';
  /** Vertical legs: the channel they run in (lane assigned later), or a fixed x. */
  channel?: number;
  /** Horizontal legs: the gap they run in (lane assigned later), or a fixed y. */
  gap?: string;
  fixed?: number;
}

interface Legs {
  anchor: Point;
  legs: Leg[];
  /** Where the arrow ends (x for side entries, y for tray entries is the tray bottom). */
  end: Point;
  entry: { card: number; side: 'left' | 'right' } | null;
  /** For arrows to an immortal: the tray item they end under. */
  tray: Rect | null;
}

/** The channel heights an arrow may start or end at: they become nodes of the grid. */
function portsOf(input: RouteInput, r: RouteRequest): [number, number][] {
  const s = r.start;
  const ports: [number, number][] = [];
  if (s.kind === 'name') ports.push([0, s.anchor.y]);
  if (s.kind === 'row') ports.push([input.cards[s.card]!.strip + 1, s.anchor.y]);
  if (r.target.kind === 'card') {
    const card = input.cards[r.target.card]!;
    ports.push([card.strip, entryY(card, 'left')], [card.strip + 1, entryY(card, 'right')]);
  }
  return ports;
}

function search(grid: Grid, input: RouteInput, r: RouteRequest): number[] {
  return shortestPath(grid, starts(grid, input, r.start), goals(grid, input, r));
}

function starts(grid: Grid, input: RouteInput, s: RouteStart): StartState[] {
  if (s.kind === 'name')
    return [{ node: grid.port(0, s.anchor.y), cost: grid.channelX(0) - s.anchor.x, dir: 'h' }];
  const card = input.cards[s.card]!;
  if (s.kind === 'row') {
    const c = card.strip + 1;
    return [{ node: grid.port(c, s.anchor.y), cost: grid.channelX(c) - s.anchor.x, dir: 'h' }];
  }
  const gap = grid.gapBelow(s.card);
  const down = gap.y - s.anchor.y;
  return [card.strip, card.strip + 1].map((c) => ({
    node: grid.node(c, gap.y),
    cost: down + Math.abs(grid.channelX(c) - s.anchor.x) + 20,
    dir: 'h' as const,
  }));
}

function goals(grid: Grid, input: RouteInput, r: RouteRequest): Goal[] {
  const t = r.target;
  if (t.kind === 'tray') {
    const cx = t.rect.x + t.rect.w / 2;
    return grid.bandNodes().map(({ node, channel }) => ({
      node,
      cost: Math.abs(grid.channelX(channel) - cx) + 20,
    }));
  }
  const card = input.cards[t.card]!;
  const self = r.start.kind !== 'name' && r.start.card === t.card;
  const left = { node: grid.port(card.strip, entryY(card, 'left')), cost: 0 };
  const right = { node: grid.port(card.strip + 1, entryY(card, 'right')), cost: 0 };
  // A self-reference from a row would leave and enter on the same side: it must enter at the
  // header (right), which entryY guarantees; from a cell either side makes a loop.
  return self && r.start.kind === 'row' ? [right] : [left, right];
}

/** The provisional entry height on one side (placeEntries spreads several arrows later). */
function entryY(card: RouteCard, side: 'left' | 'right'): number {
  const r = card.rect;
  if (card.diamond) return r.y + r.h / 2;
  if (side === 'right' && card.rightExits) return r.y + 14;
  return r.y + Math.min(r.h / 2, 40);
}

function toLegs(grid: Grid, input: RouteInput, r: RouteRequest, path: number[]): Legs {
  const s = r.start;
  const legs: Leg[] = [];
  if (s.kind === 'cell') {
    legs.push({ dir: 'v', fixed: s.anchor.x });
    legs.push({ dir: 'h', gap: grid.gapBelow(s.card).key });
  } else legs.push({ dir: 'h', fixed: s.anchor.y });
  for (let i = 1; i < path.length; i++) {
    const a = grid.nodes[path[i - 1]!]!;
    const b = grid.nodes[path[i]!]!;
    const leg: Leg =
      a.channel === b.channel
        ? { dir: 'v', channel: a.channel }
        : { dir: 'h', gap: gapAt(grid, Math.min(a.channel, b.channel), a.y) };
    push(legs, leg, a.channel);
  }
  const last = grid.nodes[path[path.length - 1]!]!;
  const t = r.target;
  if (t.kind === 'tray') {
    push(legs, { dir: 'h', gap: 'band' }, last.channel);
    const x = t.rect.x + t.rect.w / 2;
    legs.push({ dir: 'v', fixed: x });
    return {
      anchor: s.anchor,
      legs,
      end: { x, y: t.rect.y + t.rect.h },
      entry: null,
      tray: t.rect,
    };
  }
  const card = input.cards[t.card]!;
  const side = last.channel === card.strip ? 'left' : 'right';
  const endX = side === 'left' ? card.rect.x : card.rect.x + card.rect.w;
  push(legs, { dir: 'h', fixed: last.y }, last.channel);
  return {
    anchor: s.anchor,
    legs,
    end: { x: endX, y: last.y },
    entry: { card: t.card, side },
    tray: null,
  };
}

/**
 * Appends a leg. Two verticals in a row are one; two horizontals at the same unplaced gap are
 * one; any other pair of horizontals is bridged by a vertical in `channel` (where they meet).
 */
function push(legs: Leg[], leg: Leg, channel: number): void {
  const prev = legs[legs.length - 1]!;
  if (prev.dir !== leg.dir) legs.push(leg);
  else if (leg.dir === 'v') return;
  else if (prev.fixed === undefined && leg.fixed === undefined && prev.gap === leg.gap) return;
  else legs.push({ dir: 'v', channel }, leg);
}

/**
 * Several arrows into the same side of a card enter at evenly spread heights, ordered by where
 * they come from, so their heads never overlap.
 */
function placeEntries(input: RouteInput, requests: RouteRequest[], all: Legs[]): void {
  const groups = new Map<string, number[]>();
  all.forEach((l, i) => {
    if (!l.entry) return;
    const key = `${l.entry.card}:${l.entry.side}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    const first = all[members[0]!]!.entry!;
    const card = input.cards[first.card]!;
    const r = card.rect;
    const [lo, hi] = card.diamond
      ? [r.y + r.h / 2 - 12, r.y + r.h / 2 + 12]
      : first.side === 'right' && card.rightExits
        ? [r.y + 8, r.y + 22]
        : [r.y + 10, r.y + Math.max(20, r.h - 10)];
    const ordered = [...members].sort(
      (a, b) => requests[a]!.start.anchor.y - requests[b]!.start.anchor.y || a - b,
    );
    ordered.forEach((m, k) => {
      const y = ordered.length === 1 ? lo : lo + ((hi - lo) * k) / (ordered.length - 1);
      const l = all[m]!;
      const tail = l.legs[l.legs.length - 1]!;
      tail.fixed = ordered.length === 1 ? Math.min(hi, Math.max(lo, tail.fixed!)) : y;
      l.end = { x: card.diamond ? diamondEdge(r, first.side, tail.fixed) : l.end.x, y: tail.fixed };
    });
  }
  spreadTrayEntries(all);
}

/** x where a horizontal line at y meets the diamond's left or right side. */
function diamondEdge(r: Rect, side: 'left' | 'right', y: number): number {
  const inset = (Math.abs(y - (r.y + r.h / 2)) / (r.h / 2)) * (r.w / 2) + 2;
  return side === 'left' ? r.x + inset : r.x + r.w - inset;
}

/** Arrows to the same immortal end side by side under it, ordered by where they come from. */
function spreadTrayEntries(all: Legs[]): void {
  const groups = new Map<Rect, Legs[]>();
  for (const l of all) {
    if (!l.tray) continue;
    const group = groups.get(l.tray);
    if (group) group.push(l);
    else groups.set(l.tray, [l]);
  }
  for (const [r, members] of groups) {
    if (members.length < 2) continue;
    const ordered = [...members].sort((a, b) => a.anchor.x - b.anchor.x || a.anchor.y - b.anchor.y);
    const lo = r.x + 8;
    const step = Math.min(LANE, (r.w - 16) / (ordered.length - 1));
    const first = r.x + r.w / 2 - (step * (ordered.length - 1)) / 2;
    ordered.forEach((l, k) => {
      const x = Math.max(lo, first + k * step);
      l.legs[l.legs.length - 1]!.fixed = x;
      l.end = { x, y: l.end.y };
    });
  }
}

interface Lanes {
  x: Map<string, number>;
  y: Map<string, number>;
}

/** Every arrow gets its own lane in each channel and gap it uses, spread across the corridor. */
function assignLanes(grid: Grid, all: Legs[]): Lanes {
  const channelUsers = new Map<number, number[]>();
  const gapUsers = new Map<string, number[]>();
  all.forEach((l, i) => {
    for (const leg of l.legs) {
      if (leg.fixed !== undefined) continue;
      if (leg.dir === 'v') add(channelUsers, leg.channel!, i);
      else add(gapUsers, leg.gap!, i);
    }
  });
  const lanes: Lanes = { x: new Map(), y: new Map() };
  for (const [c, users] of channelUsers) {
    const [lo, hi] = grid.channelSpan(c);
    spread(lo, hi, users).forEach((x, k) => lanes.x.set(`${c}:${users[k]}`, x));
  }
  for (const [g, users] of gapUsers) {
    const gap = grid.gaps.get(g)!;
    spread(gap.top, gap.bottom, users).forEach((y, k) => lanes.y.set(`${g}:${users[k]}`, y));
  }
  return lanes;
}

function add<K>(m: Map<K, number[]>, k: K, i: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** n positions centred in [lo, hi], at most LANE apart, never outside it. */
function spread(lo: number, hi: number, users: number[]): number[] {
  const inner = Math.max(0, hi - lo - 2 * PAD);
  const step = users.length > 1 ? Math.min(LANE, inner / (users.length - 1)) : 0;
  const first = (lo + hi) / 2 - (step * (users.length - 1)) / 2;
  return users.map((_, k) => first + k * step);
}

function toPoints(grid: Grid, l: Legs, lanes: Lanes, i: number): Point[] {
  const coord = (leg: Leg): number => {
    if (leg.fixed !== undefined) return leg.fixed;
    if (leg.dir === 'v') return lanes.x.get(`${leg.channel}:${i}`) ?? grid.channelX(leg.channel!);
    return lanes.y.get(`${leg.gap}:${i}`) ?? grid.gaps.get(leg.gap!)!.y;
  };
  const points: Point[] = [l.anchor];
  for (let k = 0; k + 1 < l.legs.length; k++) {
    const a = l.legs[k]!;
    const b = l.legs[k + 1]!;
    points.push(a.dir === 'h' ? { x: coord(b), y: coord(a) } : { x: coord(a), y: coord(b) });
  }
  points.push(l.end);
  return cleanup(points);
}

/** Drops repeated and collinear middle points. */
function cleanup(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && collinear(before, last, p)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function collinear(a: Point, b: Point, c: Point): boolean {
  return (a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y);
}
