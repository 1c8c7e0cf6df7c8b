import { describe, expect, it } from 'vitest';
import { SeatRegistry } from '../../server/rooms/seats.ts';

describe('SeatRegistry', () => {
  it('finds a seat by token and session, with unguessable distinct tokens', () => {
    const seats = new SeatRegistry();
    const a = seats.create('student', 'Ada', 'sess-a');
    const b = seats.create('student', 'Bob', 'sess-b');
    expect([a.id, b.id]).toEqual(['s1', 's2']);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
    expect(seats.withToken(a.token)).toBe(a);
    expect(seats.withToken('x'.repeat(32))).toBeUndefined();
    expect(seats.ofSession('sess-b')).toBe(b);
  });

  it('takeOver moves the seat to the new session and cancels the old reconnection wait', () => {
    const seats = new SeatRegistry();
    const a = seats.create('student', 'Ada', 'old');
    const cancelled: unknown[] = [];
    seats.awaitReconnection('old', { reject: (r) => cancelled.push(r) });
    expect(seats.takeOver(a, 'new')).toBe('old');
    expect(cancelled).toEqual([false]);
    expect(seats.ofSession('old')).toBeUndefined();
    expect(seats.ofSession('new')).toBe(a);
    // The old session's late onLeave must not release the seat.
    expect(seats.release('old')).toBeUndefined();
    expect(a.sessionId).toBe('new');
  });

  it('release keeps the seat for its token; remove forgets it', () => {
    const seats = new SeatRegistry();
    const a = seats.create('host', 'Ms Byte', 'h');
    expect(seats.release('h')).toBe(a);
    expect(a.sessionId).toBeNull();
    expect(seats.withToken(a.token)).toBe(a);
    expect(seats.count('host')).toBe(1);
    seats.remove(a);
    expect(seats.withToken(a.token)).toBeUndefined();
    expect(seats.count('host')).toBe(0);
  });
});
