/**
 * One live class connection (teacher or student) in the `classroom` room, kept at module level so
 * it survives scene changes (lobby → Puzzle → reveal). Seat tokens live in localStorage under
 * `seatStorageKey(code)`; the class being played is remembered under LIVE_KEYS so a refresh goes
 * straight back to the same seat (server: token rejoin keeps seat, board and points).
 *
 * Contracts: listeners run after every state patch and status change (coalesced to one per frame);
 * a kicked student (close code 4101) or a seat taken over in another tab (4100) is closed for good;
 * a kicked student's remembered class is forgotten (the token is kept: the server refuses it), a
 * taken seat's is not (the tab that took it shares this storage and is in the class now); any other
 * drop shows "reconnecting…" while the SDK retries.
 */
import { Client, type Room } from '@colyseus/sdk';
import { KICKED_CLOSE_CODE, LIVE_MESSAGES } from '../../shared/live/protocol.ts';
import { ANSWER_MAX } from '../../shared/live/students.ts';
import type {
  LiveClassroomStateShape,
  LiveHostMessage,
  LiveRejectedMessage,
  LiveTeacherMessage,
} from '../../shared/live/protocol.ts';
import {
  ROOMS,
  SEAT_TAKEN_CLOSE_CODE,
  SERVER_MESSAGES,
  seatStorageKey,
} from '../../shared/protocol.ts';
import type { ClassroomStateShape, WelcomeMessage } from '../../shared/protocol.ts';
import type { Text } from '../../shared/puzzles/format.ts';
import { LIVE_KEYS } from './keys.ts';

export type LiveState = ClassroomStateShape & LiveClassroomStateShape;
export type LiveRole = 'host' | 'student';
export type LinkStatus = 'connected' | 'reconnecting' | 'kicked' | 'taken' | 'lost' | 'left';

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export const remembered = (role: LiveRole): string | null =>
  store()?.getItem(LIVE_KEYS[role]) ?? null;
const tokenFor = (code: string): string | undefined =>
  store()?.getItem(seatStorageKey(code)) ?? undefined;

export class LiveConnection {
  readonly room: Room<unknown, LiveState>;
  readonly role: LiveRole;
  readonly seatId: string;
  readonly code: string;
  readonly token: string;
  teacher: LiveTeacherMessage | null = null;
  status: LinkStatus = 'connected';
  rejected: LiveRejectedMessage | null = null;
  hint: { tier: number; hint: Text | null } | null = null;
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(room: Room<unknown, LiveState>, welcome: WelcomeMessage) {
    this.room = room;
    this.role = welcome.role === 'host' ? 'host' : 'student';
    this.seatId = welcome.seatId;
    this.code = welcome.code;
    this.token = welcome.token;
    store()?.setItem(seatStorageKey(this.code), welcome.token);
    store()?.setItem(LIVE_KEYS[this.role], this.code);
    room.reconnection.minUptime = 0; // a phone that drops in the first seconds must come back too
    // Back within 2 s of the network returning (the SDK's default backs off to 5 s), and keep trying
    // for about as long as the server holds the seat (RECONNECT_SECONDS, 60 by default).
    room.reconnection.maxDelay = 2000;
    room.reconnection.maxRetries = 40;
    room.onStateChange(() => this.changed());
    room.onMessage(LIVE_MESSAGES.teacher, (m: LiveTeacherMessage) => this.set({ teacher: m }));
    room.onMessage(LIVE_MESSAGES.rejected, (m: LiveRejectedMessage) => this.set({ rejected: m }));
    room.onMessage(LIVE_MESSAGES.hint, (m: { tier: number; hint: Text | null }) =>
      this.set({ hint: m }),
    );
    room.onMessage(LIVE_MESSAGES.kicked, () => this.close('kicked'));
    room.onMessage(SERVER_MESSAGES.completed, () => undefined);
    room.onDrop(() => this.set({ status: 'reconnecting' }));
    room.onReconnect(() => this.set({ status: 'connected' }));
    room.onLeave((code) => {
      if (code === KICKED_CLOSE_CODE) this.close('kicked');
      else if (code === SEAT_TAKEN_CLOSE_CODE) this.close('taken');
      else if (this.status !== 'left' && this.status !== 'kicked') this.set({ status: 'lost' });
    });
  }

  get state(): LiveState {
    return this.room.state;
  }

