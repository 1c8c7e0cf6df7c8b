/**
 * Read-only questions every Session answers the same way from its puzzle and current board,
 * whether the board lives in the browser (LocalSession) or in a room (RoomSession).
 */
import type { Action } from '../../shared/engine/actions.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import { inspect, prepare } from '../../shared/puzzles/board.ts';
import type { Board, MoveError } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { withPreamble } from '../../shared/puzzles/preamble.ts';
import { execStatement } from '../../shared/puzzles/run.ts';

export type InspectResult = { ok: true; output: string[] } | { ok: false; error: MoveError };

/** Runs a `print(...)` on the board without making a move. */
export function inspectBoard(puzzle: Puzzle, board: Board, statement: string): InspectResult {
  const r = inspect(puzzle, board, statement);
  return r.ok ? { ok: true, output: r.value } : { ok: false, error: r.error };
}

/** The functions the puzzle's setup defines (the call buttons). */
export function puzzleFunctions(puzzle: Puzzle): string[] {
  return [...prepare(puzzle).defs.functions];
}

/** The setup program with the standard preamble, for the downloadable .py. */
export function setupProgramOf(puzzle: Puzzle): string {
  return withPreamble(puzzle.setup);
}

/** The engine actions an accepted statement ran on `before` (none if it fails there). */
export function statementActions(
  puzzle: Puzzle,
  before: EngineState,
  statement: string,
): readonly Action[] {
  const r = execStatement(prepare(puzzle).ctx, before, statement.trim(), { events: false });
  return r.ok ? r.value.actions : [];
}
