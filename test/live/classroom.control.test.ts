/** Live-round control on a real server: refused student commands, kick, lock, name approval, co-teachers, reconnection, report deletion. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../server/game/activeRules.ts';
import { skewedClock, startTestServer, type TestServer } from '../server/helpers.ts';
import { hostClass, hostCmd, joinClass, participate, phaseIs } from './liveClient.ts';

/** Round timers run on this clock: the test moves it instead of waiting 11 s. */
const clock = skewedClock();
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer(defaultRules, { roomClock: clock.now });
});
afterAll(() => t.stop());

const PUZZLE_ID = 'holding-hands';

async function runningClass() {
  const teacher = await hostClass(t, PUZZLE_ID);
  const ada = await joinClass(t, teacher.welcome.code, 'Ada');
  hostCmd(teacher, { cmd: 'setSet', set: { source: 'items', ids: [PUZZLE_ID, 'rc-alias'] } });
  await vi.waitFor(() => expect(teacher.state().live.rounds).toBe(2));
  return { teacher, ada };
}

describe('live-round control', () => {
  it("refuses a student's host commands in-band and changes nothing", async () => {
    const { teacher, ada } = await runningClass();
    for (const cmd of ['start', 'end', 'pause']) hostCmd(ada, { cmd });
    hostCmd(ada, { cmd: 'kick', studentId: ada.welcome.seatId });
    hostCmd(ada, { cmd: 'setSet', set: { source: 'chapter', chapter: 1 } });
    hostCmd(ada, { cmd: 'configure', settings: { locked: true } });
    await vi.waitFor(() => expect(ada.liveRejected.length).toBe(6));
    expect(ada.liveRejected.map((r) => [r.cmd, r.code])).toEqual([
      ['start', 'live/not_host'],
      ['end', 'live/not_host'],
      ['pause', 'live/not_host'],
      ['kick', 'live/not_host'],
      ['setSet', 'live/not_host'],
      ['configure', 'live/not_host'],
    ]);
    expect(teacher.state().live).toMatchObject({
      phase: 'lobby',
      rounds: 2,
      locked: false,
      students: 1,
    });
    ada.room.send('setPuzzle', { puzzleId: 'list-holds-itself' });
    await vi.waitFor(() => expect(ada.rejected.map((r) => r.code)).toEqual(['room/not_host']));
    teacher.room.send('liveAnswer', { answer: '2' });
    await vi.waitFor(() =>
      expect(teacher.liveRejected.map((r) => r.code)).toEqual(['live/not_student']),
    );
  });

  it('closes boards while paused and between rounds, and counts moves in a running puzzle round', async () => {
    const { teacher, ada } = await runningClass();
    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    hostCmd(teacher, { cmd: 'pause' });
    await phaseIs(ada, 'paused');
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() => expect(ada.rejected.map((r) => r.code)).toEqual(['live/wrong_phase']));
    hostCmd(teacher, { cmd: 'extend', seconds: 30 });
    await vi.waitFor(() =>
      expect(teacher.liveRejected.map((r) => r.code)).toEqual(['live/untimed']),
    );
    hostCmd(teacher, { cmd: 'resume' });
    await phaseIs(ada, 'running');
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() =>
      expect(teacher.state().liveSeats.get(ada.welcome.seatId)?.cells.at(0)?.moves).toBe(1),
    );
    expect(teacher.state().live.working).toBe(1);
  });

  it('kicks a student (closing their socket) and locks the room against new joins', async () => {
    const { teacher } = await runningClass();
    const bob = await joinClass(t, teacher.welcome.code, 'Bob');
    const closed = new Promise<number>((resolve) => bob.room.onLeave((code) => resolve(code)));
    hostCmd(teacher, { cmd: 'kick', studentId: bob.welcome.seatId });
    expect(await closed).toBe(4101);
    expect(bob.kicked.length).toBe(1);
    await vi.waitFor(() => expect(teacher.state().live.students).toBe(1));
    expect(teacher.state().seats.get(bob.welcome.seatId)).toBeUndefined();
    expect(teacher.state().liveSeats.get(bob.welcome.seatId)).toBeUndefined();
    // A kicked student stays out even before the class is locked (issue 14).
    await expect(joinClass(t, teacher.welcome.code, 'Bob', bob.welcome.token)).rejects.toThrow(
      'join/kicked',
    );
    hostCmd(teacher, { cmd: 'configure', settings: { locked: true } });
    await vi.waitFor(() => expect(teacher.state().live.locked).toBe(true));
    await expect(joinClass(t, teacher.welcome.code, 'Cy')).rejects.toThrow('live/locked');
    await expect(joinClass(t, teacher.welcome.code, 'Bob', bob.welcome.token)).rejects.toThrow(
      'join/kicked',
    );
  });

  it('refuses late joiners when the teacher closed late joining', async () => {
    const { teacher } = await runningClass();
    hostCmd(teacher, { cmd: 'configure', settings: { allowLateJoin: false } });
    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(teacher, 'running');
    await expect(joinClass(t, teacher.welcome.code, 'Late')).rejects.toThrow(
      'live/late_join_closed',
    );
  });

  it('joins a refused name under a generated one, which the teacher can approve', async () => {
    const { teacher } = await runningClass();
    const dick = await joinClass(t, teacher.welcome.code, 'Dick');
    await vi.waitFor(() =>
      expect(teacher.state().liveSeats.get(dick.welcome.seatId)?.pendingName).toBe('Dick'),
    );
    const generated = teacher.state().liveSeats.get(dick.welcome.seatId)!.nickname;
    expect(generated).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)? [A-Z][a-z]+$/);
    expect(teacher.state().seats.get(dick.welcome.seatId)?.nickname).toBe(generated);
    hostCmd(teacher, { cmd: 'approveName', studentId: dick.welcome.seatId });
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(dick.welcome.seatId)?.nickname).toBe('Dick'),
    );
    expect(teacher.state().liveSeats.get(dick.welcome.seatId)).toMatchObject({
      nickname: 'Dick',
      pendingName: '',
    });
  });

  it('gives a co-teacher a teacher seat from the co-teacher key', async () => {
    const { teacher, ada } = await runningClass();
    await vi.waitFor(() => expect(teacher.teacher.length).toBe(1));
    const co = await participate(() =>
      t.client().joinById(teacher.welcome.code, { token: teacher.teacher[0]!.coTeacherKey }),
    );
    expect(co.welcome.role).toBe('host');
    await vi.waitFor(() =>
      expect(co.state().liveSeats.get(ada.welcome.seatId)?.nickname).toBe('Ada'),
    );
    hostCmd(co, { cmd: 'start' });
    await phaseIs(teacher, 'running');
  });

  it('keeps seat, board and points through a refresh; the teacher sees the student greyed meanwhile', async () => {
    const { teacher, ada } = await runningClass();
    hostCmd(teacher, { cmd: 'start' });
    await phaseIs(ada, 'running');
    t.puzzle.solution.forEach((move) => ada.room.send('move', { move }));
    await phaseIs(teacher, 'reveal'); // the only student solved: the round reveals by itself
    await vi.waitFor(() =>
      expect(ada.state().liveSeats.get(ada.welcome.seatId)).toMatchObject({
        points: 1000,
        rank: 1,
      }),
    );
    ada.room.connection.close(4010, 'page refresh');
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(ada.welcome.seatId)?.connected).toBe(false),
    );
    expect(teacher.state().liveSeats.get(ada.welcome.seatId)?.points).toBe(1000);
    const back = await joinClass(t, teacher.welcome.code, 'Ada', ada.welcome.token);
    expect(back.welcome.seatId).toBe(ada.welcome.seatId);
    await vi.waitFor(() =>
      expect(back.state().liveSeats.get(ada.welcome.seatId)).toMatchObject({
        points: 1000,
        rank: 1,
      }),
    );
    await vi.waitFor(() =>
      expect(back.state().seats.get(ada.welcome.seatId)?.board?.solved).toBe(true),
    );
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(ada.welcome.seatId)?.connected).toBe(true),
    );
    expect(teacher.state().live.students).toBe(1);
  });

  it('runs the round timer on the server: a countdown, an extension, and a reveal when time is up', async () => {
    const { teacher, ada } = await runningClass();
    const startedAt = clock.now();
    hostCmd(teacher, { cmd: 'start', seconds: 10 });
    await phaseIs(ada, 'running');
    expect(ada.state().live.timed).toBe(true);
    clock.advance(1000);
    await vi.waitFor(() => expect(ada.state().live.remainingMs).toBeLessThan(9_500), {
      timeout: 3_000,
    });
    hostCmd(teacher, { cmd: 'extend', seconds: 1 });
    // A command refused in the running phase, answered after the extension was applied.
    hostCmd(teacher, { cmd: 'resume' });
    await vi.waitFor(() => expect(teacher.liveRejected.map((r) => r.cmd)).toEqual(['resume']));
    // 10 s of the round have passed (with less than 1 s of real time): the extension keeps it running.
    clock.advance(startedAt + 10_000 - clock.now());
    await vi.waitFor(() => expect(ada.state().live.remainingMs).toBeLessThan(1_000), {
      timeout: 3_000,
    });
    expect(ada.state().live.phase).toBe('running');
    clock.advance(1_000);
    await vi.waitFor(() => expect(ada.state().live.phase).toBe('reveal'), {
      timeout: 3_000,
      interval: 100,
    });
    expect(clock.now() - startedAt).toBeGreaterThanOrEqual(11_000);
    expect(ada.state().live.remainingMs).toBe(0);
  });

  it('lets the teacher delete the stored report; nobody else can', async () => {
    const { teacher, ada } = await runningClass();
    await vi.waitFor(() => expect(teacher.teacher.length).toBe(1));
    const { reportId } = teacher.teacher[0]!;
    hostCmd(teacher, { cmd: 'end' });
    await phaseIs(teacher, 'podium');
    const del = (token: string) =>
      fetch(`${t.server.url}/api/live/reports/${reportId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    await vi.waitFor(async () =>
      expect(
        (
          await fetch(`${t.server.url}/api/live/reports/${reportId}`, {
            headers: { authorization: `Bearer ${teacher.welcome.token}` },
          })
        ).status,
      ).toBe(200),
    );
    expect((await del(ada.welcome.token)).status).toBe(403);
    expect((await del(teacher.welcome.token)).status).toBe(204);
    expect((await del(teacher.welcome.token)).status).toBe(404);
  });
});
