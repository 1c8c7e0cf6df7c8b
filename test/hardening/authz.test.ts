/**
 * Authorization on a real server: a student cannot run host commands, cannot act on another
 * student's board, and never receives another student's seat or board (StateView, checked
 * through each student's own SDK client); host-only HTTP endpoints refuse everyone else,
 * including the teacher of another class; a refresh in a full team gets its seat back.
 */
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClassroomStateShape, TeamStateShape } from '../../shared/protocol.ts';
import { hostClass, hostCmd, joinClass, phaseIs, type Participant } from '../live/liveClient.ts';
import { collect, startTestServer, TEST_PUZZLE_ID, type TestServer } from '../server/helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const seatsOf = (p: Participant): string[] => {
  const ids: string[] = [];
  (p.room.state as unknown as ClassroomStateShape).seats.forEach((_s, id) => ids.push(id));
  return ids.sort();
};
const liveRowsOf = (p: Participant): string[] => {
  const ids: string[] = [];
  p.state().liveSeats.forEach((_s, id) => ids.push(id));
  return ids.sort();
};

async function classOfTwo(): Promise<{ teacher: Participant; ada: Participant; bob: Participant }> {
  const teacher = await hostClass(t, TEST_PUZZLE_ID);
  const ada = await joinClass(t, teacher.welcome.code, 'Ada');
  const bob = await joinClass(t, teacher.welcome.code, 'Bob');
  await vi.waitFor(() => expect(seatsOf(teacher)).toHaveLength(3));
  return { teacher, ada, bob };
}

describe('classroom authorization', () => {
  it('refuses every host command from a student and changes nothing', async () => {
    const { teacher, ada, bob } = await classOfTwo();
    const commands = [
      { cmd: 'start' },
      { cmd: 'end' },
      { cmd: 'pause' },
      { cmd: 'skip' },
      { cmd: 'next' },
      { cmd: 'extend', seconds: 30 },
      { cmd: 'configure', settings: { locked: true } },
      { cmd: 'kick', studentId: bob.welcome.seatId },
      { cmd: 'approveName', studentId: bob.welcome.seatId },
      { cmd: 'setSet', set: { source: 'predict' } },
    ];
    for (const c of commands) hostCmd(ada, c);
    ada.room.send('setPuzzle', { puzzleId: 'no-such-puzzle' });
    ada.room.send('setPuzzle', { puzzleId: TEST_PUZZLE_ID });
    await vi.waitFor(() => expect(ada.liveRejected).toHaveLength(commands.length));
    expect(new Set(ada.liveRejected.map((r) => r.code))).toEqual(new Set(['live/not_host']));
    await vi.waitFor(() =>
      expect(ada.rejected.map((r) => r.code)).toEqual(['room/not_host', 'room/not_host']),
    );
    expect(teacher.state().live.phase).toBe('lobby');
    expect(teacher.state().live.locked).toBe(false);
    expect(seatsOf(teacher)).toContain(bob.welcome.seatId);
    expect(bob.kicked).toEqual([]);
    expect(bob.room.connection.isOpen).toBe(true);
  });

  it('cannot become the teacher by asking, nor by guessing a token', async () => {
    const teacher = await hostClass(t, TEST_PUZZLE_ID);
    const sneaky = await joinClass(t, teacher.welcome.code, 'Sneaky');
    const asHost = await (async () => {
      const room = await t
        .client()
        .joinById(teacher.welcome.code, { host: true, nickname: 'Boss', token: 'A'.repeat(43) });
      const welcome = collect<{ role: string }>(room, 'welcome');
      await vi.waitFor(() => expect(welcome).toHaveLength(1));
      return welcome[0]!;
    })();
    expect(sneaky.welcome.role).toBe('student');
    expect(asHost.role).toBe('student');
  });

  it("moves only ever touch the sender's own board, whatever the payload names", async () => {
    const { teacher, ada, bob } = await classOfTwo();
    const move = t.puzzle.solution[0]!;
    ada.room.send('move', {
      move,
      seq: 1,
      seatId: bob.welcome.seatId,
      board: bob.welcome.seatId,
      by: bob.welcome.seatId,
    });
    const boardOf = (id: string) =>
      (teacher.room.state as unknown as ClassroomStateShape).seats.get(id)?.board;
    await vi.waitFor(() => expect(boardOf(ada.welcome.seatId)?.version).toBe(1));
    expect([...boardOf(ada.welcome.seatId)!.moves].map((m) => m.by)).toEqual([ada.welcome.seatId]);
    expect(boardOf(bob.welcome.seatId)?.version).toBe(0);
  });

  it("never sends a student another student's seat, board or live row (checked on each client)", async () => {
    const { teacher, ada, bob } = await classOfTwo();
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    bob.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() =>
      expect(seatsOf(teacher)).toEqual(
        [teacher.welcome.seatId, ada.welcome.seatId, bob.welcome.seatId].sort(),
      ),
    );
    await vi.waitFor(() =>
      expect(liveRowsOf(teacher)).toEqual([ada.welcome.seatId, bob.welcome.seatId].sort()),
    );
    // A late joiner appears to the teacher only.
    const cy = await joinClass(t, teacher.welcome.code, 'Cy');
    await vi.waitFor(() => expect(seatsOf(teacher)).toContain(cy.welcome.seatId));
    await vi.waitFor(() =>
      expect(ada.state().seats.get(ada.welcome.seatId)?.board?.version).toBe(1),
    );
    for (const s of [ada, bob, cy]) {
      expect(seatsOf(s)).toEqual([s.welcome.seatId]);
      expect(liveRowsOf(s)).toEqual([s.welcome.seatId]);
    }
    expect(ada.state().studentCount).toBe(3); // the public count, not the seats
  });

  it('keeps report JSON, CSV and deletion for teachers of that class only', async () => {
    const { teacher, ada } = await classOfTwo();
    const other = await hostClass(t, TEST_PUZZLE_ID);
    await vi.waitFor(() => expect(teacher.teacher).toHaveLength(1));
    const { reportId, coTeacherKey } = teacher.teacher[0]!;
    hostCmd(teacher, { cmd: 'end' });
    await phaseIs(teacher, 'podium');
    const base = `${t.server.url}/api/live/reports/${reportId}`;
    const get = (path: string, token?: string, method = 'GET') =>
      fetch(`${base}${path}`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    await vi.waitFor(async () => expect((await get('', teacher.welcome.token)).status).toBe(200));
    for (const path of ['', '/csv']) {
      expect((await get(path)).status).toBe(403);
      expect((await get(path, ada.welcome.token)).status).toBe(403);
      expect((await get(path, other.welcome.token)).status).toBe(403);
      expect((await fetch(`${base}${path}?token=${teacher.welcome.token}`)).status).toBe(403);
      expect((await get(path, coTeacherKey)).status).toBe(200);
    }
    expect((await get('', ada.welcome.token, 'DELETE')).status).toBe(403);
    expect((await get('', other.welcome.token, 'DELETE')).status).toBe(403);
    expect((await get('', teacher.welcome.token)).status).toBe(200);
    expect((await get('', teacher.welcome.token, 'DELETE')).status).toBe(204);
    expect((await get('', teacher.welcome.token)).status).toBe(404);
  });
});

