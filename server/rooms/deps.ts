/**
 * What rooms need from the process: the rules, the store, and helpers every room uses the same
 * way (room codes, join-option parsing, result recording). Bound per server in app.ts, so two
 * servers in one process (tests) could use different stores.
 */
import { ServerError, type Client, type Room } from '@colyseus/core';
import { LIMITS } from '../../shared/protocol.ts';
import { reserveRoomCode } from '../scale/roomCodes.ts';
import type { SeatRegistry } from './seats.ts';
import type { z } from 'zod';
import type { Rules } from '../game/rules.ts';
import type { Store } from '../store/Store.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import type { VerifiedResult } from '../../shared/protocol.ts';
import type { LiveBoard } from './LiveBoard.ts';
import type { LiveReportStore } from '../live/reportStore.ts';

export interface RoomDeps {
  rules: Rules;
  store: Store;
  /** Live-round reports (issue 8); without it reports are not persisted. */
  liveReports?: LiveReportStore;
  /** Seconds a dropped client keeps its seat; default LIMITS.reconnectSeconds. */
  reconnectSeconds?: number;
  /** State patch interval in ms (default PATCH_MS); it bounds how soon a move shows up. */
  patchMs?: number;
  /** Wall clock of room rules that wait (kick cooldown); default Date.now. Tests move it. */
  now?: () => number;
}

/**
 * Default state patch interval. Colyseus' 50 ms alone puts a move's confirmed patch at 25 ms on
 * average and up to 50 ms; 20 ms keeps the p99 well under the 50 ms goal at 25 classes × 40
 * students, for ~15 % more server CPU (BENCHMARKS.md).
 */
export const PATCH_MS = 20;

/** Carries the deps to a room class (Colyseus constructs rooms itself, with no arguments). */
interface RoomClassWithDeps {
  deps?: RoomDeps;
}

export function depsOf(room: object): RoomDeps {
  const deps = (room.constructor as RoomClassWithDeps).deps;
  if (deps === undefined) throw new Error(`${room.constructor.name} was registered without deps`);
  return deps;
}

/**
 * A free 6-digit room code, used as the roomId (so joinById(code) joins from any process).
 * Reserved in presence so two processes never hand out the same code (server/scale/roomCodes.ts).
 */
export function allocateRoomCode(): Promise<string> {
  return reserveRoomCode();
}

/** Parses join options; a malformed payload refuses the join (4xx to the client). */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.infer<S> {
  const parsed = schema.safeParse(options ?? {});
  if (!parsed.success)
    throw new ServerError(400, `invalid join options: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function puzzleOrThrow(rules: Rules, id: string | undefined): Puzzle {
  const puzzle = rules.puzzle(id ?? rules.defaultPuzzleId);
  if (puzzle === undefined) throw new ServerError(404, `unknown puzzle ${id}`);
  return puzzle;
}

export interface CompletionMeta {
  roomCode: string;
  roomKind: 'classroom' | 'team';
  seatId: string;
  nickname: string;
}

/**
 * Scores a solved board (the board master's rule: every collection, the hints opened on the board,
 * the attempt's time) and stores it (one transaction); returns what the player is told.
 */
export async function recordCompletion(
  deps: RoomDeps,
  live: LiveBoard,
  meta: CompletionMeta,
): Promise<VerifiedResult> {
  const s = live.score();
  const score = { par: s.par, stars: s.stars, score: s.points };
  const moves = [...live.current.moves];
  await deps.store.saveResult({
    ...meta,
    puzzleId: live.puzzle.id,
    moves,
    solved: true,
    ...score,
    stateHash: live.hash(),
    completedAt: Date.now(),
  });
  return { puzzleId: live.puzzle.id, solved: true, moves: moves.length, ...score };
}

/** How often a held seat looks at its window: a seat expires at most this late. */
const WINDOW_CHECK_MS = 1000;

/**
 * onDrop: keep the seat for deps.reconnectSeconds (default LIMITS.reconnectSeconds), measured on
 * deps.now (tests move that clock instead of sleeping). The wait is rejected once the window is
 * over, on shutdown (allowReconnection then returns a plain rejected promise), or when the seat
 * is taken over by a token join; Colyseus then calls onLeave, which releases the seat.
 */
export function holdSeat(room: Room, client: Client, seats: SeatRegistry): void {
  const deps = depsOf(room);
  const now = deps.now ?? Date.now;
  const closesAt = now() + (deps.reconnectSeconds ?? LIMITS.reconnectSeconds) * 1000;
  const pending = room.allowReconnection(client, 'manual');
  pending.catch(() => undefined);
  if (!('reject' in pending)) return;
  const reject = (reason: unknown): void => pending.reject(reason);
  const check = room.clock.setInterval(() => {
    if (now() >= closesAt) reject(false);
  }, WINDOW_CHECK_MS);
  pending.then(
    () => check.clear(),
    () => check.clear(),
  );
  seats.awaitReconnection(client.sessionId, { reject });
}
