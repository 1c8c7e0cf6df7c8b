/**
 * Leaderboard order and histograms, pure.
 *
 * Order (deterministic, total): game score descending, then moves ascending, then objects the
 * collections examined ascending, then the earliest submission, then the device id (ascending,
 * code-unit order) so two entries never tie.
 */

export interface RankKey {
  score: number;
  moves: number;
  examined: number;
  /** Milliseconds since the epoch of the submission that produced this result. */
  submittedAt: number;
  device: string;
}

/** Negative when `a` ranks above `b`. */
export function compareEntries(a: RankKey, b: RankKey): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.moves !== b.moves) return a.moves - b.moves;
  if (a.examined !== b.examined) return a.examined - b.examined;
  if (a.submittedAt !== b.submittedAt) return a.submittedAt - b.submittedAt;
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

/**
 * Whether a new result should replace a device's stored best. Same score, moves and examined
 * means "not better": the earlier submission keeps its place.
 */
export function isImprovement(
  next: Omit<RankKey, 'submittedAt' | 'device'>,
  best: Omit<RankKey, 'submittedAt' | 'device'>,
): boolean {
  return (
    compareEntries(
      { ...next, submittedAt: 0, device: '' },
      { ...best, submittedAt: 0, device: '' },
    ) < 0
  );
}

export interface HistogramBin {
  moves: number;
  count: number;
}

/** Count of entries per move count, ascending by moves; empty bins are left out. */
export function histogram(moveCounts: readonly number[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const m of moveCounts) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([moves, count]) => ({ moves, count }));
}
