/** Any puzzle by id: a campaign level, or a generated puzzle by its `gen-<seed>-<difficulty>` id. */
import { campaignPuzzle } from './campaign/index.ts';
import type { Puzzle } from './format.ts';
import { generatedPuzzleOf } from './generator.ts';

export function puzzleById(id: string): Puzzle | undefined {
  return campaignPuzzle(id) ?? generatedPuzzleOf(id);
}
