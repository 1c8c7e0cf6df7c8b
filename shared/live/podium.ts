/**
 * Standings. Only revealed rounds count (a predict answer's points must not leak its correctness
 * before the reveal). Ranks are competition ranks (1, 2, 2, 4); ties keep join order.
 * The projector shows the top 5; each student is told only their own rank.
 */
import { roundInProgress } from './phases.ts';
import type { LiveState, LiveStudent } from './types.ts';

const PODIUM_SIZE = 5;

export interface Standing {
  studentId: string;
  nickname: string;
  points: number;
  rank: number;
}

/** Rounds whose points are public: every started round, except the current one while it runs. */
export function revealedRounds(state: LiveState): number {
  if (state.round === null) return 0;
  const current = state.round.index;
  return roundInProgress(state.phase) ? current : current + 1;
}

function visiblePoints(state: LiveState, student: LiveStudent): number {
  const upTo = revealedRounds(state);
  return student.cells.slice(0, upTo).reduce((sum, c) => sum + (c?.points ?? 0), 0);
}

export function standings(state: LiveState): Standing[] {
  const scored = state.students.map((s, order) => ({ s, order, points: visiblePoints(state, s) }));
  scored.sort((a, b) => b.points - a.points || a.order - b.order);
  let rank = 0;
  return scored.map((e, i) => {
    if (i === 0 || e.points !== scored[i - 1]!.points) rank = i + 1;
    return { studentId: e.s.id, nickname: e.s.nickname, points: e.points, rank };
  });
}

export const podium = (state: LiveState): Standing[] => standings(state).slice(0, PODIUM_SIZE);

export function rankOf(state: LiveState, studentId: string): Standing | undefined {
  return standings(state).find((s) => s.studentId === studentId);
}
