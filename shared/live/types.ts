/**
 * Live rounds (issue 8): the state a teacher-hosted session moves through, as plain JSON.
 *
 * Contracts:
 * - `applyLive` (machine.ts) is the only writer; it never mutates its input and never reads a
 *   clock: every command carries `now` (milliseconds, supplied by the server).
 * - A round is one item of the session's set: a puzzle (each student solves it on their own board)
 *   or a predict question (each student answers once).
 * - Learning points are accuracy: solving (stars against par) or answering correctly. The speed
 *   bonus exists only when the teacher turns it on.
 * - Round time is *active* time: paused stretches do not count (timers, speed bonus, stuck).
 */
import type { Concept } from '../puzzles/format.ts';
import type { Replay } from './replay.ts';

export type Phase = 'lobby' | 'running' | 'paused' | 'reveal' | 'between' | 'podium' | 'ended';

interface PuzzleItem {
  kind: 'puzzle';
  id: string;
  concepts: readonly Concept[];
  par: number;
}

interface PredictItem {
  kind: 'predict';
  id: string;
  concepts: readonly Concept[];
  /** Multiple-choice answers in display order (the correct one among them). */
  choices: readonly string[];
  /** The engine-computed answer. Never mirrored to students before the reveal. */
  answer: string;
  /** The question's program stepped through at the reveal (replay.ts), when it records. */
  replay?: Replay;
}

/**
 * A Playground program: students type what each printed line shows (program.ts). It is its own
 * replay (replay.ts: source, steps, stops).
 */
export interface ProgramItem extends Replay {
  kind: 'program';
  id: string;
  concepts: readonly Concept[];
  /** The printed lines, as the VM (= CPython 3.11) prints them. Never mirrored before the reveal. */
  expected: readonly string[];
  /** For each printed line, the first replay step whose console shows it. */
  printSteps: readonly number[];
}

export type LiveItem = PuzzleItem | PredictItem | ProgramItem;

export interface LiveSettings {
  /** No new seats (token rejoins still work). */
  locked: boolean;
  /** New students may join after the first round started. */
  allowLateJoin: boolean;
  /** Faster correct answers earn up to SPEED_BONUS_MAX extra points. Off by default. */
  speedBonus: boolean;
  /** Active seconds without progress after which a working student shows as stuck. */
  stuckSeconds: number;
  /** Length of a round in seconds when `start` names none; null = untimed (the default). */
  roundSeconds: number | null;
}

export const DEFAULT_SETTINGS: LiveSettings = {
  locked: false,
  allowLateJoin: true,
  speedBonus: false,
  stuckSeconds: 90,
  roundSeconds: null,
};

/** The clock of the current (or last) round. All fields are milliseconds. */
export interface RoundClock {
  index: number;
  startedAt: number;
  /** null = untimed. Extensions add to it. */
  limitMs: number | null;
  /** Set while paused. */
  pausedAt: number | null;
  /** Total paused time before `pausedAt`. */
  pausedMs: number;
  /** Set once the round ended (reveal). */
  endedAt: number | null;
}

/** One student's work on one round. */
export interface Cell {
  moves: number;
  hintsUsed: number;
  /** Puzzle solved, or predict answered (right or wrong). */
  finished: boolean;
  /** Puzzle: solved. Predict: answered correctly. */
  correct: boolean;
  /** Predict: the answer given (normalized), else null. */
  answer: string | null;
  /** Program: one typed line per printed line (as sent, trimmed), else null. */
  lines: readonly string[] | null;
  /** Active round time of the last progress (ms), for "stuck". */
  lastProgressMs: number;
  /** Active round time when finished (ms), else null. */
  elapsedMs: number | null;
  points: number;
}

export interface LiveStudent {
  id: string;
  /** What everybody sees (a generated name while a refused name waits for approval). */
  nickname: string;
  /** The typed name the filter refused; teachers see it and may approve it. */
  pendingName: string | null;
  joinedAt: number;
  /** By round index; null = never touched that round. */
  cells: (Cell | null)[];
}

export interface LiveState {
  phase: Phase;
  settings: LiveSettings;
  items: readonly LiveItem[];
  /** null before the first round. */
  round: RoundClock | null;
  /** In join order. Kicked students are removed. */
  students: readonly LiveStudent[];
  /** PRNG state of the nickname generator (shared/engine/rng.ts). */
  rng: number;
  /** The step the reveal's replay shows (replay.ts); its first stop when a reveal starts. */
  replayStep: number;
}

/** What happened, for the server to act on (timers, boards, storage, messages). */
export type LiveEvent =
  | { type: 'joined'; studentId: string; nickname: string; filtered: boolean }
  | { type: 'kicked'; studentId: string }
  | { type: 'renamed'; studentId: string; nickname: string }
  | { type: 'settings'; settings: LiveSettings }
  | { type: 'items'; count: number }
  | { type: 'roundStarted'; index: number; item: LiveItem }
  | { type: 'paused' }
  | { type: 'resumed' }
  | { type: 'extended'; limitMs: number }
  | { type: 'progress'; studentId: string }
  | { type: 'finished'; studentId: string; index: number }
  | { type: 'hint'; studentId: string; tier: number }
  | { type: 'revealed'; index: number; reason: 'skip' | 'time' | 'all_finished' }
  | { type: 'between'; index: number }
  | { type: 'replayed'; step: number }
  | { type: 'podium' }
  | { type: 'ended' };
