/**
 * Predict questions as a lesson's rounds name them, for every caller (the server's catalog, the
 * teacher's playlist, the screens). Puzzle rounds are named by shared/puzzles/byId.ts.
 */
import { QUESTIONS, type Question } from '../puzzles/index.ts';

export const liveQuestion = (id: string): Question | undefined =>
  QUESTIONS.find((q) => q.id === id);

/** A question as one line: its program and the asked lines, statements joined by '; '. */
export function questionLine(q: Question): string {
  const statements = [...q.program.trim().split('\n'), ...q.lines].map((l) => l.trim());
  const line = statements.filter(Boolean).join('; ');
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}
