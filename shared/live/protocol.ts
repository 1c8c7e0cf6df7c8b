/**
 * Wire protocol of live rounds in the `classroom` room (on top of shared/protocol.ts).
 *
 * - Teachers send `liveHost { cmd, ... }`; students send `liveAnswer` / `liveHint`. Shapes are
 *   checked with these zod schemas (a malformed payload disconnects, as everywhere); a
 *   well-formed command the rules refuse (a student sending a host command, a wrong phase) is
 *   answered in-band with `liveRejected { cmd, code, message }` and changes nothing.
 * - A teacher seat is the host (created the room) or a co-teacher: anyone joining with the
 *   room's co-teacher key as `token` gets a new teacher seat (`welcome.role === 'host'`).
 * - Mirrored state: `live` (public: phase, timer, class counts; the predict answer and the answer
 *   distribution only after the reveal; the top 5 only on the podium) and `liveSeats` (view
 *   filtered like `seats`: a student sees only their own row with their own rank).
 */
import { z } from 'zod';
import { SECONDS_RANGE, EXTEND_MAX_SECONDS } from './machine.ts';
import { PLAYLIST_MAX } from './playlist.ts';
import { PROGRAM_LIMITS } from './program.ts';
import { ANSWER_MAX } from './students.ts';

export const LIVE_MESSAGES = {
  host: 'liveHost',
  answer: 'liveAnswer',
  /** A program round's answers: `{ lines }`, one per printed line. */
  lines: 'liveLines',
  hint: 'liveHint',
  rejected: 'liveRejected',
  /** To teachers: `{ coTeacherKey, reportId }` right after a teacher joins. */
  teacher: 'liveTeacher',
  /** To a student about to be removed (then the socket closes with KICKED_CLOSE_CODE). */
  kicked: 'liveKicked',
} as const;

/** WebSocket close code of a kicked student: do not reconnect; say so. */
export const KICKED_CLOSE_CODE = 4101;

const seconds = z.number().int().min(SECONDS_RANGE.min).max(SECONDS_RANGE.max);
const seatId = z.string().min(1).max(16);
const itemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/);
const roundIndex = z
  .number()
  .int()
  .min(0)
  .max(PLAYLIST_MAX - 1);
const itemIds = z.array(itemId).min(1).max(PLAYLIST_MAX);

/** One edit of the rounds still to play (shared/live/playlist.ts): in the lobby and between rounds. */
const PlaylistEditMessage = z.discriminatedUnion('op', [
  /** A campaign level, generated puzzle or predict question by id, at the end. */
  z.object({ op: z.literal('add'), id: itemId }),
  /**
   * A Playground program (an example's or pasted source), at the end. The shape allows slack
   * for line ends; the rules refuse what is over PROGRAM_LIMITS with the reason.
   */
  z.object({
    op: z.literal('addProgram'),
    source: z
      .string()
      .min(1)
      .max(PROGRAM_LIMITS.chars * 4),
  }),
  z.object({ op: z.literal('remove'), index: roundIndex }),
  z.object({ op: z.literal('move'), from: roundIndex, to: roundIndex }),
]);

