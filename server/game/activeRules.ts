/** The rules the server runs with (tests may pass their own to createGameServer). */
export { puzzleRules as defaultRules } from './puzzleRules.ts';