  /** The signed-in student's live row (a student's view holds only their own). */
  get myRow(): ReturnType<LiveState['liveSeats']['get']> {
    return this.state.liveSeats?.get(this.seatId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  host(message: LiveHostMessage | { cmd: LiveHostMessage['cmd']; [k: string]: unknown }): void {
    this.rejected = null;
    this.room.send(LIVE_MESSAGES.host, message);
  }

  answer(answer: string): void {
    this.rejected = null;
    this.room.send(LIVE_MESSAGES.answer, { answer });
  }

  /** A program round's answers, one per printed line (kept in the shape the server accepts). */
  lines(lines: readonly string[]): void {
    this.rejected = null;
    const oneLine = lines.map((l) => l.replace(/[\r\n]+/g, ' ').slice(0, ANSWER_MAX));
    this.room.send(LIVE_MESSAGES.lines, { lines: oneLine });
  }

  askHint(): void {
    this.room.send(LIVE_MESSAGES.hint, {});
  }

  /** Leave on purpose: the seat is released and the class forgotten on this device. */
  leave(): void {
    if (this.status !== 'taken') this.forget(); // the tab that took the seat still remembers it
    this.status = 'left';
    void this.room.leave(true);
    if (current === this) current = null;
  }

  forget(): void {
    if (store()?.getItem(LIVE_KEYS[this.role]) === this.code)
      store()?.removeItem(LIVE_KEYS[this.role]);
  }

  /** A kicked student keeps the seat token: the server refuses it, so they stay out of the class. */
  private close(status: 'kicked' | 'taken'): void {
    if (status === 'kicked') this.forget();
    this.set({ status });
  }

  private set(
    patch: Partial<Pick<LiveConnection, 'teacher' | 'status' | 'rejected' | 'hint'>>,
  ): void {
    Object.assign(this, patch);
    this.changed();
  }

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = (): void => {
      this.scheduled = false;
      this.listeners.forEach((l) => l());
    };
    if (typeof requestAnimationFrame === 'function' && !document.hidden) requestAnimationFrame(run);
    else setTimeout(run, 0);
  }
}

let current: LiveConnection | null = null;

export const currentLive = (): LiveConnection | null => current;

async function connect(
  join: (client: Client) => Promise<Room<unknown, LiveState>>,
): Promise<LiveConnection> {
  const room = await join(new Client(location.origin));
  let teacher: LiveTeacherMessage | null = null; // sent right after welcome, before the connection exists
  const early = room.onMessage(
    LIVE_MESSAGES.teacher,
    (m: LiveTeacherMessage) => void (teacher = m),
  );
  const welcome = await new Promise<WelcomeMessage>((resolve) =>
    room.onMessage(SERVER_MESSAGES.welcome, resolve),
  );
  await new Promise<void>((resolve) =>
    room.state?.live ? resolve() : room.onStateChange.once(() => resolve()),
  );
  current?.leave();
  early();
  current = new LiveConnection(room, welcome);
  current.teacher = teacher;
  return current;
}

/** Teacher: back to the remembered class (same host seat), else a new class. */
export async function hostClass(): Promise<LiveConnection> {
  if (current?.role === 'host' && current.status !== 'lost') return current;
  const code = remembered('host');
  const token = code ? tokenFor(code) : undefined;
  if (code && token) {
    try {
      return await connect((c) => c.joinById(code, { token }));
    } catch {
      store()?.removeItem(LIVE_KEYS.host);
    }
  }
  // The creator's join is the teacher's: the server proves it with a key it adds itself.
  return connect((c) => c.create(ROOMS.classroom, {}));
}

/** Student: join by code (resuming this device's seat for that code when it has one). */
export function joinClass(code: string, nickname: string | undefined): Promise<LiveConnection> {
  const token = tokenFor(code);
  return connect((c) =>
    c.joinById(code, { ...(nickname ? { nickname } : {}), ...(token ? { token } : {}) }),
  );
}

/** Co-teacher link: join with the class's co-teacher key. */
export function joinAsCoTeacher(code: string, key: string): Promise<LiveConnection> {
  return connect((c) => c.joinById(code, { token: key }));
}

/** After a refresh: the class this device was in, if the room still has the seat. */
export async function resumeRemembered(role: LiveRole): Promise<LiveConnection | null> {
  const code = remembered(role);
  const token = code ? tokenFor(code) : undefined;
  if (!code || !token) return null;
  try {
    return await connect((c) => c.joinById(code, { token }));
  } catch {
    store()?.removeItem(LIVE_KEYS[role]);
    return null;
  }
}
