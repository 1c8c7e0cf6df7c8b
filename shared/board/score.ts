/**
 * The one scoring rule for a board, whoever asks (a room on completion, /api/verify, the
 * leaderboard; the client's HUD and results show stars from the same `starsFor`):
 * shared/puzzles/scoring.ts's arithmetic over what the board itself recorded. **Every collection
 * is charged**: `board.examined` lists the objects examined by each collection that ran, explicit
 * `gc.collect()` or automatic (an allocation crossing a threshold), so collector work cannot hide
 * behind an allocation. Hints are those opened on this board; time
 * is measured by the caller (0 where it cannot be, e.g. a replayed move list).
 */
import type { Board } from '../puzzles/contract.ts';
import { scorePlay } from '../puzzles/scoring.ts';

/** What a board is worth; 0 points and 0 stars unless solved. */
export interface BoardScore {
  solved: boolean;
  moves: number;
  par: number;
  stars: 0 | 1 | 2 | 3;
  points: number;
  /** Objects examined by every collection, summed. */
  examined: number;
}

export interface PlayFacts {
  hintsUsed: number;
  seconds: number;
}

export function scoreBoard(
  par: number,
  board: Board,
  solved: boolean,
  facts: PlayFacts,
): BoardScore {
  const moves = board.moves.length;
  const s = scorePlay({ solved, par, moves, examined: board.examined, ...facts });
  const examined = board.examined.reduce((a, b) => a + b, 0);
  return { solved, moves, par, stars: s.stars, points: s.points, examined };
}
