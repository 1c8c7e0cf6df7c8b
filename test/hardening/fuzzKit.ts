/**
 * Fuzzing kit for the rooms: a seeded PRNG, a generator of random and malformed client messages
 * (wrong types, huge strings below and above the 4 KB transport cap, unknown ids and types,
 * out-of-phase and host-only commands, raw garbage frames, floods), an attacker loop that keeps
 * rejoining after the server throws it out, and a well-behaved player loop that must keep playing.
 */
import { Client, type Room } from '@colyseus/sdk';
import { checkInvariants } from '../../shared/engine/index.ts';
import type { Rules } from '../../server/game/rules.ts';

/** mulberry32: small, seedable, good enough to pick fuzz cases reproducibly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** Counts accepted moves and the invariant violations found after any of them. */
export interface InvariantLog {
  accepted: number;
  violations: string[];
}

/** The real rules, with checkInvariants run on the engine state after every accepted move. */
export function invariantCheckingRules(base: Rules, log: InvariantLog): Rules {
  return {
    ...base,
    startBoard(puzzle) {
      const board = base.startBoard(puzzle);
      const bad = checkInvariants(board.engine);
      if (bad.length > 0) log.violations.push(`start ${puzzle.id}: ${bad.join('; ')}`);
      return board;
    },
    applyMove(puzzle, board, move) {
      const result = base.applyMove(puzzle, board, move);
      if (result.ok) {
        log.accepted++;
        const bad = checkInvariants(result.value.board.engine);
        if (bad.length > 0)
          log.violations.push(`${puzzle.id} after ${JSON.stringify(move)}: ${bad.join('; ')}`);
      }
      return result;
    },
  };
}

const STATEMENTS = [
  'gc.collect()',
  'gc.collect(2)',
  'gc.collect(7)',
  'gc.disable()',
  'gc.enable()',
  'del a',
  'del b',
  'a = None',
  'a = []',
  'b = {}',
  'a.append(a)',
  'a.append(b)',
  'b["k"] = a',
  'a[0] = None',
  'a[99] = 1',
  'x = a',
  'del x',
  'a = b = []',
  'import gc',
  'import os',
  '__import__("os").system("id")',
  'exec("1")',
  'eval("1")',
  'open("/etc/passwd")',
  'while True: pass',
  'a = [1] * 10**9',
  'def f(): return f()',
  'f()',
  'a = 1/0',
  'a.next = a',
  'class N: pass',
  'n = N()',
  'n.x = n',
  'import weakref',
  'w = weakref.ref(a)',
  'w()',
  'print(a)',
  'print(sys.getrefcount(a))',
  'lambda: 0',
  '1 +',
  ')',
  '"',
  '\u0000',
  '\u202e',
  'ä = []',
  '🐍 = 1',
  'a = "' + 'x'.repeat(150) + '"',
];

/** A random statement: a vocabulary pick, a solution move, or character soup up to the 200 cap. */
function statement(r: Rand, solution: readonly string[]): string {
  const k = r();
  if (k < 0.25 && solution.length > 0) return pick(r, solution);
  if (k < 0.75) return pick(r, STATEMENTS);
  if (k < 0.85) return '('.repeat(int(r, 1, 100)) + 'a' + ')'.repeat(int(r, 0, 99));
  if (k < 0.92) return '['.repeat(int(r, 50, 199));
  return Array.from({ length: int(r, 1, 200) }, () => String.fromCharCode(int(r, 1, 0x2fff))).join(
    '',
  );
}

/** An object with an own `__proto__` key (what JSON.parse or msgpack of a hostile client yields). */
const POLLUTING = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;

