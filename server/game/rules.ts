/**
 * The rules port: everything a room or the verifier needs from shared/puzzles and shared/engine,
 * behind one object so rooms never reach into game logic themselves (and tests can count calls).
 * `puzzleRules` (puzzleRules.ts) binds it to the real catalog.
 */
import type { EngineState, Result } from '../../shared/engine/index.ts';
import type { Board, GoalStatus, MoveError, MoveOutcome } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';

/** What a solved (or abandoned) board is worth; computed here, never sent by a client. */
export interface Score {
  par: number;
  stars: number;
  score: number;
}

/** What the server itself measured about a play (never client-claimed). */
export interface PlayFacts {
  seconds: number;
  hintsUsed: number;
}

/** Solo verification cannot measure time or hints: they count as 0 (same for everyone). */
export const UNTIMED: PlayFacts = { seconds: 0, hintsUsed: 0 };

export interface Rules {
  /** The catalog puzzle with this id, or undefined. */
  puzzle(id: string): Puzzle | undefined;
  /** The puzzle a room starts on when its creator names none. */
  readonly defaultPuzzleId: string;
  startBoard(puzzle: Puzzle): Board;
  /** Parses and runs one statement; a rule violation is an error value, never a throw. */
  applyMove(puzzle: Puzzle, board: Board, move: string): Result<MoveOutcome, MoveError>;
  goalStatus(puzzle: Puzzle, board: Board): GoalStatus;
  /** Score of a board (0 points unless solved); time and hints are measured by the caller. */
  score(puzzle: Puzzle, board: Board, play: PlayFacts): Score;
  hashState(state: EngineState): string;
}
