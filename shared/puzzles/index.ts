/** Public API of the puzzles package (pure: no I/O, no clocks, no randomness but the seeded PRNG). */
export * from './contract.ts';
export {
  CONCEPTS,
  parseCatalog,
  parsePuzzle,
  PuzzleSchema,
  type Concept,
  type GoalClause,
  type Puzzle,
  type PuzzleInput,
  type Text,
} from './format.ts';
export { applyMove, checkMove, goalStatus, inspect, startBoard, MAX_MOVE_LENGTH } from './board.ts';
export { clauseId, clauseText } from './goals.ts';
export { NOT_ALLOWED } from './classify.ts';
export { CAMPAIGN, CHAPTERS, campaignPuzzle } from './campaign/index.ts';
export { QUESTIONS, answerOf, choicesOf, NONE_SURVIVE, type Question } from './questions/index.ts';
export {
  accuracy,
  scorePlay,
  starsFor,
  SCORING,
  type Accuracy,
  type GameScore,
  type PlayRecord,
} from './scoring.ts';
export { solve, type Solution, type SolveOptions } from './solver.ts';
export { dailyPuzzle, generatePuzzle, weeklyPuzzle, type Difficulty } from './generator.ts';
export { dailySeed, isoWeekOf, weeklySeed } from './calendar.ts';
export { PREAMBLE, withPreamble } from './preamble.ts';
