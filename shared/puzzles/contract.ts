/**
 * The contract between puzzles, rooms, sessions and the leaderboard verifier.
 *
 * A **move** is one Python statement of the subset (`a.next = None`, `del a`, `gc.collect()`,
 * `w = weakref.ref(b)`, `f(a)`, `x = []`). Clients build it from gestures with the renderer
 * (shared/python/render.ts), servers validate its shape with zod (a string ≤ 200 chars), and
 * `applyMove` parses it with the Python runner, checks the puzzle allows that kind of move, and
 * runs it through the engine. Objects that no name or path reaches cannot be named, so they
 * cannot be touched: exactly as in Python.
 *
 * A board is plain JSON and derived by replay: the board master (shared/board/master.ts) folds
 * `applyMove` over a move list.
 */
import type { EngineEvent, EngineState, GcTrace } from '../engine/index.ts';

/** The kinds of move a puzzle may allow (the game's palette). */
export const MOVE_KINDS = [
  'newObject', // x = [] / x = {} / x = Node()
  'createRef', // x = y, a.next = b, a.append(b), d['k'] = b, a[0] = b
  'deleteRef', // del a.next, del a[0], del d['k'], a.pop(), a.clear()
  'delName', // del x
  'rebindNone', // x = None, a.next = None
  'weakref', // w = weakref.ref(x), x = w()
  'call', // f(a), x = f(a)
  'collect', // gc.collect()
  'toggleGc', // gc.enable(), gc.disable()
] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export interface Board {
  puzzleId: string;
  engine: EngineState;
  /** Accepted moves so far (Python statements), in order. */
  moves: string[];
  /** Results of every gc.collect() move, in order (goals and scoring read them). */
  collections: { moveIndex: number; result: number; examined: number }[];
  /**
   * Objects examined by every collection that ran, explicit (`gc.collect()`) or automatic (an
   * allocation crossing a threshold), in order: what scoring charges (shared/board/score.ts).
   */
  examined: number[];
}

export interface MoveError {
  /** `move/not_allowed`, `move/syntax`, `move/unsupported`, a Python exception (`python/NameError`) or an engine code. */
  code: string;
  message: string;
  line?: number;
}

export interface MoveOutcome {
  board: Board;
  events: EngineEvent[];
  /** What the statement printed, if anything (console moves such as print(gc.collect())). */
  output: string[];
  kind: MoveKind;
  traces: GcTrace[];
}

export interface GoalStatus {
  done: boolean;
  /** One line per goal clause, for the HUD ("Free the cycle a ↔ b: not yet"). */
  clauses: { id: string; met: boolean }[];
}
