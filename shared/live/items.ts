/**
 * What a lesson round's id names, for every caller (the server's catalog, the teacher's playlist,
 * a student's board): a campaign level by id, a generated puzzle by its `gen-<seed>-<difficulty>`
 * id (generator.ts makes the same id from the same seed), or a predict question by id.
 */
import {
  campaignPuzzle,
  generatePuzzle,
  QUESTIONS,
  type Puzzle,
  type Question,
} from '../puzzles/index.ts';

export function livePuzzle(id: string): Puzzle | undefined {
  const generated = /^gen-(\d{1,10})-([123])$/.exec(id);
  if (generated) return generatePuzzle(Number(generated[1]), Number(generated[2]) as 1 | 2 | 3);
  return campaignPuzzle(id);
}

export const liveQuestion = (id: string): Question | undefined =>
  QUESTIONS.find((q) => q.id === id);

/** A question as one line: its program and the asked lines, statements joined by '; '. */
export function questionLine(q: Question): string {
  const statements = [...q.program.trim().split('\n'), ...q.lines].map((l) => l.trim());
  const line = statements.filter(Boolean).join('; ');
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}
