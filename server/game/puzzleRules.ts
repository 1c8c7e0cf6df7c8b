/** The Rules port bound to the real thing: the campaign catalog, the puzzle board API, scoring. */
import { hashState } from '../../shared/engine/index.ts';
import { applyMove, goalStatus, startBoard } from '../../shared/puzzles/board.ts';
import { CAMPAIGN, campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import { scorePlay } from '../../shared/puzzles/scoring.ts';
import type { Rules } from './rules.ts';

export const puzzleRules: Rules = {
  puzzle: campaignPuzzle,
  defaultPuzzleId: CAMPAIGN[0]!.id,
  startBoard,
  applyMove,
  goalStatus,
  score: (puzzle, board, play) => {
    const solved = goalStatus(puzzle, board).done;
    const examined = board.collections.map((c) => c.examined);
    const s = scorePlay({ solved, par: puzzle.par, moves: board.moves.length, examined, ...play });
    return { par: puzzle.par, stars: s.stars, score: s.points };
  },
  hashState,
};