/** A random JSON-ish value of a wrong shape. */
function junk(r: Rand, depth = 0): unknown {
  switch (int(r, 0, depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return int(r, -1e9, 1e9) + (r() < 0.3 ? 0.5 : 0);
    case 2:
      return r() < 0.5 ? Number.MAX_SAFE_INTEGER * 4 : -0;
    case 3:
      return 'x'.repeat(int(r, 0, 300));
    case 4:
      return r() < 0.5;
    case 5:
      return '';
    case 6:
      return [junk(r, depth + 1), junk(r, depth + 1)];
    case 7:
      return { ...POLLUTING, move: junk(r, depth + 1), seq: junk(r, depth + 1) };
    default:
      return { constructor: { prototype: { polluted: true } }, cmd: junk(r, depth + 1) };
  }
}

type FuzzAction =
  | { kind: 'send'; type: string | number; payload: unknown }
  | { kind: 'raw'; bytes: Uint8Array }
  | { kind: 'flood'; count: number }
  /** A join of the same room with odd options (valid ones join as a student, others are refused). */
  | { kind: 'join'; options: unknown };

const HOST_COMMANDS = [
  { cmd: 'start' },
  { cmd: 'start', seconds: 10 },
  { cmd: 'pause' },
  { cmd: 'resume' },
  { cmd: 'skip' },
  { cmd: 'next' },
  { cmd: 'end' },
  { cmd: 'extend', seconds: 30 },
  { cmd: 'configure', settings: { locked: true } },
  { cmd: 'setSet', set: { source: 'predict' } },
  { cmd: 'setSet', set: { source: 'items', ids: ['no-such-item'] } },
  { cmd: 'kick', studentId: 's1' },
  { cmd: 'kick', studentId: 's2' },
  { cmd: 'kick', studentId: 's99999' },
  { cmd: 'approveName', studentId: 's3' },
];

export interface FuzzContext {
  solution: readonly string[];
  /** Message types the room has no handler for in this room type (still sent: must be survived). */
  foreignTypes: readonly string[];
  /** Classroom: host and live-round commands are well-formed (refused in-band); team: foreign. */
  live: boolean;
}

/**
 * One fuzz action. Roughly 80 % are well-formed messages the rules must refuse or apply; the rest
 * break the protocol (the server then disconnects the sender, which rejoins).
 */
function fuzzAction(r: Rand, ctx: FuzzContext): FuzzAction {
  const k = r();
  const seq = int(r, 0, 2 ** 31 - 1);
  if (k < 0.4 || (!ctx.live && k >= 0.48 && k < 0.72))
    return {
      kind: 'send',
      type: 'move',
      payload: {
        move: statement(r, ctx.solution),
        seq,
        ...(r() < 0.2 ? { expectedVersion: int(r, 0, 9) } : {}),
        ...(r() < 0.1 ? { seatId: 's1', board: 's2' } : {}),
      },
    };
  if (k < 0.48 || (!ctx.live && k < 0.8))
    return {
      kind: 'send',
      type: pick(r, ['undo', 'reset']),
      payload: r() < 0.5 ? { seq } : { expectedVersion: int(r, 0, 5) },
    };
  if (k < 0.62) return { kind: 'send', type: 'liveHost', payload: pick(r, HOST_COMMANDS) };
  if (k < 0.68)
    return {
      kind: 'send',
      type: 'setPuzzle',
      payload: { puzzleId: pick(r, ['holding-hands', 'no-such-puzzle', 'a'.repeat(64)]) },
    };
  if (k < 0.74)
    return {
      kind: 'send',
      type: 'liveAnswer',
      payload: { answer: pick(r, ['1', '2', 'None', 'x'.repeat(40)]) },
    };
  if (k < 0.8) return { kind: 'send', type: 'liveHint', payload: {} };
  // Malformed from here on: the sender gets disconnected.
  if (k < 0.86)
    return {
      kind: 'send',
      type: pick(r, ['move', 'undo', 'reset', 'setPuzzle', 'liveHost', 'liveAnswer']),
      payload: junk(r),
    };
  if (k < 0.89)
    return {
      kind: 'send',
      type: 'move',
      payload: { move: 'a'.repeat(r() < 0.5 ? int(r, 201, 3900) : int(r, 4200, 20000)) },
    };
  if (k < 0.92)
    return {
      kind: 'send',
      type:
        r() < 0.5
          ? pick(r, ctx.foreignTypes.length > 0 ? ctx.foreignTypes : ['nope'])
          : int(r, 0, 255),
      payload: junk(r),
    };
  if (k < 0.97) return { kind: 'raw', bytes: rawFrame(r) };
  if (k < 0.99)
    return {
      kind: 'join',
      options:
        r() < 0.5
          ? junk(r)
          : {
              nickname: pick(r, ['', ' ', 'x'.repeat(25), '\u0007bell', 'ok']),
              token: pick(r, ['short', 'A'.repeat(64), '../../etc']),
              host: pick(r, [true, 'yes', 1]),
            },
    };
  return { kind: 'flood', count: int(r, 22, 40) };
}

/** A garbage frame: random bytes, a real protocol code with a truncated body, or empty. */
function rawFrame(r: Rand): Uint8Array {
  const n = int(r, 0, 64);
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = int(r, 0, 255);
  if (n > 0 && r() < 0.6)
    bytes[0] = pick(r, [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  return bytes;
}

export interface Attacker {
  sent: number;
  rejoins: number;
}

/**
 * An attacker: joins, sends fuzz actions at ≤ 18 per second (floods excepted), and rejoins with
 * its seat token after every disconnect, until `budget` actions are sent or `deadline` passes.
 */
export async function runAttacker(opts: {
  url: string;
  code: string;
  seed: number;
  budget: number;
  deadline: number;
  ctx: FuzzContext;
  nickname: string;
}): Promise<Attacker> {
  const r = rng(opts.seed);
  const stats: Attacker = { sent: 0, rejoins: 0 };
  let token: string | undefined;
  while (stats.sent < opts.budget && Date.now() < opts.deadline) {
    const room = await joinQuietly(opts.url, opts.code, {
      nickname: opts.nickname,
      ...(token ? { token } : {}),
      ...(r() < 0.1 ? { host: true } : {}),
    });
    if (room === null) {
      await sleep(50);
      continue;
    }
    stats.rejoins++;
    let open = true;
    room.onLeave(() => (open = false));
    room.onMessage('welcome', (w: { token: string }) => (token = w.token));
    room.onMessage('*', () => undefined);
    while (open && stats.sent < opts.budget && Date.now() < opts.deadline) {
      const action = fuzzAction(r, opts.ctx);
      stats.sent += perform(room, action, opts.url);
      await sleep(action.kind === 'flood' ? 1100 : 56);
    }
    if (open) await room.leave(true).catch(() => undefined);
  }
  return stats;
}

function perform(room: Room, a: FuzzAction, url: string): number {
  try {
    if (a.kind === 'join')
      void new Client(url).joinById(room.roomId, a.options as Record<string, unknown>).then(
        (extra) => extra.leave(true),
        () => undefined,
      );
    else if (a.kind === 'send') room.send(a.type as string, a.payload);
    else if (a.kind === 'raw') room.connection.send(a.bytes);
    else for (let i = 0; i < a.count; i++) room.send('move', { move: 'gc.collect()', seq: i });
  } catch {
    // The SDK refusing to encode (e.g. a closed socket) is the client's problem, not the server's.
  }
  return a.kind === 'flood' ? a.count : 1;
}

/** joinById with SDK auto-reconnection off (the attacker rejoins itself); null when refused. */
async function joinQuietly(
  url: string,
  code: string,
  options: Record<string, unknown>,
): Promise<Room | null> {
  try {
    const room = await new Client(url).joinById(code, options);
    room.reconnection.enabled = false;
    return room;
  } catch {
    return null;
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Joins or rejoins without handling: a fresh Client per call (as separate browsers would). */
export async function joinRoom(
  url: string,
  code: string,
  options: Record<string, unknown>,
): Promise<Room> {
  return new Client(url).joinById(code, options);
}

interface Reply {
  seq?: number;
  code?: string;
}

/**
 * A well-behaved player: sends `moves` one at a time and waits (≤ 5 s) for the server's answer
 * to each (matched by seq). Counts applied moves, refusals (with codes) and unanswered sends.
 */
export class GoodPlayer {
  readonly room: Room;
  applied = 0;
  refused: string[] = [];
  unanswered = 0;
  completed = 0;
  /** Close codes if the server ever dropped this player (it must not). */
  left: number[] = [];
  /** Seconds each unanswered send waited, with its type. */
  slow: string[] = [];
  private seq = 1;
  private readonly waiting = new Map<number, (r: Reply & { ok: boolean }) => void>();

  constructor(room: Room) {
    this.room = room;
    room.onMessage('applied', (m: Reply) => this.answer(m, true));
    room.onMessage('rejected', (m: Reply) => this.answer(m, false));
    room.onMessage('completed', () => this.completed++);
    room.onMessage('*', () => undefined);
    room.onLeave((code) => this.left.push(code));
  }

  /** Sends one message and waits for its applied/rejected answer, or for `until` to hold (undo/reset). */
  async act(
    type: 'move' | 'undo' | 'reset',
    payload: Record<string, unknown> = {},
    until?: (seq: number) => boolean,
  ): Promise<boolean> {
    await sleep(80); // a person, not a script: ≤ 12 messages a second (the room allows 20)
    const seq = this.seq++;
    const answered = new Promise<Reply & { ok: boolean }>((resolve) =>
      this.waiting.set(seq, resolve),
    );
    this.room.send(type, { ...payload, seq });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const done = await Promise.race([answered, sleep(20).then(() => null)]);
      if (done !== null) {
        if (done.ok) this.applied++;
        else this.refused.push(done.code ?? '?');
        return done.ok;
      }
      if (until?.(seq)) return true;
    }
    this.waiting.delete(seq);
    this.unanswered++;
    this.slow.push(`${type} #${seq} ${JSON.stringify(payload)} at ${new Date().toISOString()}`);
    return false;
  }

  private answer(m: Reply, ok: boolean): void {
    if (m.seq === undefined) return;
    this.waiting.get(m.seq)?.({ ...m, ok });
    this.waiting.delete(m.seq);
  }
}
