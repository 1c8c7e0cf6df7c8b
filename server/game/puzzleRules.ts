/** The Rules port bound to the real thing: the campaign catalog and the puzzle board rules. */
import { PUZZLE_RULES } from '../../shared/board/master.ts';
import { hashState, stateDigest } from '../../shared/engine/index.ts';
import { CAMPAIGN, campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import type { Rules } from './rules.ts';

export const puzzleRules: Rules = {
  ...PUZZLE_RULES,
  puzzle: campaignPuzzle,
  defaultPuzzleId: CAMPAIGN[0]!.id,
  hashState,
  stateDigest,
};
