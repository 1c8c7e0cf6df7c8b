/**
 * The board master: the one authoritative layer over a puzzle board, run unchanged by the rooms,
 * `POST /api/verify`, the challenge leaderboard and both client sessions (as boardgame.io's
 * Master). A match is a puzzle, its board (engine state + accepted-move log), the goal status, the
 * hints opened and the moves taken back (redo). The rules (`BoardRules`: parse a Python statement
 * through the runner, check the palette, run the engine) decide a move; the master adds what every
 * caller used to add by hand: the stale-version check, no move after the goal, undo/redo, reset,
 * replay of a move list, hints and the score.
 *
 * Contracts:
 * - Pure and deterministic; a refusal is a value `{ ok: false, code, message }` with a namespaced
 *   code (BOARD_ERRORS or the rules' own) and the match it was asked about stays valid.
 * - An accepted operation returns a new match; the match it was given must not be used again (an
 *   in-place engine may have reused its state). The one board the master hands back after the
 *   rules saw it is `Moved.before`, which stays intact because by default the puzzle rules run
 *   each statement on the runner's own copy (see `prior`). An in-place master (`MasterOptions`,
 *   the rooms and the verifier) skips that copy and hands back no `before`.
 * - Undo replays the log minus its last move from a start board the master owns (a copy), so it is
 *   correct whether `apply` copies or updates in place; boards are small.
 * - Version = number of accepted moves.
 */
import { cloneState, stateDigest, type Result } from '../engine/index.ts';
import { applyMove, goalStatus, startBoard } from '../puzzles/board.ts';
import type { Board, GoalStatus, MoveError, MoveOutcome } from '../puzzles/contract.ts';
import type { Puzzle } from '../puzzles/format.ts';
import { BOARD_ERRORS } from './errors.ts';
import { scoreBoard, type BoardScore } from './score.ts';

/** What decides a single move: shared/puzzles/board.ts (tests may wrap it to observe calls). */
export interface BoardRules {
  startBoard(puzzle: Puzzle): Board;
  /** With `inPlace` the rules may update `board.engine` itself (a refused move changes nothing). */
  applyMove(
    puzzle: Puzzle,
    board: Board,
    move: string,
    opts?: { inPlace?: boolean },
  ): Result<MoveOutcome, MoveError>;
  goalStatus(puzzle: Puzzle, board: Board): GoalStatus;
}

export const PUZZLE_RULES: BoardRules = { startBoard, applyMove, goalStatus };

export interface Match {
  readonly puzzle: Puzzle;
  readonly board: Board;
  readonly goal: GoalStatus;
  /** Hint tiers opened on this match (0..puzzle.hints.length); they cost points and stars. */
  readonly hintsUsed: number;
  /** Moves taken back, the most recent last: what redo plays again. */
  readonly undone: readonly string[];
}

type Refusal = { ok: false } & MoveError;
/**
 * `before` is the board the move was played on (animations, share steps), see `prior`; null
 * from an in-place master, which does not keep it.
 */
type Moved<B> = { ok: true; match: Match; outcome: MoveOutcome; before: B };
type Replayed = { ok: true; match: Match } | (Refusal & { moveIndex: number });

type Observer<B> = (before: B, outcome: MoveOutcome) => void;

/** `B`: what `Moved.before` is — the board before the move, or null from an in-place master. */
export interface Master<B extends Board | null = Board> {
  /** A fresh match on the puzzle's start board. */
  open(puzzle: Puzzle): Match;
  /** Play one Python statement; `expectedVersion` (when given) must be the board's version. */
  play(match: Match, move: string, expectedVersion?: number): Moved<B> | Refusal;
  undo(match: Match, expectedVersion?: number): { ok: true; match: Match } | Refusal;
  redo(match: Match, expectedVersion?: number): Moved<B> | Refusal;
  /** Back to the start board; hints opened stay opened. */
  reset(match: Match): Match;
  /** Open the next hint tier; null when every hint is open. */
  openHint(match: Match): Match | null;
  /**
   * Play `moves` in order from the start board with the same checks as `play`; the first refusal
   * names its move. `observe` sees each accepted move with the board it was played on.
   */
  replay(puzzle: Puzzle, moves: readonly string[], observe?: Observer<B>): Replayed;
  /** The score of the match now (scoring rule: shared/board/score.ts). */
  score(match: Match, seconds: number): BoardScore;
}

export const versionOf = (match: Match): number => match.board.moves.length;

const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });

function staleness(match: Match, expected: number | undefined): Refusal | null {
  if (expected === undefined || expected === versionOf(match)) return null;
  return refuse(
    BOARD_ERRORS.stale,
    `The board has changed (version ${versionOf(match)}, you sent ${expected}).`,
  );
}

