/**
 * TEMPORARY stand-in for shared/puzzles (applyMove/startBoard/goalStatus are still being written):
 * one puzzle, a five-statement grammar mapped straight to engine actions. Delete this file once
 * puzzleRules.ts binds the real catalog.
 */
import { apply, createState, hashState, type Action, type EngineState, type GcTrace, type Result } from '../../shared/engine/index.ts';
import type { Board, GoalStatus, MoveError, MoveKind, MoveOutcome } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import type { Rules, Score } from './rules.ts';

const text = (en: string) => ({ en, id: en });

export const SHIM_PUZZLE: Puzzle = {
  id: 'shim-cycle',
  chapter: 1,
  concepts: ['cycles'],
  title: text('Two lists in a loop'),
  lesson: text('a and b hold each other.'),
  hints: [text('del'), text('del both'), text('then collect')],
  setup: 'a = []\nb = []\na.append(b)\nb.append(a)',
  allowed: ['delName', 'collect', 'newObject', 'rebindNone', 'createRef'],
  goal: [{ kind: 'objectCount', n: 0 }],
  par: 3,
  solution: ['del a', 'del b', 'gc.collect()'],
  scratch: [],
};

const name = (n: string) => ({ kind: 'name' as const, name: n, scope: 'global' as const });

function parse(state: EngineState, move: string): { action: Action; kind: MoveKind } | MoveError {
  let m: RegExpExecArray | null;
  if ((m = /^del ([a-z]\w*)$/.exec(move))) return { action: { type: 'delete', at: name(m[1]!) }, kind: 'delName' };
  if (move === 'gc.collect()') return { action: { type: 'collect', generation: 2 }, kind: 'collect' };
  if ((m = /^([a-z]\w*) = \[\]$/.exec(move))) return { action: { type: 'new', object: { kind: 'list', items: [] }, into: name(m[1]!) }, kind: 'newObject' };
  if ((m = /^([a-z]\w*) = None$/.exec(move))) return { action: { type: 'store', into: name(m[1]!), value: { t: 'none' } }, kind: 'rebindNone' };
  if ((m = /^([a-z]\w*)\.append\(([a-z]\w*)\)$/.exec(move))) {
    const list = state.globals[m[1]!];
    const value = state.globals[m[2]!];
    if (list?.t !== 'ref' || value === undefined) return { code: 'python/NameError', message: `name is not defined` };
    return { action: { type: 'append', list: list.id, value }, kind: 'createRef' };
  }
  return { code: 'move/syntax', message: `Cannot read "${move}".` };
}

function applyMove(_p: Puzzle, board: Board, move: string): Result<MoveOutcome, MoveError> {
  const parsed = parse(board.engine, move);
  if ('code' in parsed) return { ok: false, error: parsed };
  const r = apply(board.engine, parsed.action);
  if (!r.ok) return { ok: false, error: r.error };
  const traces: GcTrace[] = r.value.events.flatMap((e) => (e.type === 'collected' ? [e.trace] : []));
  const collections = [...board.collections, ...traces.map((t) => ({ moveIndex: board.moves.length, result: t.result, examined: t.young.length }))];
  const next: Board = { ...board, engine: r.value.state, moves: [...board.moves, move], collections };
  const output = parsed.kind === 'collect' ? [] : [];
  return { ok: true, value: { board: next, events: r.value.events, output, kind: parsed.kind, traces } };
}

function startBoard(p: Puzzle): Board {
  let engine = createState({ gcEnabled: false });
  let board: Board = { puzzleId: p.id, engine, moves: [], collections: [] };
  for (const line of p.setup.split('\n')) {
    const r = applyMove(p, board, line);
    if (!r.ok) throw new Error(r.error.message);
    engine = r.value.board.engine;
    board = { ...board, engine };
  }
  return board;
}

function goalStatus(_p: Puzzle, board: Board): GoalStatus {
  const met = Object.keys(board.engine.objects).length === 0;
  return { done: met, clauses: [{ id: 'objectCount:0', met }] };
}

export const shimRules: Rules = {
  puzzle: (id) => (id === SHIM_PUZZLE.id ? SHIM_PUZZLE : undefined),
  defaultPuzzleId: SHIM_PUZZLE.id,
  startBoard,
  applyMove,
  goalStatus,
  score: (p, board, _play): Score => {
    const extra = Math.max(0, board.moves.length - p.par);
    return { par: p.par, stars: extra === 0 ? 3 : 1, score: 1000 - 50 * extra };
  },
  hashState,
};
