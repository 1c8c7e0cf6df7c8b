/**
 * Turns the teacher's choice of set (a campaign chapter, campaign levels, generated puzzles, or
 * predict questions) into rounds: the pure LiveItem the machine scores, plus the Puzzle a puzzle
 * round plays on. Predict answers are computed by the engine (answerOf), never stored.
 */
import { err, ok, type Result } from '../../shared/engine/result.ts';
import type { LiveItem } from '../../shared/live/index.ts';
import type { LiveSetChoice } from '../../shared/live/protocol.ts';
import { answerOf, CAMPAIGN, campaignPuzzle, choicesOf, generatePuzzle, QUESTIONS, type Puzzle } from '../../shared/puzzles/index.ts';

export interface LiveRound {
  item: LiveItem;
  /** Puzzle rounds: what every student's board starts from. */
  puzzle?: Puzzle;
}

export type CatalogError = { code: 'puzzle/unknown' | 'question/unknown' | 'live/no_items'; message: string };

const puzzleRound = (puzzle: Puzzle): LiveRound => ({
  item: { kind: 'puzzle', id: puzzle.id, concepts: puzzle.concepts, par: puzzle.par },
  puzzle,
});

function puzzlesById(ids: readonly string[]): Result<LiveRound[], CatalogError> {
  const rounds: LiveRound[] = [];
  for (const id of ids) {
    const puzzle = campaignPuzzle(id);
    if (puzzle === undefined) return err({ code: 'puzzle/unknown', message: `No puzzle "${id}".` });
    rounds.push(puzzleRound(puzzle));
  }
  return ok(rounds);
}

function predictRounds(ids: readonly string[] | undefined, seed: number): Result<LiveRound[], CatalogError> {
  const questions = ids === undefined ? QUESTIONS : ids.map((id) => QUESTIONS.find((q) => q.id === id));
  const rounds: LiveRound[] = [];
  for (const [i, q] of questions.entries()) {
    if (q === undefined) return err({ code: 'question/unknown', message: `No question "${ids![i]}".` });
    const answer = answerOf(q);
    if (!answer.ok) continue; // a question the engine cannot run is skipped (its test fails anyway)
    rounds.push({ item: { kind: 'predict', id: q.id, concepts: q.concepts, choices: choicesOf(q, answer.value, seed), answer: answer.value } });
  }
  return ok(rounds);
}

/** Generated puzzles ramp up in difficulty: 1, 2, 3, 3, … */
function generatedRounds(seed: number, count: number): LiveRound[] {
  return Array.from({ length: count }, (_, i) => puzzleRound(generatePuzzle(seed + i, Math.min(3, i + 1) as 1 | 2 | 3)));
}

export function resolveSet(choice: LiveSetChoice, seed: number): Result<LiveRound[], CatalogError> {
  const rounds = ((): Result<LiveRound[], CatalogError> => {
    switch (choice.source) {
      case 'chapter': return ok(CAMPAIGN.filter((p) => p.chapter === choice.chapter).map(puzzleRound));
      case 'puzzles': return puzzlesById(choice.ids);
      case 'generated': return ok(generatedRounds(choice.seed, choice.count));
      case 'predict': return predictRounds(choice.ids, seed);
    }
  })();
  if (rounds.ok && rounds.value.length === 0) return err({ code: 'live/no_items', message: 'That set is empty.' });
  return rounds;
}