/**
 * A start board nobody else holds: the rules' start board may be shared (memoized). The engine
 * copy keeps the start state's digest cache (cloneState), so a reset board's first digest costs
 * what its first move touches.
 */
const ownCopy = (board: Board): Board => {
  stateDigest(board.engine); // computed once per start board, then cached on it
  return {
    puzzleId: board.puzzleId,
    engine: cloneState(board.engine),
    moves: [...board.moves],
    collections: board.collections.map((c) => ({ ...c })),
    examined: [...board.examined],
  };
};

/**
 * The board before a move, as callers receive it in `Moved.before`. The puzzle rules run each
 * statement on the runner's own copy of the state (shared/python/runtime.ts `newRuntime`), so the
 * board handed to them stays intact even with the in-place engine; rules that updated the board
 * in place would make this `ownCopy` (the one line to change).
 */
const prior = (board: Board): Board => board;

export interface MasterOptions {
  /**
   * Run each move on the match's own engine state in place (the engine's undo logs take back a
   * refused statement): a move then costs what it touches instead of a copy of the state, and the
   * state keeps its incremental digest from move to move. `Moved.before` is then null, and a match
   * is spent once a move is played on it (the rooms and the verifier keep only the latest).
   */
  inPlace: true;
}

export function createMaster(rules?: BoardRules): Master;
export function createMaster(rules: BoardRules, opts: MasterOptions): Master<null>;
export function createMaster(
  rules: BoardRules = PUZZLE_RULES,
  opts?: MasterOptions,
): Master<Board | null> {
  const inPlace = opts?.inPlace === true;
  const at = (match: Match, board: Board, undone: readonly string[]): Match => ({
    puzzle: match.puzzle,
    board,
    goal: rules.goalStatus(match.puzzle, board),
    hintsUsed: match.hintsUsed,
    undone,
  });

  const open = (puzzle: Puzzle): Match => {
    const board = ownCopy(rules.startBoard(puzzle));
    return { puzzle, board, goal: rules.goalStatus(puzzle, board), hintsUsed: 0, undone: [] };
  };

  /** The move checks shared by play, redo and replay; `undone` is the redo stack after it. */
  const advance = (
    match: Match,
    move: string,
    undone: readonly string[],
  ): Moved<Board | null> | Refusal => {
    if (match.goal.done) return refuse(BOARD_ERRORS.solved, 'This puzzle is already solved.');
    const before = inPlace ? null : prior(match.board);
    const result = rules.applyMove(match.puzzle, match.board, move, inPlace ? { inPlace } : {});
    if (!result.ok) return { ok: false, ...result.error };
    const next = at(match, result.value.board, undone);
    return { ok: true, match: next, outcome: result.value, before };
  };

  const replayFrom = (
    start: Match,
    moves: readonly string[],
    observe?: Observer<Board | null>,
  ): Replayed => {
    let match = start;
    for (const [moveIndex, move] of moves.entries()) {
      const moved = advance(match, move, []);
      if (!moved.ok) return { ...moved, moveIndex };
      observe?.(moved.before, moved.outcome);
      match = moved.match;
    }
    return { ok: true, match };
  };

  return {
    open,
    play: (match, move, expectedVersion) =>
      staleness(match, expectedVersion) ?? advance(match, move, []),
    undo(match, expectedVersion) {
      const stale = staleness(match, expectedVersion);
      if (stale) return stale;
      const moves = match.board.moves;
      if (moves.length === 0)
        return refuse(BOARD_ERRORS.nothingToUndo, 'There is no move to take back.');
      const start = { ...open(match.puzzle), hintsUsed: match.hintsUsed };
      const replayed = replayFrom(start, moves.slice(0, -1));
      if (!replayed.ok) return replayed;
      return { ok: true, match: { ...replayed.match, undone: [...match.undone, moves.at(-1)!] } };
    },
    redo(match, expectedVersion) {
      const stale = staleness(match, expectedVersion);
      if (stale) return stale;
      const move = match.undone.at(-1);
      if (move === undefined)
        return refuse(BOARD_ERRORS.nothingToRedo, 'There is no move to play again.');
      return advance(match, move, match.undone.slice(0, -1));
    },
    reset: (match) => ({ ...open(match.puzzle), hintsUsed: match.hintsUsed }),
    openHint: (match) =>
      match.hintsUsed >= match.puzzle.hints.length
        ? null
        : { ...match, hintsUsed: match.hintsUsed + 1 },
    replay: (puzzle, moves, observe) => replayFrom(open(puzzle), moves, observe),
    score: (match, seconds) =>
      scoreBoard(match.puzzle.par, match.board, match.goal.done, {
        hintsUsed: match.hintsUsed,
        seconds,
      }),
  };
}

/** The master over the real puzzle rules (what the clients, the verifier and the leaderboard use). */
export const master: Master = createMaster();
