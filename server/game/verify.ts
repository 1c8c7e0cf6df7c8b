/**
 * Solo verification: a puzzle id and a move list in, the server's own result out. Nothing the
 * client claims about its score is read; the moves are replayed through the engine.
 */
import type { VerifiedResult } from '../../shared/protocol.ts';
import { ROOM_ERRORS } from '../../shared/protocol.ts';
import { playMove } from './play.ts';
import type { Board } from '../../shared/puzzles/contract.ts';
import { UNTIMED, type Rules } from './rules.ts';

export type VerifyOutcome =
  | { ok: true; result: VerifiedResult; stateHash: string }
  | { ok: false; code: string; message: string; moveIndex?: number };

export function verifyMoves(
  rules: Rules,
  puzzleId: string,
  moves: readonly string[],
): VerifyOutcome {
  const puzzle = rules.puzzle(puzzleId);
  if (puzzle === undefined)
    return { ok: false, code: ROOM_ERRORS.unknownPuzzle, message: `No puzzle "${puzzleId}".` };
  // Same checks as a room: a move after the goal is reached is refused (board/solved).
  let board: Board = rules.startBoard(puzzle);
  for (const [moveIndex, move] of moves.entries()) {
    const played = playMove(rules, puzzle, board, move);
    if (!played.ok) return { ...played, moveIndex };
    board = played.board;
  }
  const solved = rules.goalStatus(puzzle, board).done;
  const score = rules.score(puzzle, board, UNTIMED);
  return {
    ok: true,
    stateHash: rules.hashState(board.engine),
    result: {
      puzzleId,
      solved,
      moves: moves.length,
      par: score.par,
      stars: solved ? score.stars : 0,
      score: solved ? score.score : 0,
    },
  };
}
