/**
 * The rules port: what a room or the verifier needs from shared/, behind one object so rooms never
 * reach into game logic themselves (and tests can wrap it to observe every move). The board rules
 * feed the one board master (shared/board/master.ts), which does the refusals, undo and scoring.
 * `puzzleRules` (puzzleRules.ts) binds it to the real catalog.
 */
import type { EngineState } from '../../shared/engine/index.ts';
import type { BoardRules } from '../../shared/board/master.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';

export interface Rules extends BoardRules {
  /** The catalog puzzle with this id, or undefined. */
  puzzle(id: string): Puzzle | undefined;
  /** The puzzle a room starts on when its creator names none. */
  readonly defaultPuzzleId: string;
  /** The canonical hash (stored with results, compared by verifiers). */
  hashState(state: EngineState): string;
  /** The cheap incremental fingerprint a room mirrors after every move (engine/digest.ts). */
  stateDigest(state: EngineState): string;
}
