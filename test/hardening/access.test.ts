/**
 * Class access, attacked on a real server (issue 14): a class or team is reached only by its code,
 * no refusal tells a live code from a dead one, the teacher seat belongs to the creator whatever a
 * client sends, seats of students who left do not hold places, a kicked student stays out, and
 * join options that are not an object never reach a room.
 */
import { Client, type Room } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/protocol.ts';
import type { WelcomeMessage } from '../../shared/protocol.ts';
import { collect } from '../server/helpers.ts';
import { matchmake, startServer, type Attacked } from './attackKit.ts';

let s: Attacked;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.stop());

async function welcomed(room: Room): Promise<WelcomeMessage> {
  const got = collect<WelcomeMessage>(room, 'welcome');
  collect(room, 'liveTeacher');
  await vi.waitFor(() => expect(got).toHaveLength(1));
  return got[0]!;
}

async function newClass(): Promise<{ room: Room; code: string }> {
  const room = await new Client(s.url).create('classroom', {});
  await welcomed(room);
  return { room, code: room.roomId };
}

describe('joining without the code', () => {
  it('refuses join and joinOrCreate by room name, for classes and teams, and names no code', async () => {
    const { room, code } = await newClass();
    const team = await new Client(s.url).create('team', {});
    for (const method of ['join', 'joinOrCreate'])
      for (const name of ['classroom', 'team']) {
        const r = await matchmake(s.url, method, name, { nickname: 'Stranger' });
        expect(r.status).toBe(403);
        expect(r.json).toEqual({
          code: 403,
          error: 'join/by_code_only: classes and teams are joined with their code.',
        });
        expect(r.body).not.toContain(code);
        expect(r.body).not.toContain(team.roomId);
      }
    await expect(new Client(s.url).join('classroom', {})).rejects.toThrow('join/by_code_only');
    await expect(new Client(s.url).joinOrCreate('team', {})).rejects.toThrow('join/by_code_only');
    await team.leave();
    await room.leave();
  });

  it('answers an unknown code and a failed reconnect the same way whether the code is live or not', async () => {
    const { room, code } = await newClass();
    const dead = code === '999999' ? '999998' : '999999';
    const onLive = await matchmake(s.url, 'reconnect', code, { reconnectionToken: 'x:y' });
    const onDead = await matchmake(s.url, 'reconnect', dead, { reconnectionToken: 'x:y' });
    expect(onLive.status).toBe(524);
    expect(onDead.status).toBe(524);
    expect(onLive.body).toBe(onDead.body);
    expect(onLive.json).toEqual({
      code: 524,
      error: 'join/reconnect_failed: that seat cannot be resumed; join with the code.',
    });
    const unknown = await matchmake(s.url, 'joinById', dead, {});
    expect(unknown.status).toBe(522);
    expect(unknown.json).toEqual({
      code: 522,
      error: 'join/unknown_code: no open class or team has that code.',
    });
    await room.leave();
  });

  it('refuses join options that are not an object before any room exists', async () => {
    const before = (await matchMaker.query({})).length;
    for (const body of [null, 5, [1, 2], true]) {
      const r = await matchmake(s.url, 'create', 'classroom', body);
      expect(r.status).toBe(400);
      expect(r.json).toEqual({ code: 400, error: 'join/bad_options: join options are an object.' });
    }
    expect((await matchMaker.query({})).length).toBe(before);
  });
});

describe('the teacher seat', () => {
  it('goes to the creator, even when an attacker with the code connects first asking for it', async () => {
    const creator = new Client(s.url);
    const created = await matchmake(s.url, 'create', 'classroom', {
      host: true,
      hostKey: 'A'.repeat(32),
    });
    expect(created.status).toBe(200);
    expect(created.body).not.toContain('hostKey');
    const code = (created.json as { roomId: string }).roomId;
    // The attacker knows the code and the old flag, and guesses a key, before the creator connects.
    const attacker = await new Client(s.url).joinById(code, {
      host: true,
      hostKey: 'A'.repeat(32),
      nickname: 'Boss',
    });
    expect((await welcomed(attacker)).role).toBe('student');
    const teacher = await creator.consumeSeatReservation(created.json as never);
    expect((await welcomed(teacher)).role).toBe('host');
    await attacker.leave();
    await teacher.leave();
  });

  it('is not granted a second time by the creator key (it is single-use and never sent)', async () => {
    const { room, code } = await newClass();
    const second = await new Client(s.url).joinById(code, { nickname: 'Second' });
    expect((await welcomed(second)).role).toBe('student');
    await second.leave();
    await room.leave();
  });
});

describe('ghost seats and kicks', () => {
  it(`never lets seats of students who left fill the ${LIMITS.classroomStudents} places`, async () => {
    const { room: host, code } = await newClass();
    const ghosts = LIMITS.classroomStudents + 10;
    for (let i = 0; i < ghosts; i += 26) {
      const batch = Array.from({ length: Math.min(26, ghosts - i) }, (_, j) =>
        new Client(s.url).joinById(code, { nickname: `Ghost ${i + j}` }),
      );
      const rooms = await Promise.all(batch);
      await Promise.all(rooms.map((r) => r.leave(true)));
    }
    const real = await new Client(s.url).joinById(code, { nickname: 'Real Student' });
    expect((await welcomed(real)).role).toBe('student');
    await real.leave();
    await host.leave();
  }, 120_000);

  it('keeps a kicked student out of that class with their seat token, unlocked class or not', async () => {
    const { room: host, code } = await newClass();
    const bob = await new Client(s.url).joinById(code, { nickname: 'Bob' });
    const bobWelcome = await welcomed(bob);
    const closed = new Promise<number>((resolve) => bob.onLeave((c) => resolve(c)));
    host.send('liveHost', { cmd: 'kick', studentId: bobWelcome.seatId });
    expect(await closed).toBe(4101);
    await expect(
      new Client(s.url).joinById(code, { nickname: 'Bob', token: bobWelcome.token }),
    ).rejects.toThrow('join/kicked: the teacher removed you from this class.');
    await host.leave();
  });
});
