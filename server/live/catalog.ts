/**
 * Turns the teacher's choice of set (a campaign chapter, campaign levels, generated puzzles, or
 * predict questions) into rounds: the pure LiveItem the machine scores, plus the Puzzle a puzzle
 * round plays on. Predict answers are computed by the engine (answerOf), never stored; a
 * question's replay for its reveal is recorded at its reveal (programCheck.ts).
 */
import { err, ok, type Result } from '../../shared/engine/result.ts';
import type { LiveItem } from '../../shared/live/index.ts';
import type { LiveSetChoice } from '../../shared/live/protocol.ts';
import { liveQuestion } from '../../shared/live/items.ts';
import { puzzleById } from '../../shared/puzzles/byId.ts';
import {
  answerOf,
  CAMPAIGN,
  choicesOf,
  generatePuzzle,
  QUESTIONS,
  type Puzzle,
  type Question,
} from '../../shared/puzzles/index.ts';

export interface LiveRound {
  item: LiveItem;
  /** Puzzle rounds: what every student's board starts from. */
  puzzle?: Puzzle;
}

export type CatalogError = { code: 'puzzle/unknown' | 'live/no_items'; message: string };

const puzzleRound = (puzzle: Puzzle): LiveRound => ({
  item: { kind: 'puzzle', id: puzzle.id, concepts: puzzle.concepts, par: puzzle.par },
  puzzle,
});

function questionRound(q: Question, seed: number): LiveRound | undefined {
  const answer = answerOf(q);
  if (!answer.ok) return undefined; // a question the engine cannot run is skipped (its test fails anyway)
  return {
    item: {
      kind: 'predict',
      id: q.id,
      concepts: q.concepts,
      choices: choicesOf(q, answer.value, seed),
      answer: answer.value,
    },
  };
}

/** One round by id: a campaign level, a generated puzzle or a predict question (items.ts). */
export function roundById(id: string, seed: number): Result<LiveRound, CatalogError> {
  const puzzle = puzzleById(id);
  const question = puzzle ? undefined : liveQuestion(id);
  const round = puzzle ? puzzleRound(puzzle) : question && questionRound(question, seed);
  return round
    ? ok(round)
    : err({ code: 'puzzle/unknown', message: `No puzzle or question "${id}".` });
}

/** Rounds by id, in the given order. */
function itemsById(ids: readonly string[], seed: number): Result<LiveRound[], CatalogError> {
  const rounds: LiveRound[] = [];
  for (const id of ids) {
    const round = roundById(id, seed);
    if (!round.ok) return round;
    rounds.push(round.value);
  }
  return ok(rounds);
}

/** Generated puzzles ramp up in difficulty: 1, 2, 3, 3, … */
function generatedRounds(seed: number, count: number): LiveRound[] {
  return Array.from({ length: count }, (_, i) =>
    puzzleRound(generatePuzzle(seed + i, Math.min(3, i + 1) as 1 | 2 | 3)),
  );
}

export function resolveSet(choice: LiveSetChoice, seed: number): Result<LiveRound[], CatalogError> {
  const rounds = ((): Result<LiveRound[], CatalogError> => {
    switch (choice.source) {
      case 'chapter':
        return ok(CAMPAIGN.filter((p) => p.chapter === choice.chapter).map(puzzleRound));
      case 'items':
        return itemsById(choice.ids, seed);
      case 'generated':
        return ok(generatedRounds(choice.seed, choice.count));
      case 'predict':
        return itemsById(choice.ids ?? QUESTIONS.map((q) => q.id), seed);
    }
  })();
  if (rounds.ok && rounds.value.length === 0)
    return err({ code: 'live/no_items', message: 'That set is empty.' });
  return rounds;
}
