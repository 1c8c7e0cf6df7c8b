/**
 * Boards: a puzzle's start heap, moves applied one Python statement at a time, and goal status.
 *
 * Contracts: every function is pure and deterministic and never mutates its inputs. A rejected
 * move returns a MoveError and no board. A board is derived by replay: fold `applyMove` from
 * `startBoard(puzzle)`; the board master (shared/board/master.ts) is the one place that folds.
 * Setting a puzzle up (running its setup program) is memoized per puzzle id and setup text,
 * in a small bounded table; the cache is invisible to callers.
 */
import type { EngineEvent, EngineState, GcTrace, Result } from '../engine/index.ts';
import { err, ok } from '../engine/index.ts';
import { classifyMove, NOT_ALLOWED } from './classify.ts';
import type { Definitions } from './classify.ts';
import type { Board, GoalStatus, MoveError, MoveKind, MoveOutcome } from './contract.ts';
import type { Puzzle } from './format.ts';
import type { Anchors, MoveTally } from './goals.ts';
import { anchorGoal, DELETION_KINDS, evaluateGoal } from './goals.ts';
import type { RunContext } from './run.ts';
import { checkStatement, execStatement, runSetup } from './run.ts';

const MAX_MOVE_LENGTH = 200;

/** Everything derived once from a puzzle's setup. */
export interface Prepared {
  start: Board;
  ctx: RunContext;
  defs: Definitions;
  anchors: Anchors;
}

const CACHE_LIMIT = 512;
const cache = new Map<string, Prepared>();
/** The last puzzle object prepared: the solver asks for the same one thousands of times. */
let last: { puzzle: object; prepared: Prepared } | null = null;

/** Run a puzzle's setup (memoized). Throws if the setup or its goal is broken: authoring bugs. */
export function prepare(puzzle: Pick<Puzzle, 'id' | 'setup' | 'goal'>): Prepared {
  if (last?.puzzle === puzzle) return last.prepared;
  const prepared = prepareByText(puzzle);
  last = { puzzle, prepared };
  return prepared;
}

