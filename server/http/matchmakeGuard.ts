/**
 * The matchmaker's rules (POST /matchmake/<method>/<room>), enforced in front of Colyseus:
 *
 * - Only `create`, `joinById` and `reconnect` exist. `join` / `joinOrCreate` would seat anyone in
 *   the oldest open class by its name and hand them its code: a class or team is reached only by
 *   its code (or a reconnection token for a seat it already holds).
 * - Join options are a JSON object (null, numbers, arrays are refused before any room sees them).
 * - `create` gets a fresh 192-bit `hostKey` in its options, replacing anything the client sent.
 *   Colyseus hands the same options to the new room's onCreate and to the creator's own seat
 *   reservation, so the room seats as teacher exactly the join that presents that key: the
 *   creator's. The key never leaves the server; joinById and reconnect have it stripped.
 * - `joinById` gets the caller's address as `peer` in its options (a client-sent one is dropped):
 *   the class refuses new seats from the address of a student kicked a moment ago
 *   (server/rooms/kickCooldown.ts).
 * - Budgets per address (limits.ts, in Redis when scaled out): every call (`matchmake`), rooms
 *   created (`create`), and codes that name no open room (`badCode`): once that bucket is empty,
 *   every joinById from the address is refused until it refills, real codes included.
 * - A failed joinById and a failed reconnect each answer one way whatever the cause (unknown code,
 *   locked room, wrong or expired token): no reply tells a live code from a dead one.
 *
 * The address is the TCP peer (security.ts stamps it; X-Forwarded-For is the client's to forge).
 * The matchmaker's controller is process-global: the last server created in a process installs
 * its guard (as applyCorsPolicy does).
 */
import { matchMaker, ServerError } from '@colyseus/core';
import { newToken } from '../rooms/seats.ts';
import type { BudgetName, Limits } from './limits.ts';
import { PEER_HEADER } from './security.ts';

const MATCHMAKE_ERRORS = {
  byCodeOnly: 'join/by_code_only',
  badOptions: 'join/bad_options',
  rateLimited: 'join/rate_limited',
  unknownCode: 'join/unknown_code',
  reconnectFailed: 'join/reconnect_failed',
} as const;

/** The join option carrying the creator's key (set by the guard only). */
const HOST_KEY_OPTION = 'hostKey';
/** The join option carrying the caller's address (set by the guard only). */
const PEER_OPTION = 'peer';

const METHODS = ['create', 'joinById', 'reconnect'] as const;

/** @colyseus/shared-types ErrorCode: no (unlocked) room with that id / reconnection refused. */
const MATCHMAKE_INVALID_ROOM_ID = 522;
const MATCHMAKE_EXPIRED = 524;

type InvokeMethod = typeof matchMaker.controller.invokeMethod;
let originalInvoke: InvokeMethod | null = null;

export function installMatchmakeGuard(limits: Limits): void {
  originalInvoke ??= matchMaker.controller.invokeMethod;
  const invoke = originalInvoke;
  matchMaker.controller.exposedMethods = [...METHODS];
  matchMaker.controller.invokeMethod = async function (
    this: typeof matchMaker.controller,
    method,
    roomName,
    clientOptions,
    authOptions,
  ) {
    if (!(METHODS as readonly string[]).includes(method))
      throw new ServerError(
        403,
        `${MATCHMAKE_ERRORS.byCodeOnly}: classes and teams are joined with their code.`,
      );
    if (!isPlainObject(clientOptions))
      throw new ServerError(400, `${MATCHMAKE_ERRORS.badOptions}: join options are an object.`);
    const peer = (authOptions as { headers?: Headers } | undefined)?.headers?.get(PEER_HEADER);
    const key = peer ?? 'unknown';
    await spend(limits, 'matchmake', key);
    const options: Record<string, unknown> = { ...clientOptions };
    delete options[HOST_KEY_OPTION];
    delete options[PEER_OPTION];
    if (method === 'create') {
      await spend(limits, 'create', key);
      options[HOST_KEY_OPTION] = newToken();
      return invoke.call(this, method, roomName, options, authOptions);
    }
    if (method === 'joinById') {
      if (peer !== undefined && peer !== null) options[PEER_OPTION] = peer;
      return joinById(this, invoke, limits, key, roomName, options, authOptions);
    }
    try {
      return await invoke.call(this, method, roomName, options, authOptions);
    } catch {
      throw new ServerError(
        MATCHMAKE_EXPIRED,
        `${MATCHMAKE_ERRORS.reconnectFailed}: that seat cannot be resumed; join with the code.`,
      );
    }
  } as InvokeMethod;
}

async function joinById(
  controller: typeof matchMaker.controller,
  invoke: InvokeMethod,
  limits: Limits,
  key: string,
  code: string,
  options: Record<string, unknown>,
  authOptions: unknown,
): ReturnType<InvokeMethod> {
  const wait = await limits.wait('badCode', key);
  if (wait > 0) throw rateLimited(wait, 'too many unknown codes');
  try {
    return await invoke.call(controller, 'joinById', code, options, authOptions as never);
  } catch (e) {
    if (!(e instanceof ServerError) || e.code !== MATCHMAKE_INVALID_ROOM_ID) throw e;
    await limits.take('badCode', key);
    throw new ServerError(
      MATCHMAKE_INVALID_ROOM_ID,
      `${MATCHMAKE_ERRORS.unknownCode}: no open class or team has that code.`,
    );
  }
}

async function spend(limits: Limits, budget: BudgetName, key: string): Promise<void> {
  const wait = await limits.take(budget, key);
  if (wait > 0) throw rateLimited(wait, 'too many requests');
}

function rateLimited(seconds: number, what: string): ServerError {
  return new ServerError(
    429,
    `${MATCHMAKE_ERRORS.rateLimited}: ${what} from this network; try again in ${seconds} s.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
