/**
 * Mirrored room state (@colyseus/schema 5, `schema()` style: Node's type stripping cannot run
 * decorators). Written only by mirror.ts and the rooms' seat bookkeeping, one way from the
 * authoritative Board; clients read it (their typed view is in shared/protocol.ts).
 * Field order is the wire order: append new fields at the end.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';
import { LiveInfoState, LiveSeatState } from '../live/schema.ts';

/** One slot holding a value: a name, a list item, a dict value or an attribute. */
export const SlotValue = schema(
  {
    /** `a`, `[0]`, `['k']`, `.next`. */
    label: t.string().default(''),
    /** 'none' | 'int' | 'ref'. */
    tag: t.string().default('none'),
    /** The int, or the referenced object id. */
    v: t.number().default(0),
  },
  'SlotValue',
);
export type SlotValue = SchemaType<typeof SlotValue>;

export const HeapObjectState = schema(
  {
    id: t.uint32().default(0),
    kind: t.string().default(''),
    cls: t.string().default(''),
    rc: t.uint32().default(0),
    /** Generation 0..2, or -1 when the cycle collector does not track it. */
    gen: t.int8().default(-1),
    slots: t.array(SlotValue),
    /** Weakref: referent id or -1 once dead. Instance: its weakref's id or -1. */
    weak: t.int32().default(-1),
    /** Instance: its materialized __dict__ id or -1. */
    dict: t.int32().default(-1),
  },
  'HeapObjectState',
);
export type HeapObjectState = SchemaType<typeof HeapObjectState>;

export const FrameState = schema(
  { fn: t.string().default(''), locals: t.array(SlotValue) },
  'FrameState',
);
export type FrameState = SchemaType<typeof FrameState>;

export const MoveEntry = schema(
  {
    move: t.string().default(''),
    /** Seat id of the mover. */
    by: t.string().default(''),
    kind: t.string().default(''),
  },
  'MoveEntry',
);
export type MoveEntry = SchemaType<typeof MoveEntry>;

export const GoalClauseState = schema(
  { id: t.string().default(''), met: t.boolean().default(false) },
  'GoalClauseState',
);
export type GoalClauseState = SchemaType<typeof GoalClauseState>;

export const BoardState = schema(
  {
    puzzleId: t.string().default(''),
    /** Accepted moves so far (= moves.length). */
    version: t.uint32().default(0),
    /** stateDigest(board.engine): cheap per move; results store hashState. */
    stateDigest: t.string().default(''),
    /** Keyed by String(object id). */
    objects: t.map(HeapObjectState),
    globals: t.array(SlotValue),
    frames: t.array(FrameState),
    moves: t.array(MoveEntry),
    gcEnabled: t.boolean().default(true),
    solved: t.boolean().default(false),
    goals: t.array(GoalClauseState),
    /** The `seq` of the last message this board answered (load tests time it). */
    lastSeq: t.number().default(0),
  },
  'BoardState',
);
export type BoardState = SchemaType<typeof BoardState>;

export const SeatState = schema(
  {
    id: t.string().default(''),
    nickname: t.string().default(''),
    /** 'host' | 'student' | 'player'. */
    role: t.string().default('student'),
    connected: t.boolean().default(true),
    board: t.ref(BoardState).optional(),
    score: t.uint32().default(0),
  },
  'SeatState',
);
export type SeatState = SchemaType<typeof SeatState>;

/** Classroom: `seats` and `liveSeats` are view-filtered (a student sees their own, teachers see all). */
export const ClassroomState = schema(
  {
    code: t.string().default(''),
    puzzleId: t.string().default(''),
    studentCount: t.uint16().default(0),
    seats: t.map(SeatState).view(),
    /** Live rounds (issue 8): public round info; the answer only after the reveal. */
    live: t.ref(LiveInfoState),
    /** Live rounds: per-student rows, view-filtered like `seats` (a student sees only their own). */
    liveSeats: t.map(LiveSeatState).view(),
  },
  'ClassroomState',
);
export type ClassroomState = SchemaType<typeof ClassroomState>;

/** Team: everything is public to the 2–6 players. */
export const TeamState = schema(
  {
    code: t.string().default(''),
    players: t.map(SeatState),
    board: t.ref(BoardState),
  },
  'TeamState',
);
export type TeamState = SchemaType<typeof TeamState>;
