/**
 * A predict question replayed on a board, for the projector's "Show it" after the reveal: the
 * program is split into the part that runs first (the board's start) and the asked line(s), which
 * are then applied one at a time with their engine events and gc traces, so a heap view can
 * animate exactly what the engine computed.
 *
 * - survivors questions: before = `program`, lines = `lines` (as `answerOf` runs them);
 * - print questions: lines = the top-level statements from the first one that prints to the end,
 *   before = the statements ahead of it. (A test replays every question this way and gets
 *   `answerOf`'s answer.)
 *
 * Pure and deterministic, like the rest of shared/.
 */
import type { Result } from '../../engine/index.ts';
import { ok } from '../../engine/index.ts';
import { boardAfterRun, tracesOf } from '../board.ts';
import { classifyMove } from '../classify.ts';
import type { Board, MoveError, MoveKind, MoveOutcome } from '../contract.ts';
import type { RunContext } from '../run.ts';
import { execStatement, runSetup } from '../run.ts';
import type { Question } from './format.ts';

export interface ReplayPlan {
  /** Runs before the board is shown (may be empty). */
  before: string;
  /** The asked line(s), one top-level statement each, in order. */
  lines: string[];
}

export interface ReplayStart {
  board: Board;
  ctx: RunContext;
}

/** Top-level statements of a program: a line plus the indented lines under it (a `def` body). */
export function topLevelStatements(program: string): string[] {
  const out: string[] = [];
  for (const line of program.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

const program = (statements: readonly string[]): string =>
  statements.length ? `${statements.join('\n')}\n` : '';

/** Split a question into what runs first and the line(s) it asks about. */
export function replayPlan(q: Question): Result<ReplayPlan, MoveError> {
  if (q.kind === 'survivors') return ok({ before: q.program, lines: [...q.lines] });
  const statements = topLevelStatements(q.program);
  for (let i = 0; i < statements.length; i++) {
    const run = runSetup(program(statements.slice(0, i + 1)));
    if (!run.ok) return run;
    if (run.value.output.length > 0)
      return ok({ before: program(statements.slice(0, i)), lines: statements.slice(i) });
  }
  return ok({ before: q.program, lines: [] });
}

/** The board before the asked line(s). */
export function replayStart(plan: ReplayPlan, boardId: string): Result<ReplayStart, MoveError> {
  const run = runSetup(plan.before);
  if (!run.ok) return run;
  return ok({
    board: { puzzleId: boardId, engine: run.value.state, moves: [], collections: [], examined: [] },
    ctx: run.value.ctx,
  });
}

/**
 * Apply one asked line. Unlike a puzzle move it is not limited to the move palette (`del a, b`,
 * `print(sys.getrefcount(a))` run as written); `kind` is then only descriptive: a statement that
 * is not a palette move counts as `delName` when it deletes names, else as `call`.
 */
export function replayLine(
  ctx: RunContext,
  board: Board,
  line: string,
): Result<MoveOutcome, MoveError> {
  const run = execStatement(ctx, board.engine, line);
  if (!run.ok) return run;
  const traces = tracesOf(run.value.events);
  const collects = traces.some((t) => !t.automatic);
  const next = boardAfterRun(board, run.value.state, line, traces, collects);
  return ok({
    board: next,
    events: run.value.events,
    output: run.value.output,
    kind: kindOf(ctx, line),
    traces,
  });
}

function kindOf(ctx: RunContext, line: string): MoveKind {
  const c = classifyMove(line, { functions: [...ctx.functions.keys()], classes: [...ctx.classes] });
  if (c.ok) return c.kind;
  return /^del\s/.test(line) ? 'delName' : 'call';
}
