/**
 * Mirrored live-round state (schema 5 `schema()` style), written only by server/live/mirror.ts
 * from the pure LiveState. Typed for clients in shared/live/protocol.ts. Append fields at the end.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';

export const LiveCellState = schema(
  {
    status: t.string().default('not_started'),
    moves: t.uint16().default(0),
    par: t.uint16().default(0),
    hints: t.uint8().default(0),
    points: t.uint32().default(0),
    /** -1 until the round is revealed. */
    correct: t.int8().default(-1),
    answer: t.string().default(''),
  },
  'LiveCellState',
);
export type LiveCellState = SchemaType<typeof LiveCellState>;

export const LiveSeatState = schema(
  {
    id: t.string().default(''),
    nickname: t.string().default(''),
    pendingName: t.string().default(''),
    status: t.string().default('not_started'),
    points: t.uint32().default(0),
    rank: t.uint16().default(0),
    cells: t.array(LiveCellState),
  },
  'LiveSeatState',
);
export type LiveSeatState = SchemaType<typeof LiveSeatState>;

export const AnswerCount = schema(
  { answer: t.string().default(''), count: t.uint16().default(0) },
  'AnswerCount',
);
export type AnswerCount = SchemaType<typeof AnswerCount>;

export const PodiumEntry = schema(
  { nickname: t.string().default(''), points: t.uint32().default(0), rank: t.uint16().default(0) },
  'PodiumEntry',
);
export type PodiumEntry = SchemaType<typeof PodiumEntry>;

export const LiveInfoState = schema(
  {
    phase: t.string().default('lobby'),
    round: t.uint16().default(0),
    rounds: t.uint16().default(0),
    kind: t.string().default(''),
    itemId: t.string().default(''),
    timed: t.boolean().default(false),
    remainingMs: t.uint32().default(0),
    locked: t.boolean().default(false),
    allowLateJoin: t.boolean().default(true),
    speedBonus: t.boolean().default(false),
    students: t.uint16().default(0),
    notStarted: t.uint16().default(0),
    working: t.uint16().default(0),
    stuck: t.uint16().default(0),
    solved: t.uint16().default(0),
    answered: t.uint16().default(0),
    choices: t.array('string'),
    answer: t.string().default(''),
    distribution: t.array(AnswerCount),
    podium: t.array(PodiumEntry),
    /** The lesson's rounds by id, in play order. */
    items: t.array('string'),
    /** The teacher's round length in seconds for the next rounds; 0 = untimed. */
    roundSeconds: t.uint16().default(0),
    /** Program rounds (shared/live/program.ts): source and blanks while running… */
    program: t.string().default(''),
    printed: t.uint8().default(0),
    /** …and after the reveal only: the printed lines, right answers per line, the replay. */
    outputs: t.array('string'),
    linesRight: t.array('uint16'),
    printSteps: t.array('uint16'),
    steps: t.uint16().default(0),
    replayStep: t.uint16().default(0),
    /** The replay's stops (shared/live/replay.ts), after the reveal. */
    stops: t.array('uint16'),
  },
  'LiveInfoState',
);
export type LiveInfoState = SchemaType<typeof LiveInfoState>;
