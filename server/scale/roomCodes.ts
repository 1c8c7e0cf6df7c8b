/**
 * 6-digit room codes, unique across every process of a deployment. The code is the roomId, so
 * `joinById(code)` finds the room through the matchmaker driver (Redis when scaled out) from any
 * process; what needs care is handing out a code twice. The Redis driver keeps no uniqueness of
 * its own (a second listing with the same roomId silently replaces the first), so a code is
 * reserved in presence first: `INCR hh:room-code:<code>` answers 1 to exactly one caller.
 *
 * A reservation is released when its room is disposed. With shared presence it also expires after
 * RESERVATION_SECONDS, so a crashed process cannot keep codes forever; a room older than that is
 * still protected because a code with a live listing in the driver is never handed out.
 */
import { randomInt } from 'node:crypto';
import { LocalPresence, matchMaker, type Presence } from '@colyseus/core';
import { ROOM_CODE_DIGITS } from '../../shared/protocol.ts';

const RESERVATION_SECONDS = 24 * 60 * 60;

const keyOf = (code: string): string => `hh:room-code:${code}`;

const randomCode = (): string =>
  String(randomInt(0, 10 ** ROOM_CODE_DIGITS)).padStart(ROOM_CODE_DIGITS, '0');

export interface ReserveOptions {
  /** Default: the matchmaker's presence (Redis when scaled out). */
  presence?: Presence;
  /** Default: a uniformly random 6-digit code; tests inject collisions. */
  pick?: () => string;
  /** Whether a room with this id is listed in the driver. Default: matchMaker.query. */
  isListed?: (code: string) => Promise<boolean>;
  attempts?: number;
}

const listedInDriver = async (code: string): Promise<boolean> =>
  (await matchMaker.query({ roomId: code })).length > 0;

/** Reserves a free code; throws after `attempts` (50) tries. */
export async function reserveRoomCode(options: ReserveOptions = {}): Promise<string> {
  const {
    presence = matchMaker.presence,
    pick = randomCode,
    isListed = listedInDriver,
    attempts = 50,
  } = options;
  for (let i = 0; i < attempts; i++) {
    const code = pick();
    if ((await presence.incr(keyOf(code))) !== 1) continue;
    // LocalPresence implements expiry with a 24 h timer; one process needs no crash cleanup.
    if (!(presence instanceof LocalPresence))
      await presence.expire(keyOf(code), RESERVATION_SECONDS);
    if (!(await isListed(code))) return code;
  }
  throw new Error('no free room code');
}

/** Frees a code for reuse (its room was disposed). Never throws: expiry cleans up after a failure. */
export async function releaseRoomCode(
  code: string,
  presence: Presence = matchMaker.presence,
): Promise<void> {
  try {
    await presence.del(keyOf(code));
  } catch {
    // Presence already shut down (process exiting): the reservation expires by itself.
  }
}

/** Whether a code is currently reserved (tests, diagnostics). */
export async function isRoomCodeReserved(
  code: string,
  presence: Presence = matchMaker.presence,
): Promise<boolean> {
  return presence.exists(keyOf(code));
}

/** Registers the release of a room's code when the room is disposed (app.ts, per room type). */
export function releaseCodeOnDispose<
  H extends { on(event: 'dispose', listener: (room: { roomId: string }) => void): unknown },
>(handler: H): H {
  handler.on('dispose', (room) => void releaseRoomCode(room.roomId));
  return handler;
}
