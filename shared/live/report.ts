/**
 * The teacher's report: one row per student × played round, and a per-concept summary computed
 * from the concept tags of missed items (unsolved puzzles, wrong or missing answers), so the
 * teacher reads "most of the class misses cycles held by a live name" instead of a score table.
 */
import type { Concept } from '../puzzles/format.ts';
import { playedRounds } from './playlist.ts';
import { standings, type Standing } from './podium.ts';
import type { LiveItem, LiveState } from './types.ts';

export interface ReportRow {
  studentId: string;
  nickname: string;
  /** 1-based round number. */
  round: number;
  itemId: string;
  kind: LiveItem['kind'];
  concepts: Concept[];
  /** Puzzle solved / predict answered correctly. */
  correct: boolean;
  /** Puzzle: moves on the board at the end; predict: 0. */
  moves: number;
  /** Puzzle par, else null. */
  par: number | null;
  /** Active seconds until solved/answered (rounded), null when not finished. */
  seconds: number | null;
  hintsUsed: number;
  /** Predict: the answer given; program: the typed lines joined by ' | '; '' when none. */
  answer: string;
  points: number;
}

interface ConceptSummary {
  concept: Concept;
  /** Student × item pairs tagged with the concept. */
  attempts: number;
  misses: number;
  /** Whole percent of attempts missed. */
  missPercent: number;
}

export interface LiveReport {
  rows: ReportRow[];
  /** Most-missed first (ties: concept name order). */
  concepts: ConceptSummary[];
  /** The concept most of the class (more than half) missed, if any. */
  headline: ConceptSummary | null;
  standings: Standing[];
}

function reportRows(state: LiveState): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const s of state.students) {
    for (let i = 0; i < playedRounds(state); i++) {
      const item = state.items[i]!;
      const c = s.cells[i] ?? null;
      rows.push({
        studentId: s.id,
        nickname: s.nickname,
        round: i + 1,
        itemId: item.id,
        kind: item.kind,
        concepts: [...item.concepts],
        correct: c?.correct ?? false,
        moves: item.kind === 'puzzle' ? (c?.moves ?? 0) : 0,
        par: item.kind === 'puzzle' ? item.par : null,
        seconds: c?.elapsedMs == null ? null : Math.round(c.elapsedMs / 1000),
        hintsUsed: c?.hintsUsed ?? 0,
        answer: c?.answer ?? c?.lines?.join(' | ') ?? '',
        points: c?.points ?? 0,
      });
    }
  }
  return rows;
}

function conceptSummary(rows: readonly ReportRow[]): ConceptSummary[] {
  const tally = new Map<Concept, { attempts: number; misses: number }>();
  for (const row of rows) {
    for (const concept of row.concepts) {
      const t = tally.get(concept) ?? { attempts: 0, misses: 0 };
      tally.set(concept, { attempts: t.attempts + 1, misses: t.misses + (row.correct ? 0 : 1) });
    }
  }
  const summary = [...tally].map(([concept, t]) => ({
    concept,
    ...t,
    missPercent: Math.round((100 * t.misses) / t.attempts),
  }));
  return summary.sort(
    (a, b) => b.misses / b.attempts - a.misses / a.attempts || (a.concept < b.concept ? -1 : 1),
  );
}

export function buildReport(state: LiveState): LiveReport {
  const rows = reportRows(state);
  const concepts = conceptSummary(rows);
  const top = concepts[0];
  const headline = top !== undefined && top.misses * 2 > top.attempts ? top : null;
  return { rows, concepts, headline, standings: standings(state) };
}
