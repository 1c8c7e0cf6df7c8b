/**
 * The wire protocol between the browser (RoomSession, solo verifier calls) and the server.
 *
 * Contracts:
 * - Every client → server message and every join option is validated with the zod schemas below
 *   (the server uses them in the room; the client may use them to build payloads). A payload that
 *   fails its schema is tampering: the server disconnects that client.
 * - A well-formed move that the rules refuse is answered in-band with `rejected` (code, message,
 *   version) and changes nothing. `applyMove` (shared/puzzles) decides legality, never the room.
 * - `version` of a board = number of accepted moves on it (`board.moves.length`). A client that sends
 *   `expectedVersion` gets `move/stale` when the board moved on meanwhile (classroom boards are
 *   single-writer, so only a duplicate/late resend hits it; team rooms apply in arrival order and
 *   clients there normally omit it).
 * - Seats survive refreshes: the server sends a random `token` in `welcome`; the client keeps it in
 *   localStorage (key `seatStorageKey(code)`) and passes it back in the join options.
 * - Scores are always computed by the server (rooms on completion, POST /api/verify for solo play).
 *
 * Pure module: no I/O, importable from client, server and tests.
 */
import { z } from 'zod';
import { BOARD_ERRORS } from './board/errors.ts';
import type { EngineEvent } from './engine/index.ts';
import type { MoveKind } from './puzzles/contract.ts';
import { checkNickname, NICKNAME_INPUT_MAX } from './live/nickname.ts';

/** Room names registered with the Colyseus matchmaker. */
export const ROOMS = { classroom: 'classroom', team: 'team' } as const;

export const LIMITS = {
  /** Longest accepted move statement (see shared/puzzles/contract.ts). */
  moveChars: 200,
  tokenChars: 64,
  puzzleIdChars: 64,
  /** Longest move list accepted by POST /api/verify. */
  verifyMoves: 500,
  /** Students per classroom (teachers come on top, see CLASSROOM_MAX_CLIENTS on the server). */
  classroomStudents: 250,
  teamPlayers: 6,
  /** Seconds a dropped client keeps its seat before it is released. */
  reconnectSeconds: 60,
} as const;

/** Digits of a room code. */
export const ROOM_CODE_DIGITS = 6;
/** The room code as an HTML `pattern` (the join form) and, anchored, as ROOM_CODE. */
export const ROOM_CODE_PATTERN = `[0-9]{${ROOM_CODE_DIGITS}}`;
/** 6-digit room code; it is also the Colyseus roomId, so `client.joinById(code, options)` joins. */
export const ROOM_CODE = new RegExp(`^${ROOM_CODE_PATTERN}$`);

/** localStorage key under which a client keeps its seat token for one room. */
export const seatStorageKey = (code: string): string => `heap-heroes:seat:${code}`;

// ---------------------------------------------------------------------------------------------
// Join options (client.create / client.joinById second argument)

/**
 * Nicknames are display text only (rendered as text, never HTML); shared/live/nickname.ts is the
 * one policy. A nickname that cannot be encoded or shown refuses the join with that policy's
 * message; one caught by the word list does not (the room decides: see checkNickname).
 */
const nickname = z
  .string()
  .max(NICKNAME_INPUT_MAX)
  .superRefine((raw, ctx) => {
    const checked = checkNickname(raw);
    if (!checked.ok && checked.code !== 'nickname/refused')
      ctx.addIssue({ code: 'custom', message: `${checked.code}: ${checked.message}` });
  });
const token = z
  .string()
  .min(16)
  .max(LIMITS.tokenChars)
  .regex(/^[A-Za-z0-9_-]+$/);
const puzzleId = z
  .string()
  .min(1)
  .max(LIMITS.puzzleIdChars)
  .regex(/^[A-Za-z0-9_.:-]+$/);
const seq = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const version = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/**
 * `classroom`: `client.create('classroom', { nickname?, puzzleId? })` makes the creator the host
 * (teacher): the server adds a secret `hostKey` to the creator's options (a client cannot send
 * one) and only the join presenting it gets the teacher seat. Students
 * `client.joinById(code, { nickname, token? })`; a teacher who refreshes joins with `{ token }`
 * (the host token from `welcome`) and gets the host seat back. The server also adds `peer`
 * (the address the join came from, for the kick cooldown; a client-sent one is dropped).
 */
