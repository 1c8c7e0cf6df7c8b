/**
 * The challenges HTTP API (JSON), shared by the server and the client.
 *
 * - GET  /api/challenges/today → TodayResponse: the current daily and weekly challenges.
 * - GET  /api/challenges/:id → ChallengeView (any challenge that has opened).
 * - POST /api/challenges/:id/submit, body SubmitRequest → SubmitResponse. The server replays the
 *   moves and computes the score itself; any other field (score, time, par) is ignored.
 * - GET  /api/challenges/:id/leaderboard?device=TOKEN&class=CODE → LeaderboardResponse: best
 *   result per device, top LEADERBOARD_SIZE, the caller's own rank, the move-count histogram;
 *   scoped to a class when `class` is given.
 * Errors: 4xx `{ error: { code, message, moveIndex? } }` (as the rest of /api), never a 500 for a
 * client mistake. Codes: CHALLENGE_ERRORS below, `request/invalid`, `request/malformed`, and a
 * refused move's own code (`python/NameError`, `move/not_allowed`, `board/solved`, …) with its index.
 */
import { z } from 'zod';
import { NICKNAME_INPUT_MAX } from '../live/nickname.ts';
import type { Puzzle } from '../puzzles/format.ts';
import type { ChallengeKind } from './ids.ts';
import type { HistogramBin } from './rank.ts';
import type { StepKind } from './steps.ts';

export const CHALLENGE_LIMITS = {
  moves: 200,
  moveChars: 200,
  classCodeChars: 16,
} as const;

export const LEADERBOARD_SIZE = 100;

/** localStorage key of the device token (one per browser, sent with every submission). */
export const DEVICE_TOKEN_KEY = 'heap-heroes:device';

export const CHALLENGE_ERRORS = {
  unknown: 'challenge/unknown',
  notOpen: 'challenge/not_open',
  closed: 'challenge/closed',
  nicknameInvalid: 'nickname/invalid',
  nicknameProfane: 'nickname/profane',
  rateLimited: 'rate/limited',
} as const;

export const DeviceToken = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a device token is 16-64 letters, digits, - or _');
/** Class codes are case-insensitive; the server stores them upper-case. */
export const ClassCode = z
  .string()
  .trim()
  .min(3)
  .max(CHALLENGE_LIMITS.classCodeChars)
  .regex(/^[A-Za-z0-9-]+$/, 'a class code is letters, digits or -')
  .transform((s) => s.toUpperCase());

/** Shape only; the nickname's length and words are checked by the server (nickname/...). */
export const SubmitRequest = z.object({
  nickname: z.string().max(NICKNAME_INPUT_MAX),
  deviceToken: DeviceToken,
  moves: z.array(z.string().min(1).max(CHALLENGE_LIMITS.moveChars)).max(CHALLENGE_LIMITS.moves),
  classCode: ClassCode.optional(),
});
export type SubmitRequest = z.input<typeof SubmitRequest>;

export const LeaderboardQuery = z.object({
  device: DeviceToken.optional(),
  class: ClassCode.optional(),
});

/** A challenge's puzzle as served: never its reference solution. */
export type PublicPuzzle = Omit<Puzzle, 'solution'>;

export interface ChallengeView {
  id: string;
  kind: ChallengeKind;
  period: string;
  /** Submissions accepted from opensAt (inclusive) to closesAt (exclusive), ms since the epoch. */
  opensAt: number;
  closesAt: number;
  puzzle: PublicPuzzle;
}

export interface TodayResponse {
  /** The server's clock, ms since the epoch. */
  now: number;
  daily: ChallengeView;
  weekly: ChallengeView;
}

export interface SubmitResponse {
  challengeId: string;
  /** Computed by the server from the replay. */
  result: {
    solved: boolean;
    moves: number;
    par: number;
    stars: number;
    score: number;
    examined: number;
  };
  steps: StepKind[];
  /** Whether this submission became the device's best (unsolved plays are not recorded). */
  improved: boolean;
  /** The device's rank on the global board after this submission; null when unsolved. */
  rank: { rank: number; of: number } | null;
  /** Spoiler-free share text (shared/challenges/share.ts). */
  share: string;
}

export interface LeaderboardEntry {
  rank: number;
  nickname: string;
  score: number;
  moves: number;
  stars: number;
  /** True on the caller's own row (the `device` query parameter). */
  you: boolean;
}

export interface LeaderboardResponse {
  challengeId: string;
  /** Upper-cased class code of a class board, null for the global board. */
  classCode: string | null;
  par: number;
  /** Devices on this board. */
  total: number;
  entries: LeaderboardEntry[];
  /** The caller's row wherever it ranks (also when outside the top), or null. */
  you: LeaderboardEntry | null;
  /** How many devices' best solution took each number of moves. */
  histogram: HistogramBin[];
}