describe('team seats', () => {
  it('gives a dropped player in a full team their seat back when they reload, and admits no seventh', async () => {
    type Welcome = { seatId: string; token: string };
    const withWelcome = async (join: Promise<Room>) => {
      const room = await join;
      return { room, welcome: collect<Welcome>(room, 'welcome') };
    };
    const p1 = await withWelcome(
      t.client().create('team', { nickname: 'P1', puzzleId: TEST_PUZZLE_ID }),
    );
    const first = p1.room;
    const rest = await Promise.all(
      [2, 3, 4, 5, 6].map((n) =>
        withWelcome(t.client().joinById(first.roomId, { nickname: `P${n}` })),
      ),
    );
    const players = [first, ...rest.map((p) => p.room)];
    const welcomes = [p1.welcome, ...rest.map((p) => p.welcome)];
    await vi.waitFor(() => expect(welcomes.every((w) => w.length === 1)).toBe(true));
    await expect(t.client().joinById(first.roomId, { nickname: 'P7' })).rejects.toThrow(
      /team\/full/,
    );
    const leaver = players[3]!;
    leaver.connection.close(4010, 'page refresh'); // seat held for the reconnection window
    const state = first.state as unknown as TeamStateShape;
    await vi.waitFor(() =>
      expect(state.players.get(welcomes[3]![0]!.seatId)?.connected).toBe(false),
    );
    const back = await t.client().joinById(first.roomId, { token: welcomes[3]![0]!.token });
    const again = collect<{ seatId: string }>(back, 'welcome');
    await vi.waitFor(() => expect(again).toHaveLength(1));
    expect(again[0]!.seatId).toBe(welcomes[3]![0]!.seatId);
    await vi.waitFor(() =>
      expect(state.players.get(welcomes[3]![0]!.seatId)?.connected).toBe(true),
    );
    await expect(t.client().joinById(first.roomId, { nickname: 'P7' })).rejects.toThrow(
      /team\/full/,
    );
  });
});