export const ClassroomJoinOptions = z.object({
  nickname: nickname.optional(),
  token: token.optional(),
  puzzleId: puzzleId.optional(),
  hostKey: token.optional(),
  peer: z.string().max(64).optional(),
});
export type ClassroomJoinOptions = z.infer<typeof ClassroomJoinOptions>;

/** `team`: `client.create('team', { puzzleId?, nickname })`, then `joinById(code, { nickname, token? })`. */
export const TeamJoinOptions = z.object({
  nickname: nickname.optional(),
  token: token.optional(),
  puzzleId: puzzleId.optional(),
});
export type TeamJoinOptions = z.infer<typeof TeamJoinOptions>;

// ---------------------------------------------------------------------------------------------
// Client → server messages (room.send(type, payload))

export const CLIENT_MESSAGES = {
  /** Play one Python statement on your board (classroom) or the shared board (team). */
  move: 'move',
  /** Take back the last accepted move (the board is replayed without it). */
  undo: 'undo',
  /** Back to the puzzle's start board. */
  reset: 'reset',
  /** Classroom host only: every student's board restarts on this puzzle. */
  setPuzzle: 'setPuzzle',
  /** Open the next hint tier of your board (the room counts it against the score). */
  hint: 'hint',
} as const;

export const MoveMessage = z.object({
  move: z.string().min(1).max(LIMITS.moveChars),
  /** Client-chosen, echoed in `applied` / `rejected` (and mirrored as `lastSeq`) to match replies. */
  seq: seq.optional(),
  expectedVersion: version.optional(),
});
export type MoveMessage = z.infer<typeof MoveMessage>;

export const UndoMessage = z.object({ seq: seq.optional(), expectedVersion: version.optional() });
export type UndoMessage = z.infer<typeof UndoMessage>;

export const ResetMessage = z.object({ seq: seq.optional() });
export type ResetMessage = z.infer<typeof ResetMessage>;

export const HintMessage = z.object({ seq: seq.optional() });
export type HintMessage = z.infer<typeof HintMessage>;

export const SetPuzzleMessage = z.object({ puzzleId });
export type SetPuzzleMessage = z.infer<typeof SetPuzzleMessage>;

// ---------------------------------------------------------------------------------------------
// Server → client messages (room.onMessage(type, cb))

export const SERVER_MESSAGES = {
  welcome: 'welcome',
  applied: 'applied',
  rejected: 'rejected',
  completed: 'completed',
} as const;

export type SeatRole = 'host' | 'student' | 'player';

/** Sent to a client right after it joins (or rejoins with its token). */
export interface WelcomeMessage {
  role: SeatRole;
  /** Key of your seat in the room state (`seats` / `players` map). */
  seatId: string;
  /** Keep in localStorage under `seatStorageKey(code)`; pass back as `token` to resume the seat. */
  token: string;
  /** The 6-digit room code (= roomId). */
  code: string;
}

/** An accepted move. Classroom: sent to the mover; team: broadcast to every player. */
export interface AppliedMessage {
  seq?: number;
  /** Seat id of the player who made the move. */
  by: string;
  move: string;
  kind: MoveKind;
  /** Board version after the move. */
  version: number;
  /** What the statement printed (console moves). */
  output: string[];
  /** Engine events, in order, for animation (gc traces are inside `collected` events). */
  events: EngineEvent[];
}

/** A refused message. Nothing changed; `version` is the board's current version. */
export interface RejectedMessage {
  seq?: number;
  /** Namespaced: `move/not_allowed`, `move/syntax`, `python/NameError`, `heap/...`, `move/stale`, `room/...`. */
  code: string;
  message: string;
  version: number;
}

/** A puzzle solved in a room; the result is already stored. Score fields are server-computed. */
export type CompletedMessage = VerifiedResult;

/** Codes the rooms themselves use in `rejected` (everything else comes from applyMove). */
export const ROOM_ERRORS = {
  stale: BOARD_ERRORS.stale,
  nothingToUndo: BOARD_ERRORS.nothingToUndo,
  alreadySolved: BOARD_ERRORS.solved,
  notHost: 'room/not_host',
  noBoard: 'room/no_board',
  unknownPuzzle: 'puzzle/unknown',
} as const;