/** What the teacher picks; the server turns it into rounds. */
export const LiveSetChoice = z.discriminatedUnion('source', [
  /** Every level of a campaign chapter. */
  z.object({ source: z.literal('chapter'), chapter: z.number().int().min(1).max(99) }),
  /** Campaign levels and predict questions by id, in order (a mixed lesson). */
  z.object({ source: z.literal('items'), ids: itemIds }),
  /** Generated puzzles from a seed. */
  z.object({
    source: z.literal('generated'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    count: z.number().int().min(1).max(10),
  }),
  /** Predict questions by id (all of them, in catalog order, when ids is left out). */
  z.object({ source: z.literal('predict'), ids: itemIds.optional() }),
]);
export type LiveSetChoice = z.infer<typeof LiveSetChoice>;

export const LiveHostMessage = z.discriminatedUnion('cmd', [
  z.object({
    cmd: z.literal('configure'),
    settings: z.object({
      locked: z.boolean().optional(),
      allowLateJoin: z.boolean().optional(),
      speedBonus: z.boolean().optional(),
      stuckSeconds: seconds.optional(),
      roundSeconds: seconds.nullable().optional(),
    }),
  }),
  /** The set in place of the rounds still to play, or with `append` after them. */
  z.object({ cmd: z.literal('setSet'), set: LiveSetChoice, append: z.boolean().optional() }),
  z.object({ cmd: z.literal('playlist'), edit: PlaylistEditMessage }),
  z.object({ cmd: z.literal('kick'), studentId: seatId }),
  z.object({ cmd: z.literal('approveName'), studentId: seatId }),
  z.object({ cmd: z.literal('start'), seconds: seconds.nullable().optional() }),
  z.object({ cmd: z.literal('pause') }),
  z.object({ cmd: z.literal('resume') }),
  z.object({
    cmd: z.literal('extend'),
    seconds: z.number().int().min(1).max(EXTEND_MAX_SECONDS).default(30),
  }),
  z.object({ cmd: z.literal('skip') }),
  z.object({ cmd: z.literal('next') }),
  z.object({ cmd: z.literal('end') }),
  /** At a program round's reveal: the replay step every screen shows. */
  z.object({ cmd: z.literal('replay'), step: z.number().int().min(0).max(PROGRAM_LIMITS.steps) }),
]);
export type LiveHostMessage = z.infer<typeof LiveHostMessage>;

export const LiveAnswerMessage = z.object({ answer: z.string().min(1).max(ANSWER_MAX) });
export type LiveAnswerMessage = z.infer<typeof LiveAnswerMessage>;

/** One typed line per printed line; a line is one line (no line breaks). */
export const LiveLinesMessage = z.object({
  lines: z
    .array(
      z
        .string()
        .max(ANSWER_MAX)
        .regex(/^[^\r\n]*$/),
    )
    .min(1)
    .max(PROGRAM_LIMITS.outputs),
});
export type LiveLinesMessage = z.infer<typeof LiveLinesMessage>;

export const LiveHintMessage = z.object({});

export interface LiveRejectedMessage {
  /** The refused command (`start`, `answer`, …). */
  cmd: string;
  /** `live/...`, or `room/...` for room-level refusals. */
  code: string;
  message: string;
}

export interface LiveTeacherMessage {
  /** Join with `{ token: coTeacherKey }` to become a co-teacher (share as a link). */
  coTeacherKey: string;
  /** Report id for GET /api/live/reports/:id(.csv) with the teacher's token. */
  reportId: string;
}

// ---------------------------------------------------------------------------------------------
// Mirrored state shapes (server/live/schema.ts defines them).

export interface LiveCellShape {
  /** not_started | working | stuck | solved | answered. */
  status: string;
  moves: number;
  /** 0 for predict rounds. */
  par: number;
  hints: number;
  /** Shown once the round is revealed (0 before). */
  points: number;
  /** -1 until revealed, then 0 / 1. */
  correct: number;
  answer: string;
}

interface LiveSeatShape {
  id: string;
  nickname: string;
  /** Teachers only see a value here: the typed name the filter refused, waiting for approval. */
  pendingName: string;
  /** Status in the current round. */
  status: string;
  /** Revealed points and the competition rank they give (1 = best). */
  points: number;
  rank: number;
  /** By round index. */
  cells: Iterable<LiveCellShape> & { length: number; at(i: number): LiveCellShape | undefined };
}

interface LiveInfoShape {
  phase: string;
  /** 1-based current round, 0 before the first. */
  round: number;
  rounds: number;
  /** The lesson's rounds by id, in play order (items.ts names them). */
  items: Iterable<string>;
  /** The round length the teacher set for the next rounds, in seconds; 0 = untimed. */
  roundSeconds: number;
  /** 'puzzle' | 'predict' | 'program' | '' */
  kind: string;
  itemId: string;
  timed: boolean;
  /** Milliseconds left (refreshed every second while running); 0 when untimed. */
  remainingMs: number;
  locked: boolean;
  allowLateJoin: boolean;
  speedBonus: boolean;
  students: number;
  notStarted: number;
  working: number;
  stuck: number;
  solved: number;
  answered: number;
  /** Predict rounds: the choices (public); `answer` only after the reveal. */
  choices: Iterable<string>;
  answer: string;
  distribution: Iterable<{ answer: string; count: number }>;
  /** Podium / ended: the top 5. */
  podium: Iterable<{ nickname: string; points: number; rank: number }>;
  /** Program rounds: the source and how many lines it prints (public while it runs); a
   * predict question's replay source after its reveal. */
  program: string;
  printed: number;
  /** Program rounds, after the reveal only: the printed lines, how many got each right, the
   * replay step at which each shows, the run's steps and the step every screen shows. */
  outputs: Iterable<string> & { length: number };
  linesRight: Iterable<number> & { length: number };
  printSteps: Iterable<number> & { length: number };
  steps: number;
  replayStep: number;
  /** The steps Back/Next go between (a predict question's replay too), after the reveal. */
  stops: Iterable<number> & { length: number };
}

export interface LiveClassroomStateShape {
  live: LiveInfoShape;
  liveSeats: {
    get(id: string): LiveSeatShape | undefined;
    forEach(cb: (s: LiveSeatShape, id: string) => void): void;
    size: number;
  };
}
