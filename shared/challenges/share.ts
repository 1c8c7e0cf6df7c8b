/**
 * The spoiler-free share string: the challenge, stars, moves against par, score, rank, and one
 * emoji per move (what the move did, never which arrow), ten to a line, as Wordle shares a grid.
 */
import type { StepKind } from './steps.ts';

const STEP_EMOJI: Record<StepKind, string> = {
  made: '🔗',
  deleted: '✂️',
  collection: '🧹',
  cycleBroken: '💥',
  other: '⚙️',
};

export interface ShareInput {
  challengeId: string;
  stars: number;
  moves: number;
  par: number;
  score: number;
  steps: readonly StepKind[];
  /** 1-based verified rank and board size, when known. */
  rank?: { rank: number; of: number };
}

const PER_LINE = 10;

/** Emoji rows for the steps, PER_LINE to a row. */
function stepRows(steps: readonly StepKind[]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < steps.length; i += PER_LINE)
    rows.push(
      steps
        .slice(i, i + PER_LINE)
        .map((s) => STEP_EMOJI[s])
        .join(''),
    );
  return rows;
}

/** e.g. "Heap Heroes daily-2026-11-24\n⭐⭐⭐ 4/4 moves · 1200 pts · #3 of 41\n✂️✂️💥🧹". */
export function shareString(s: ShareInput): string {
  const stars = '⭐'.repeat(s.stars) || '—';
  const rank = s.rank ? ` · #${s.rank.rank} of ${s.rank.of}` : '';
  return [
    `Heap Heroes ${s.challengeId}`,
    `${stars} ${s.moves}/${s.par} moves · ${s.score} pts${rank}`,
    ...stepRows(s.steps),
  ].join('\n');
}
