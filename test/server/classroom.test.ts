import { matchMaker } from '@colyseus/core';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  AppliedMessage,
  ClassroomStateShape,
  CompletedMessage,
  RejectedMessage,
  WelcomeMessage,
} from '../../shared/protocol.ts';
import { ROOMS } from '../../shared/protocol.ts';
import {
  collect,
  ILLEGAL_MOVE,
  replayDigest,
  replayHash,
  startTestServer,
  type TestServer,
} from './helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

interface Joined {
  room: Room;
  welcome: WelcomeMessage;
  applied: AppliedMessage[];
  rejected: RejectedMessage[];
  completed: CompletedMessage[];
}

async function join(make: () => Promise<Room>): Promise<Joined> {
  const room = await make();
  const welcomes = collect<WelcomeMessage>(room, 'welcome');
  const joined = {
    room,
    applied: collect<AppliedMessage>(room, 'applied'),
    rejected: collect<RejectedMessage>(room, 'rejected'),
    completed: collect<CompletedMessage>(room, 'completed'),
  };
  await vi.waitFor(() => expect(welcomes.length).toBe(1));
  return { ...joined, welcome: welcomes[0]! };
}

const host = () =>
  join(() =>
    t.client().create(ROOMS.classroom, { host: true, nickname: 'Ms Byte', puzzleId: t.puzzle.id }),
  );
const student = (code: string, nickname: string, token?: string) =>
  join(() => t.client().joinById(code, { nickname, ...(token ? { token } : {}) }));
const stateOf = (room: Room) => room.state as unknown as ClassroomStateShape;
const boardOf = (j: Joined) => stateOf(j.room).seats.get(j.welcome.seatId)?.board;
const movesOf = (j: Joined) => [...(boardOf(j)?.moves ?? [])].map((m) => m.move);

