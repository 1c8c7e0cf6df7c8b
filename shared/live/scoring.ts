/**
 * Live-round points: accuracy first. A solved puzzle earns points by its stars (moves against par,
 * hints — shared/puzzles/scoring.ts), a predict answer earns points when correct. The speed bonus
 * is added only when the teacher enabled it, and only to a correct/solved cell.
 */
import { starsFor } from '../puzzles/scoring.ts';

const LIVE_POINTS = {
  /** By stars 0..3. */
  puzzle: [0, 500, 750, 1000] as const,
  predictCorrect: 1000,
  speedBonusMax: 500,
  /** Window the bonus drains over in an untimed round. */
  untimedBonusWindowMs: 60_000,
} as const;

export function puzzlePoints(moves: number, par: number, hintsUsed: number): number {
  return LIVE_POINTS.puzzle[starsFor(true, moves, par, hintsUsed)];
}

export const predictPoints = (correct: boolean): number =>
  correct ? LIVE_POINTS.predictCorrect : 0;

/** A program round: its points shared out over the printed lines, for each line right. */
export const programPoints = (right: number, of: number): number =>
  of === 0 ? 0 : Math.round((LIVE_POINTS.predictCorrect * right) / of);

/** Linear from speedBonusMax at 0 ms to 0 at the end of the window (the round limit, or 60 s). */
export function speedBonus(elapsedMs: number, limitMs: number | null): number {
  const windowMs = limitMs ?? LIVE_POINTS.untimedBonusWindowMs;
  const share = Math.max(0, 1 - elapsedMs / windowMs);
  return Math.round(LIVE_POINTS.speedBonusMax * share);
}
