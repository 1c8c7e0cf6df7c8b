/**
 * Re-running a submitted play (puzzle + move list) to score it: the leaderboard verifier's path.
 * Every collection counts toward the cost, explicit or automatic (each trace's young list), so a
 * player cannot hide collector work behind an allocation that crosses a threshold.
 */
import type { Result } from '../engine/index.ts';
import { err, ok } from '../engine/index.ts';
import { applyMove, goalStatus, startBoard } from './board.ts';
import type { Board, MoveError } from './contract.ts';
import type { Puzzle } from './format.ts';
import type { GameScore, PlayRecord } from './scoring.ts';
import { scorePlay } from './scoring.ts';

export interface VerifiedPlay {
  board: Board;
  record: PlayRecord;
  score: GameScore;
}

/** Replay `moves`, then score them with the hints and time the client reports. */
export function verifyPlay(
  puzzle: Puzzle,
  moves: readonly string[],
  extra: { hintsUsed: number; seconds: number },
): Result<VerifiedPlay, MoveError & { moveIndex: number }> {
  let board = startBoard(puzzle);
  const examined: number[] = [];
  for (const [i, m] of moves.entries()) {
    const r = applyMove(puzzle, board, m);
    if (!r.ok) return err({ ...r.error, moveIndex: i });
    for (const t of r.value.traces) examined.push(t.young.length);
    board = r.value.board;
  }
  const record: PlayRecord = {
    solved: goalStatus(puzzle, board).done,
    par: puzzle.par,
    moves: moves.length,
    examined,
    hintsUsed: extra.hintsUsed,
    seconds: extra.seconds,
  };
  return ok({ board, record, score: scorePlay(record) });
}
