/**
 * A kicked student stays out (issue 14), on a real server with a pinned room clock: after a kick,
 * a join from the kicked seat's address gets no new seat in that class for 180 s, whatever name,
 * forged X-Forwarded-For or `peer` option it sends (the student cleared their storage and lost
 * the seat token); seats already held still come back by token; other addresses, other classes
 * and, after the cooldown, that address join again. Locking the class refuses every new seat and
 * still lets held seats reconnect. Joins go through the HTTP matchmaker from chosen loopback
 * addresses (attackKit.ts), then the WebSocket.
 */
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { WelcomeMessage } from '../../shared/protocol.ts';
import { collect } from '../server/helpers.ts';
import { shoot, startServer, type Attacked } from './attackKit.ts';

const clock = { t: Date.UTC(2026, 11, 3, 9) };
let s: Attacked;
beforeAll(async () => {
  s = await startServer({ roomClock: () => clock.t });
});
afterAll(() => s.stop());

interface Seated {
  room: Room;
  welcome: WelcomeMessage;
}

async function welcomed(room: Room): Promise<WelcomeMessage> {
  const got = collect<WelcomeMessage>(room, 'welcome');
  collect(room, 'liveTeacher');
  await vi.waitFor(() => expect(got).toHaveLength(1));
  return got[0]!;
}

/** joinById from `from` (a loopback address), then the WebSocket; rejects with the room's refusal. */
async function joinFrom(
  from: string,
  code: string,
  options: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Seated> {
  const reply = await shoot(s.url, `/matchmake/joinById/${code}`, { from, body: options, headers });
  if (reply.status !== 200) throw new Error(`matchmaker ${reply.status}: ${reply.body}`);
  const room = await new Client(s.url).consumeSeatReservation(reply.json as never);
  return { room, welcome: await welcomed(room) };
}

async function newClass(): Promise<Seated> {
  const room = await new Client(s.url).create('classroom', {});
  return { room, welcome: await welcomed(room) };
}

async function kick(teacher: Seated, student: Seated): Promise<void> {
  const closed = new Promise<number>((resolve) => student.room.onLeave((c) => resolve(c)));
  teacher.room.send('liveHost', { cmd: 'kick', studentId: student.welcome.seatId });
  expect(await closed).toBe(4101);
}

const REFUSED = 'join/kicked_recently: a student was just removed from this class on this network';

it('gives no new seat to the kicked seat’s address for 180 s; held seats, other addresses and classes are not affected', async () => {
  const teacher = await newClass();
  const code = teacher.welcome.code;
  const bob = await joinFrom('127.0.0.2', code, { nickname: 'Bob' });
  const carol = await joinFrom('127.0.0.2', code, { nickname: 'Carol' }); // same school network
  await kick(teacher, bob);
  // Bob cleared his storage: no token, a new name, forged headers or options do not help.
  await expect(joinFrom('127.0.0.2', code, { nickname: 'Bobby' })).rejects.toThrow(
    `${REFUSED}; try again in 180 s.`,
  );
  await expect(
    joinFrom('127.0.0.2', code, { nickname: 'Bobby' }, { 'x-forwarded-for': '10.1.2.3' }),
  ).rejects.toThrow(REFUSED);
  await expect(
    joinFrom('127.0.0.2', code, { nickname: 'Bobby', peer: '10.1.2.3' }),
  ).rejects.toThrow(REFUSED);
  // Carol's seat comes back by its token from the same address.
  await carol.room.leave();
  const back = await joinFrom('127.0.0.2', code, { token: carol.welcome.token });
  expect([back.welcome.role, back.welcome.seatId]).toEqual(['student', carol.welcome.seatId]);
  // Another address joins this class; the same address joins another class.
  const dee = await joinFrom('127.0.0.3', code, { nickname: 'Dee' });
  expect(dee.welcome.role).toBe('student');
  const other = await newClass();
  const elsewhere = await joinFrom('127.0.0.2', other.welcome.code, { nickname: 'Bobby' });
  expect(elsewhere.welcome.role).toBe('student');
  clock.t += 179_000;
  await expect(joinFrom('127.0.0.2', code, { nickname: 'Bobby' })).rejects.toThrow(
    `${REFUSED}; try again in 1 s.`,
  );
  clock.t += 1000;
  const later = await joinFrom('127.0.0.2', code, { nickname: 'Bobby' });
  expect(later.welcome.role).toBe('student');
  for (const r of [later, elsewhere, other, dee, back, teacher]) await r.room.leave();
});

it('refuses every new seat in a locked class and still lets held seats reconnect', async () => {
  const teacher = await newClass();
  const code = teacher.welcome.code;
  const ann = await joinFrom('127.0.0.4', code, { nickname: 'Ann' });
  teacher.room.send('liveHost', { cmd: 'configure', settings: { locked: true } });
  await vi.waitFor(() =>
    expect((teacher.room.state as { live: { locked: boolean } }).live.locked).toBe(true),
  );
  await expect(joinFrom('127.0.0.5', code, { nickname: 'Ben' })).rejects.toThrow('live/locked');
  await ann.room.leave();
  const back = await joinFrom('127.0.0.4', code, { token: ann.welcome.token });
  expect([back.welcome.role, back.welcome.seatId]).toEqual(['student', ann.welcome.seatId]);
  await back.room.leave();
  await teacher.room.leave();
});
