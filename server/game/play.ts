/**
 * Board operations shared by every room: a move, an undo, a reset. The rules decide legality
 * (`applyMove`); these functions only add the room-level checks (stale version, nothing to undo,
 * already solved) and never mutate their inputs. A refusal is a value with a namespaced code.
 */
import type { Board, GoalStatus, MoveOutcome } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { ROOM_ERRORS } from '../../shared/protocol.ts';
import type { Rules } from './rules.ts';

export interface Refusal {
  ok: false;
  code: string;
  message: string;
}

export interface Played {
  ok: true;
  board: Board;
  goal: GoalStatus;
  /** Present for a move; undo and reset have none. */
  outcome?: MoveOutcome;
}

export type PlayResult = Played | Refusal;

const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });

/** Board version as the protocol defines it: number of accepted moves. */
export const versionOf = (board: Board): number => board.moves.length;

function checkVersion(board: Board, expected: number | undefined): Refusal | null {
  if (expected === undefined || expected === versionOf(board)) return null;
  return refuse(
    ROOM_ERRORS.stale,
    `The board has changed (version ${versionOf(board)}, you sent ${expected}).`,
  );
}

export function playMove(
  rules: Rules,
  puzzle: Puzzle,
  board: Board,
  move: string,
  expectedVersion?: number,
): PlayResult {
  const stale = checkVersion(board, expectedVersion);
  if (stale) return stale;
  if (rules.goalStatus(puzzle, board).done)
    return refuse(ROOM_ERRORS.alreadySolved, 'This puzzle is already solved.');
  const result = rules.applyMove(puzzle, board, move);
  if (!result.ok) return refuse(result.error.code, result.error.message);
  const next = result.value.board;
  return { ok: true, board: next, goal: rules.goalStatus(puzzle, next), outcome: result.value };
}

/** Replays every accepted move but the last one from the start board. */
export function undoMove(
  rules: Rules,
  puzzle: Puzzle,
  board: Board,
  expectedVersion?: number,
): PlayResult {
  const stale = checkVersion(board, expectedVersion);
  if (stale) return stale;
  if (board.moves.length === 0)
    return refuse(ROOM_ERRORS.nothingToUndo, 'There is no move to take back.');
  const replayed = replayMoves(rules, puzzle, board.moves.slice(0, -1));
  if (!replayed.ok) return replayed;
  return { ok: true, board: replayed.board, goal: rules.goalStatus(puzzle, replayed.board) };
}

export function resetBoard(rules: Rules, puzzle: Puzzle): Played {
  const board = rules.startBoard(puzzle);
  return { ok: true, board, goal: rules.goalStatus(puzzle, board) };
}

/**
 * Folds applyMove over `moves` from the start board. A refusal names the first failing move
 * (`moveIndex`), so the verifier can report it.
 */
export function replayMoves(
  rules: Rules,
  puzzle: Puzzle,
  moves: readonly string[],
): { ok: true; board: Board } | (Refusal & { moveIndex: number }) {
  let board = rules.startBoard(puzzle);
  for (const [moveIndex, move] of moves.entries()) {
    const result = rules.applyMove(puzzle, board, move);
    if (!result.ok) return { ...refuse(result.error.code, result.error.message), moveIndex };
    board = result.value.board;
  }
  return { ok: true, board };
}
