/**
 * Seat bookkeeping shared by the rooms: a seat outlives its WebSocket. A seat is found again by
 * its token (page refresh, new device tab) or by its session id (Colyseus reconnection).
 *
 * Contracts:
 * - Tokens are 192-bit random strings; the only way to a seat. They never enter the room state.
 * - A seat is bound to at most one live session. Rebinding it (`takeOver`) returns the previous
 *   session so the room can close that socket and cancel its pending reconnection.
 */
import { randomBytes } from 'node:crypto';
import type { SeatRole } from '../../shared/protocol.ts';

export interface Seat {
  readonly id: string;
  readonly token: string;
  readonly role: SeatRole;
  nickname: string;
  /** Live (or reconnecting) session, null once released. */
  sessionId: string | null;
}

/** Something that can be cancelled (Colyseus' allowReconnection Deferred). */
export interface PendingReconnection {
  reject: (reason?: unknown) => void;
}

export const newToken = (): string => randomBytes(24).toString('base64url');

export class SeatRegistry {
  private readonly byToken = new Map<string, Seat>();
  private readonly bySession = new Map<string, Seat>();
  private readonly pending = new Map<string, PendingReconnection>();
  private lastId = 0;

  create(role: SeatRole, nickname: string, sessionId: string): Seat {
    const seat: Seat = { id: `s${++this.lastId}`, token: newToken(), role, nickname, sessionId };
    this.byToken.set(seat.token, seat);
    this.bySession.set(sessionId, seat);
    return seat;
  }

  withToken(token: string | undefined): Seat | undefined {
    return token === undefined ? undefined : this.byToken.get(token);
  }

  ofSession(sessionId: string): Seat | undefined {
    return this.bySession.get(sessionId);
  }

  all(): Seat[] {
    return [...this.byToken.values()];
  }

  count(role: SeatRole): number {
    return this.all().filter((s) => s.role === role).length;
  }

  /** Seats of `role` bound to a session (connected, or within their reconnection window). */
  occupied(role: SeatRole): number {
    return this.all().filter((s) => s.role === role && s.sessionId !== null).length;
  }

  /** The earliest-created seat of `role` that has no session (the first to evict). */
  oldestReleased(role: SeatRole): Seat | undefined {
    return this.all().find((s) => s.role === role && s.sessionId === null);
  }

  /** Binds `seat` to a new session; returns the session it had, if any (to close / cancel). */
  takeOver(seat: Seat, sessionId: string): string | null {
    const previous = seat.sessionId;
    if (previous !== null) {
      this.bySession.delete(previous);
      this.pending.get(previous)?.reject(false);
      this.pending.delete(previous);
    }
    seat.sessionId = sessionId;
    this.bySession.set(sessionId, seat);
    return previous;
  }

  /** Remembers the reconnection a dropped session is waiting on. */
  awaitReconnection(sessionId: string, pending: PendingReconnection): void {
    this.pending.set(sessionId, pending);
  }

  reconnected(sessionId: string): void {
    this.pending.delete(sessionId);
  }

  /** The session is gone for good: the seat stays (token still works) but has no session. */
  release(sessionId: string): Seat | undefined {
    const seat = this.bySession.get(sessionId);
    this.bySession.delete(sessionId);
    this.pending.delete(sessionId);
    if (seat !== undefined) seat.sessionId = null;
    return seat;
  }

  /** Forgets the seat entirely (its token stops working). */
  remove(seat: Seat): void {
    this.byToken.delete(seat.token);
    if (seat.sessionId !== null) this.release(seat.sessionId);
  }
}
