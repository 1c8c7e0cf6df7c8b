/** Per-student status in the current round, as the dashboard shows it, and the class counts. */
import { activeMs } from './clock.ts';
import { rightLines } from './program.ts';
import type { Cell, LiveItem, LiveState, LiveStudent } from './types.ts';

export type StudentStatus = 'not_started' | 'working' | 'stuck' | 'solved' | 'answered';

/** The student's cell in the current round, or null. */
function currentCell(state: LiveState, student: LiveStudent): Cell | null {
  return state.round === null ? null : (student.cells[state.round.index] ?? null);
}

/**
 * - predict rounds: `answered` once answered, else `not_started`;
 * - puzzle rounds: `solved`; `stuck` when the last progress (or the round start, for a student
 *   who never moved) is at least settings.stuckSeconds of active time ago; `working` once moved.
 */
export function statusOf(state: LiveState, student: LiveStudent, now: number): StudentStatus {
  const round = state.round;
  if (round === null) return 'not_started';
  const item = state.items[round.index];
  const cell = currentCell(state, student);
  if (item?.kind === 'predict' || item?.kind === 'program')
    return cell?.finished ? 'answered' : 'not_started';
  if (cell?.finished) return finishedStatus(item?.kind);
  const idleMs = activeMs(round, now) - (cell?.lastProgressMs ?? 0);
  if (idleMs >= state.settings.stuckSeconds * 1000) return 'stuck';
  return cell !== null && cell.moves > 0 ? 'working' : 'not_started';
}

/** What a finished cell shows: an answered question or a solved puzzle. */
export function finishedStatus(kind: string | undefined): 'answered' | 'solved' {
  return kind === 'predict' || kind === 'program' ? 'answered' : 'solved';
}

/** A cell of a round that is over (never `stuck`: time no longer runs for it). */
export function pastStatus(item: LiveItem, cell: Cell | null): StudentStatus {
  if (cell?.finished) return finishedStatus(item.kind);
  return cell !== null && cell.moves > 0 ? 'working' : 'not_started';
}

export type StatusCounts = Record<StudentStatus, number>;

export function statusCounts(state: LiveState, now: number): StatusCounts {
  const counts: StatusCounts = { not_started: 0, working: 0, stuck: 0, solved: 0, answered: 0 };
  for (const s of state.students) counts[statusOf(state, s, now)]++;
  return counts;
}

/** Answers given in the current predict round, counted per answer (every choice listed, even at 0). */
export function answerDistribution(state: LiveState): { answer: string; count: number }[] {
  const round = state.round;
  const item = round === null ? undefined : state.items[round.index];
  if (round === null || item?.kind !== 'predict') return [];
  const counts = new Map<string, number>(item.choices.map((c) => [c, 0]));
  for (const s of state.students) {
    const a = s.cells[round.index]?.answer;
    if (a !== null && a !== undefined) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return [...counts].map(([answer, count]) => ({ answer, count }));
}

/** A program round: for each printed line, how many students predicted it right. */
export function linesRight(state: LiveState): number[] {
  const round = state.round;
  const item = round === null ? undefined : state.items[round.index];
  if (round === null || item?.kind !== 'program') return [];
  const counts = item.expected.map(() => 0);
  for (const s of state.students) {
    const lines = s.cells[round.index]?.lines;
    if (lines)
      rightLines(item.expected, lines).forEach((right, i) => (counts[i]! += right ? 1 : 0));
  }
  return counts;
}
