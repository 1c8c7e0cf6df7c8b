/**
 * The one interface scenes talk to. A Session owns the board and the rules (through shared code
 * or a server room); scenes only send Python statements and render what comes back.
 *
 * Contracts:
 * - `submit` never throws for a rule violation: a rejected statement resolves `{ ok: false }`
 *   with the Python/engine error, and the board is unchanged.
 * - `snapshot()` is the current truth; listeners get every new snapshot after it changes.
 * - Undo/redo/reset are moves over the accepted-move log (board = replay of the log).
 */
import type { Action } from '../../shared/engine/actions.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import type {
  Board,
  GoalStatus,
  MoveError,
  MoveKind,
  MoveOutcome,
} from '../../shared/puzzles/contract.ts';
import type { Text } from '../../shared/puzzles/format.ts';

/** What a scene needs to show about the current puzzle (texts in both languages). */
export interface PuzzleInfo {
  id: string;
  chapter: number;
  title: Text;
  lesson: Text;
  hints: readonly Text[];
  par: number;
  allowed: readonly MoveKind[];
  /** One line per goal clause, same order and ids as GoalStatus.clauses. */
  goals: readonly { id: string; text: Text }[];
}

export interface Snapshot {
  board: Board;
  goal: GoalStatus;
  canUndo: boolean;
  canRedo: boolean;
  hintsUsed: number;
  /** Heap bytes of the current board (sys.getsizeof summed). */
  heapBytes: number;
}

export type SubmitResult =
  | { ok: true; statement: string; outcome: MoveOutcome; before: EngineState }
  | { ok: false; statement: string; error: MoveError };

export interface Session {
  readonly mode: 'local' | 'room';
  readonly puzzle: PuzzleInfo;
  /**
   * A board to look at, not play (a teacher watching a student, the projector's replay of a
   * predict line): the scene hides the move tools, the console input and drag gestures.
   */
  readonly readOnly?: boolean;
  /**
   * A replay of a predict question's program (the projector's "Show it"): `before` is the program
   * that ran before the board was shown. The scene titles it as a replay without goal, moves or par,
   * lists `before` ahead of the played lines in the code panel, and narrates "Ran:" (not "You ran:").
   */
  readonly replay?: { readonly before: string };
  /** Where the board's "← Levels" goes instead of the campaign (a live class: its class screen). */
  readonly exit?: () => void;
  snapshot(): Snapshot;
  /** Play one Python statement. */
  submit(statement: string): Promise<SubmitResult>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  reset(): Promise<void>;
  /** Run a `print(...)` on the board without making a move (the console's "look, don't touch"). */
  inspect(
    statement: string,
  ): Promise<{ ok: true; output: string[] } | { ok: false; error: MoveError }>;
  /**
   * The engine actions an accepted statement ran on `before`, in order: the picture steps through
   * a call with them (frame pushed, locals bound, return). Optional: without it a call is shown
   * as its end state only.
   */
  actionsOf?(before: EngineState, statement: string): readonly Action[];
  /** Functions the level's setup defines (the call tools). */
  functions(): string[];
  /** The level's setup as a runnable program (for the downloadable solution). */
  setupProgram(): string;
  /** Open the next hint tier (counts against stars); null when none is left. */
  nextHint(): { tier: number; total: number; text: Text } | null;
  /** Called after every change of the snapshot; returns the unsubscribe function. */
  onChange(listener: (snapshot: Snapshot) => void): () => void;
  dispose(): void;
}
