/**
 * The par solver: breadth-first search over legal moves (movegen.ts), so the first board that
 * meets the goal is reached in the fewest moves. States are merged by their heap (engine state
 * without its version counter) plus the history the goal can still read (deletions, collects,
 * collection results). Bounded by depth and by explored boards; `optimal: null` means "no
 * solution within the bounds", never a guess.
 */
import type { EngineState, HeapObject, Value } from '../engine/index.ts';
import type { Board } from './contract.ts';
import type { Puzzle } from './format.ts';
import type { MoveTally } from './goals.ts';
import { DELETION_KINDS, evaluateGoal, limitBroken } from './goals.ts';
import { advance, prepare } from './board.ts';
import { candidateMoves, vocabularyOf } from './movegen.ts';

export interface SolveOptions {
  maxDepth?: number;
  maxBoards?: number;
}

export interface Solution {
  /** The optimal move count, or null when nothing within the bounds meets the goal. */
  optimal: number | null;
  /** One shortest solution (first found in generator order). */
  moves: string[] | null;
  /** Boards expanded. */
  explored: number;
  /** True when the search stopped at maxBoards before finishing a depth. */
  truncated: boolean;
}

interface SearchNode {
  board: Board;
  tally: MoveTally;
}

/** Find the optimal number of moves for a puzzle. */
export function solve(puzzle: Puzzle, opts: SolveOptions = {}): Solution {
  const maxDepth = opts.maxDepth ?? 8;
  const maxBoards = opts.maxBoards ?? 20000;
  const prep = prepare(puzzle);
  const voc = vocabularyOf(puzzle, prep);
  const done = (n: SearchNode): boolean =>
    evaluateGoal(puzzle.goal, n.board, prep.anchors, n.tally).done;
  let frontier: SearchNode[] = [{ board: prep.start, tally: { deletions: 0, collects: 0 } }];
  if (done(frontier[0] as SearchNode))
    return { optimal: 0, moves: [], explored: 0, truncated: false };
  const seen = new Set<string>([searchKey(puzzle, frontier[0] as SearchNode)]);
  let explored = 0;
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: SearchNode[] = [];
    for (const node of frontier) {
      if (++explored > maxBoards) return { optimal: null, moves: null, explored, truncated: true };
      for (const move of candidateMoves(puzzle.allowed, voc, node.board.engine)) {
        const child = step(puzzle, node, move);
        if (!child) continue;
        if (done(child))
          return { optimal: depth, moves: child.board.moves, explored, truncated: false };
        const key = searchKey(puzzle, child);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(child);
      }
    }
    frontier = next;
  }
  return { optimal: null, moves: null, explored, truncated: false };
}

/** Apply a move to a search node; null if Python rejects it or a goal limit is broken. */
function step(puzzle: Puzzle, node: SearchNode, move: string): SearchNode | null {
  const r = advance(puzzle, node.board, move, false);
  if (!r.ok) return null;
  const tally = {
    deletions: node.tally.deletions + (DELETION_KINDS.includes(r.value.kind) ? 1 : 0),
    collects: node.tally.collects + (r.value.kind === 'collect' ? 1 : 0),
  };
  if (limitBroken(puzzle.goal, tally)) return null;
  return { board: r.value.board, tally };
}

/** The heap plus whatever history the goal clauses can still tell apart. */
function searchKey(puzzle: Puzzle, n: SearchNode): string {
  const history: unknown[] = [];
  for (const c of puzzle.goal) {
    if (c.kind === 'maxDeletions') history.push(n.tally.deletions);
    if (c.kind === 'noCollect' || c.kind === 'autoCollected') history.push(n.tally.collects);
    if (c.kind === 'collectReturned')
      history.push(n.board.collections.some((k) => k.result === c.n));
  }
  return `${heapKey(n.board.engine)}|${history.join(',')}`;
}

const valueKey = (v: Value): string =>
  v.t === 'ref' ? `#${v.id}` : v.t === 'int' ? String(v.v) : 'N';

function objectKey(o: HeapObject): string {
  const head = `${o.id}${o.kind[0]}${o.gen ?? '-'}`;
  switch (o.kind) {
    case 'list':
      return `${head}c${o.capacity}[${o.items.map(valueKey).join(',')}]`;
    case 'dict':
      return `${head}t${o.tableSize}f${o.filled}{${o.entries.map(([k, v]) => `${k}:${valueKey(v)}`).join(',')}}`;
    case 'instance':
      return `${head}${o.cls}(${o.attrs.map(([k, v]) => `${k}:${valueKey(v)}`).join(',')})d${o.dict ?? ''}w${o.weakref ?? ''}`;
    case 'weakref':
      return `${head}>${o.referent ?? ''}`;
  }
}

/**
 * Everything about a between-moves heap that later moves or goals can observe: names, objects and
 * their contents, and the collector's switch and counters. Reference counts follow from the
 * contents, thresholds and classes cannot change by a move, and no frame is open between moves.
 * Equal heaps built in different orders may get different keys: that costs time, not truth.
 */
function heapKey(s: EngineState): string {
  const names = Object.entries(s.globals).map(([k, v]) => `${k}=${valueKey(v)}`);
  const objects = Object.values(s.objects).map(objectKey);
  const g = s.gc;
  const gc = [
    g.enabled,
    g.counts,
    g.collections,
    g.longLivedPending,
    g.longLivedTotal,
    s.frames.length,
  ].join('/');
  return `${names.join(';')}|${objects.join(';')}|${gc}`;
}