function prepareByText(puzzle: Pick<Puzzle, 'id' | 'setup' | 'goal'>): Prepared {
  const key = `${puzzle.id}\u0000${puzzle.setup}\u0000${JSON.stringify(puzzle.goal)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const run = runSetup(puzzle.setup);
  if (!run.ok)
    throw new Error(
      `puzzle ${puzzle.id}: setup fails: ${run.error.message} (line ${run.error.line ?? '?'})`,
    );
  const anchors = anchorGoal(puzzle, run.value.state);
  if (typeof anchors === 'string') throw new Error(`puzzle ${puzzle.id}: ${anchors}`);
  const { ctx, state } = run.value;
  const prepared: Prepared = {
    start: { puzzleId: puzzle.id, engine: state, moves: [], collections: [], examined: [] },
    ctx,
    defs: { functions: [...ctx.functions.keys()], classes: [...ctx.classes] },
    anchors,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, prepared);
  return prepared;
}

/** The board before any move. */
export function startBoard(puzzle: Puzzle): Board {
  return prepare(puzzle).start;
}

/** Classify a statement and check the puzzle allows it. */
function checkMove(puzzle: Puzzle, move: string): Result<MoveKind, MoveError> {
  if (move.length > MAX_MOVE_LENGTH)
    return err({ code: 'move/unsupported', message: 'That move is too long.' });
  const prep = prepare(puzzle);
  const c = classifyMove(move, prep.defs);
  if (!c.ok) {
    // Prefer Python's own complaint (a SyntaxError, an unsupported construct) when it has one.
    const py = checkStatement(prep.ctx, move.trim());
    return err(py.ok ? { code: c.code, message: c.message } : py.error);
  }
  if (!puzzle.allowed.includes(c.kind))
    return err({ code: 'move/not_allowed', message: NOT_ALLOWED[c.kind].en });
  return ok(c.kind);
}

/**
 * Apply one move (a Python statement) to a board. The board is not changed, unless `inPlace`:
 * then an accepted move updates `board.engine` itself (the new board holds the same state object,
 * so the old board must not be used again) and a refused one leaves it as it was.
 */
export function applyMove(
  puzzle: Puzzle,
  board: Board,
  move: string,
  opts: { inPlace?: boolean } = {},
): Result<MoveOutcome, MoveError> {
  return advance(puzzle, board, move, true, opts.inPlace === true);
}

/**
 * applyMove, optionally without collecting engine events (the solver: `events` and `traces` are
 * then empty, and an explicit collection's numbers come from the GC statistics).
 *
 * Every move goes through the Python runner, the one front end. Its puzzle runtime allows an
 * allocation to start an automatic collection (threshold levels): the runner refuses those for
 * scripts (CPython's exact timing depends on free lists it does not model), while a puzzle's tiny
 * thresholds are an explicit teaching model.
 */
export function advance(
  puzzle: Puzzle,
  board: Board,
  move: string,
  withEvents: boolean,
  inPlace = false,
): Result<MoveOutcome, MoveError> {
  const kind = checkMove(puzzle, move);
  if (!kind.ok) return kind;
  const run = execStatement(prepare(puzzle).ctx, board.engine, move.trim(), {
    events: withEvents,
    // Without events a collection's record is read from the state before (collectionRecord).
    inPlace: inPlace && withEvents,
  });
  if (!run.ok) return run;
  const traces = tracesOf(run.value.events);
  const next = boardAfterRun(board, run.value.state, move.trim(), traces, kind.value === 'collect');
  return ok({
    board: next,
    events: run.value.events,
    output: run.value.output,
    kind: kind.value,
    traces,
  });
}

/** The collection traces among a statement's engine events. */
export function tracesOf(events: readonly EngineEvent[]): GcTrace[] {
  const traces: GcTrace[] = [];
  for (const e of events) if (e.type === 'collected') traces.push(e.trace);
  return traces;
}

/**
 * The board after `statement` ran to `after`: the statement appended to the log, a `gc.collect()`
 * (`collects`) recorded in `collections`, and every collection's examined objects in `examined`.
 */
export function boardAfterRun(
  board: Board,
  after: EngineState,
  statement: string,
  traces: readonly GcTrace[],
  collects: boolean,
): Board {
  const record = collects ? collectionRecord(board, after, traces) : null;
  return {
    puzzleId: board.puzzleId,
    engine: after,
    moves: [...board.moves, statement],
    collections: record ? [...board.collections, record] : board.collections,
    examined: [...board.examined, ...examinedBy(traces, record)],
  };
}

/**
 * Objects each collection of a move examined. Without events (the solver) an explicit collection
 * is known from its record; automatic ones are then not seen (the solver never scores).
 */
function examinedBy(traces: readonly GcTrace[], record: { examined: number } | null): number[] {
  if (traces.length > 0) return traces.map((t) => t.young.length);
  return record ? [record.examined] : [];
}

/** The Board.collections entry of a gc.collect() move: from its trace, or from GC statistics. */
function collectionRecord(
  board: Board,
  after: EngineState,
  traces: readonly GcTrace[],
): Board['collections'][number] {
  const moveIndex = board.moves.length;
  const explicit = traces.find((t) => !t.automatic);
  if (explicit) return { moveIndex, result: explicit.result, examined: explicit.young.length };
  const before = board.engine;
  const result =
    after.gc.collected.reduce((a, b) => a + b, 0) - before.gc.collected.reduce((a, b) => a + b, 0);
  const examined = Object.values(before.objects).filter((o) => o.gen !== null).length;
  return { moveIndex, result, examined };
}

/** Deletion and collect counts of a board's moves (moves on a board were all classified once). */
function tallyMoves(puzzle: Puzzle, moves: readonly string[]): MoveTally {
  const defs = prepare(puzzle).defs;
  const tally: MoveTally = { deletions: 0, collects: 0 };
  for (const m of moves) {
    const c = classifyMove(m, defs);
    if (!c.ok) continue;
    if (DELETION_KINDS.includes(c.kind)) tally.deletions++;
    if (c.kind === 'collect') tally.collects++;
  }
  return tally;
}

/** Where the board stands against the puzzle's goal. */
export function goalStatus(puzzle: Puzzle, board: Board): GoalStatus {
  return evaluateGoal(puzzle.goal, board, prepare(puzzle).anchors, tallyMoves(puzzle, board.moves));
}

/**
 * Run a `print(...)` statement (or any statement) against a board without making a move: the
 * console's "look, don't touch". Returns the printed lines; the board is unchanged.
 */
export function inspect(
  puzzle: Puzzle,
  board: Board,
  statement: string,
): Result<string[], MoveError> {
  if (!/^print\(/.test(statement.trim())) {
    return err({ code: 'move/unsupported', message: 'The console only runs print(...).' });
  }
  if (classifyMove(statement, prepare(puzzle).defs).ok) {
    return err({ code: 'move/unsupported', message: 'That changes the heap: play it as a move.' });
  }
  const run = execStatement(prepare(puzzle).ctx, board.engine, statement.trim());
  return run.ok ? ok(run.value.output) : run;
}