describe('classroom room', () => {
  it('gives the host a 6-digit code and a host seat, and a student their own board', async () => {
    const teacher = await host();
    expect(teacher.welcome.role).toBe('host');
    expect(teacher.welcome.code).toMatch(/^[0-9]{6}$/);
    expect(teacher.room.roomId).toBe(teacher.welcome.code);
    const ada = await student(teacher.welcome.code, 'Ada');
    expect(ada.welcome.role).toBe('student');
    await vi.waitFor(() => expect(boardOf(ada)?.puzzleId).toBe(t.puzzle.id));
    expect(boardOf(ada)?.version).toBe(0);
    expect(stateOf(teacher.room).studentCount).toBe(1);
  });

  it('applies a legal move, mirrors it, and keeps the mirror hash equal to a replay of the log', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    const first = t.puzzle.solution[0]!;
    ada.room.send('move', { move: first, seq: 7 });
    await vi.waitFor(() => expect(ada.applied.length).toBe(1));
    expect(ada.applied[0]).toMatchObject({
      seq: 7,
      by: ada.welcome.seatId,
      move: first,
      version: 1,
    });
    await vi.waitFor(() => expect(boardOf(ada)?.version).toBe(1));
    expect(movesOf(ada)).toEqual([first]);
    expect(boardOf(ada)?.lastSeq).toBe(7);
    expect(boardOf(ada)?.stateDigest).toBe(replayDigest(t.rules, t.puzzle, movesOf(ada)));
  });

  it('answers an illegal move in-band and changes nothing', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    await vi.waitFor(() => expect(boardOf(ada)).toBeDefined());
    const before = boardOf(ada)!.stateDigest;
    ada.room.send('move', { move: ILLEGAL_MOVE, seq: 1 });
    await vi.waitFor(() => expect(ada.rejected.length).toBe(1));
    expect(ada.rejected[0]).toMatchObject({ seq: 1, version: 0 });
    expect(ada.rejected[0]!.code).toMatch(/^(python|move|heap|name)\//);
    ada.room.send('move', { move: t.puzzle.solution[0]!, expectedVersion: 3 });
    await vi.waitFor(() => expect(ada.rejected.length).toBe(2));
    expect(ada.rejected[1]).toMatchObject({ code: 'move/stale', version: 0 });
    expect(boardOf(ada)!.stateDigest).toBe(before);
    expect(boardOf(ada)!.version).toBe(0);
    expect(ada.room.connection.isOpen).toBe(true);
  });

  it('stores the result in the store when a student completes the puzzle', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    t.puzzle.solution.forEach((move, seq) => ada.room.send('move', { move, seq }));
    await vi.waitFor(() => expect(ada.completed.length).toBe(1));
    const expected = {
      puzzleId: t.puzzle.id,
      solved: true,
      moves: t.puzzle.par,
      par: t.puzzle.par,
      stars: 3,
    };
    expect(ada.completed[0]).toMatchObject(expected);
    const rows = await t.server.store.listResults({ roomCode: teacher.welcome.code });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      seatId: ada.welcome.seatId,
      nickname: 'Ada',
      moves: t.puzzle.solution,
      score: ada.completed[0]!.score,
    });
    expect(rows[0]!.stateHash).toBe(replayHash(t.rules, t.puzzle, t.puzzle.solution));
    ada.room.send('move', { move: t.puzzle.solution[0]!, seq: 99 });
    await vi.waitFor(() =>
      expect(ada.rejected.at(-1)).toMatchObject({ seq: 99, code: 'board/solved' }),
    );
    await vi.waitFor(() =>
      expect(stateOf(teacher.room).seats.get(ada.welcome.seatId)?.score).toBe(
        ada.completed[0]!.score,
      ),
    );
  });

  it('shows a student only their own seat while the host sees every seat', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    const bob = await student(teacher.welcome.code, 'Bob');
    bob.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() =>
      expect(stateOf(teacher.room).seats.get(bob.welcome.seatId)?.board?.version).toBe(1),
    );
    const seen = (room: Room) => {
      const ids: string[] = [];
      stateOf(room).seats.forEach((_s, id) => ids.push(id));
      return ids.sort();
    };
    expect(seen(teacher.room)).toEqual(
      [teacher.welcome.seatId, ada.welcome.seatId, bob.welcome.seatId].sort(),
    );
    expect(seen(ada.room)).toEqual([ada.welcome.seatId]);
    expect(seen(bob.room)).toEqual([bob.welcome.seatId]);
  });

  it('refuses host commands from a student, in-band', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    ada.room.send('setPuzzle', { puzzleId: t.puzzle.id });
    await vi.waitFor(() => expect(ada.rejected.at(-1)?.code).toBe('room/not_host'));
  });

  it('disconnects a client that sends a malformed message', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    const left: number[] = [];
    ada.room.onLeave((code) => left.push(code));
    ada.room.send('move', { move: 42 });
    await vi.waitFor(() => expect(left.length).toBe(1));
    expect(teacher.room.connection.isOpen).toBe(true);
  });

  it('disconnects a flooding client (maxMessagesPerSecond) and nobody else', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    const left: number[] = [];
    ada.room.onLeave((code) => left.push(code));
    for (let i = 0; i < 60; i++) ada.room.send('move', { move: ILLEGAL_MOVE, seq: i });
    await vi.waitFor(() => expect(left).toEqual([4002]));
    expect(teacher.room.connection.isOpen).toBe(true);
  });

  it('disposes the room once everyone has left', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    expect(await matchMaker.query({ roomId: teacher.welcome.code })).toHaveLength(1);
    await ada.room.leave(true);
    await teacher.room.leave(true);
    await vi.waitFor(async () =>
      expect(await matchMaker.query({ roomId: teacher.welcome.code })).toEqual([]),
    );
  });

  it('keeps the seat and board through a dropped socket (automatic reconnection)', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() => expect(boardOf(ada)?.version).toBe(1));
    ada.room.reconnection.minUptime = 0;
    const reconnected = new Promise<void>((resolve) => ada.room.onReconnect(() => resolve()));
    ada.room.connection.close(4010, 'network lost');
    await vi.waitFor(() =>
      expect(stateOf(teacher.room).seats.get(ada.welcome.seatId)?.connected).toBe(false),
    );
    await reconnected;
    await vi.waitFor(() =>
      expect(stateOf(teacher.room).seats.get(ada.welcome.seatId)?.connected).toBe(true),
    );
    ada.room.send('move', { move: t.puzzle.solution[1]! });
    await vi.waitFor(() => expect(boardOf(ada)?.version).toBe(2));
  });

  it('resumes the same seat and board after a page refresh, via the seat token', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    ada.room.send('move', { move: t.puzzle.solution[0]! });
    await vi.waitFor(() => expect(boardOf(ada)?.version).toBe(1));
    ada.room.connection.close(4010, 'page refresh'); // the tab is gone; its reconnection never comes
    const again = await student(teacher.welcome.code, 'Ada', ada.welcome.token);
    expect(again.welcome).toMatchObject({
      seatId: ada.welcome.seatId,
      token: ada.welcome.token,
      role: 'student',
    });
    await vi.waitFor(() => expect(boardOf(again)?.version).toBe(1));
    expect(movesOf(again)).toEqual([t.puzzle.solution[0]]);
    expect(stateOf(teacher.room).studentCount).toBe(1);
  });

  it('gives the teacher the host seat back after a refresh', async () => {
    const teacher = await host();
    const ada = await student(teacher.welcome.code, 'Ada');
    await teacher.room.leave(false);
    const back = await join(() =>
      t.client().joinById(teacher.welcome.code, { token: teacher.welcome.token }),
    );
    expect(back.welcome).toMatchObject({ role: 'host', seatId: teacher.welcome.seatId });
    await vi.waitFor(() =>
      expect(stateOf(back.room).seats.get(ada.welcome.seatId)?.nickname).toBe('Ada'),
    );
  });
});
