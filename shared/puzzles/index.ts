/** Public API of the puzzles package (pure: no I/O, no clocks, no randomness but the seeded PRNG). */
export * from './contract.ts';
export { type Puzzle } from './format.ts';
export { CAMPAIGN, CHAPTERS } from './campaign/index.ts';
export { QUESTIONS, answerOf, choicesOf, type Question } from './questions/index.ts';
export { generatePuzzle } from './generator.ts';