// ---------------------------------------------------------------------------------------------
// HTTP API (JSON). Errors: `{ error: { code, message, moveIndex? } }` with a 4xx status.

/** POST /api/verify: replays `moves` on the puzzle's start board and scores the result. */
export const VerifyRequest = z.object({
  puzzleId,
  moves: z.array(z.string().min(1).max(LIMITS.moveChars)).max(LIMITS.verifyMoves),
});
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** A result computed by the server from a move list; never taken from the client. */
export interface VerifiedResult {
  puzzleId: string;
  solved: boolean;
  /** Number of accepted moves. */
  moves: number;
  par: number;
  stars: number;
  score: number;
}

export interface VerifyResponse {
  result: VerifiedResult;
}

export interface ApiError {
  error: { code: string; message: string; moveIndex?: number };
}

/** GET /healthz → `{ ok: true }`. */
export interface HealthResponse {
  ok: true;
}

// ---------------------------------------------------------------------------------------------
// Mirrored room state (what `room.state` holds on the client; server/rooms/schema.ts defines it).
// Plain-shape descriptions so client code can be typed without importing server code.

/** A value in a slot: `tag` 'none' | 'int' (v = the int) | 'ref' (v = object id). */
interface MirrorValue {
  /** Slot label: a name (`a`), `[0]`, `['k']` or `.next`. */
  label: string;
  tag: 'none' | 'int' | 'ref';
  v: number;
}

interface MirrorObject {
  id: number;
  kind: 'list' | 'dict' | 'instance' | 'weakref';
  /** Class name of an instance, else ''. */
  cls: string;
  rc: number;
  /** Cycle-collector generation, -1 when untracked. */
  gen: number;
  /** Outgoing strong references in slot order (list items, dict values, attributes). */
  slots: Iterable<MirrorValue>;
  /** Weakref: referent id, -1 when dead; instance: its weakref id or -1. Otherwise -1. */
  weak: number;
  /** Instance: materialized __dict__ id or -1. */
  dict: number;
}

interface MirrorMove {
  move: string;
  /** Seat id of the mover. */
  by: string;
  kind: string;
}

export interface MirrorBoard {
  puzzleId: string;
  version: number;
  /** stateDigest(board.engine): equal to the digest of replaying `moves` through the engine. */
  stateDigest: string;
  /** Map keyed by String(id). */
  objects: {
    get(id: string): MirrorObject | undefined;
    forEach(cb: (o: MirrorObject, id: string) => void): void;
  };
  globals: Iterable<MirrorValue>;
  frames: Iterable<{ fn: string; locals: Iterable<MirrorValue> }>;
  moves: Iterable<MirrorMove>;
  gcEnabled: boolean;
  solved: boolean;
  goals: Iterable<{ id: string; met: boolean }>;
  lastSeq: number;
}

interface MirrorSeat {
  id: string;
  nickname: string;
  role: SeatRole;
  /** False while the seat waits for its owner to come back (greyed on the dashboard). */
  connected: boolean;
  /** Classroom students: their own board. Undefined for the host. */
  board?: MirrorBoard;
  /** Score of the stored result once solved, else 0. */
  score: number;
}

/**
 * `classroom` room state. `seats` is filtered per client with StateView: a student receives only
 * their own seat (and board); a host receives every seat.
 */
export interface ClassroomStateShape {
  code: string;
  puzzleId: string;
  studentCount: number;
  seats: {
    get(id: string): MirrorSeat | undefined;
    forEach(cb: (s: MirrorSeat, id: string) => void): void;
  };
}

/** `team` room state: one shared board; every move in `board.moves` names its mover (`by`). */
export interface TeamStateShape {
  code: string;
  players: {
    get(id: string): MirrorSeat | undefined;
    forEach(cb: (s: MirrorSeat, id: string) => void): void;
  };
  board: MirrorBoard;
}

/**
 * WebSocket close code sent to a client whose seat was taken over by a newer join with the same
 * token (the game opened in another tab). The client should not reconnect; say "opened elsewhere".
 */
export const SEAT_TAKEN_CLOSE_CODE = 4100;
