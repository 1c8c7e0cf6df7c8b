/**
 * Scale-out end to end: two real server processes (`node server/index.ts`) sharing Redis
 * (presence + driver) and PostgreSQL. A teacher creates a class through process A; students join
 * by code through the process that does NOT host the room, play the puzzle to the end, and the
 * results land in the shared database. Seats come back by token through either process; challenge
 * and live-report HTTP answers are the same from both. Needs HH_TEST_REDIS_URL and
 * HH_TEST_DATABASE_URL (scripts/ci-services.sh); skipped with a warning otherwise.
 */
import { Client } from '@colyseus/sdk';
import { RedisDriver } from '@colyseus/redis-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultRules } from '../../server/game/activeRules.ts';
import { openStore, type Storage } from '../../server/store/open.ts';
import { challengeById } from '../../shared/challenges/index.ts';
import type { CompletedMessage } from '../../shared/protocol.ts';
import { collect, TEST_PUZZLE_ID } from '../server/helpers.ts';
import { hostCmd, participate, phaseIs, type Participant } from '../live/liveClient.ts';
import { freshPgSchema, TEST_DATABASE_URL, TEST_REDIS_URL } from './backends.ts';
import { startServerProcess, type ServerProcess } from './processes.ts';

const available = TEST_REDIS_URL !== '' && TEST_DATABASE_URL !== '';
if (!available) {
  console.warn(
    '[test/scale] HH_TEST_REDIS_URL and HH_TEST_DATABASE_URL are needed for the two-process test: skipped (run scripts/ci-services.sh).',
  );
}

/** A Redis database of our own (0 is left alone), so concurrent runs do not see each other's processes. */
const redisUrl = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${1 + (process.pid % 15)}`;
const puzzle = defaultRules.puzzle(TEST_PUZZLE_ID)!;

describe.skipIf(!available)('two server processes on shared Redis and PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let storage: Storage;
  let dropSchema: () => Promise<void>;
  let driver: RedisDriver;

  beforeAll(async () => {
    const schema = await freshPgSchema(TEST_DATABASE_URL);
    dropSchema = schema.drop;
    const env = { REDIS_URL: redisUrl, DATABASE_URL: schema.url };
    // Started together: the migrations' advisory lock must serialise them.
    [a, b] = await Promise.all([startServerProcess('a', env), startServerProcess('b', env)]);
    storage = await openStore({ dataDir: '/nonexistent', databaseUrl: schema.url });
    driver = new RedisDriver(redisUrl);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await storage?.close();
    await driver?.shutdown();
    await dropSchema?.();
  });

  /** The process whose publicAddress the room's listing carries, and the other one. */
  async function hostOf(code: string): Promise<{ host: ServerProcess; other: ServerProcess }> {
    const listing = await driver.findOne({ roomId: code });
    expect([a.address, b.address]).toContain(listing?.publicAddress);
    return listing!.publicAddress === a.address ? { host: a, other: b } : { host: b, other: a };
  }

  const join = (
    via: ServerProcess,
    code: string,
    options: Record<string, unknown>,
  ): Promise<Participant> => participate(() => new Client(via.url).joinById(code, options));

  async function solve(p: Participant): Promise<CompletedMessage[]> {
    const completed = collect<CompletedMessage>(p.room, 'completed');
    puzzle.solution.forEach((move, seq) => p.room.send('move', { move, seq }));
    await vi.waitFor(() => expect(completed.length).toBe(1));
    return completed;
  }

  it('joins a class created through A by code through the other process; results land in PostgreSQL', async () => {
    const teacher = await participate(() =>
      new Client(a.url).create('classroom', {
        host: true,
        nickname: 'Ms Byte',
        puzzleId: puzzle.id,
      }),
    );
    const code = teacher.welcome.code;
    const { host, other } = await hostOf(code);
    const students = await Promise.all(
      ['Ada', 'Grace', 'Linus'].map((nickname) => join(other, code, { nickname })),
    );
    expect(students.map((s) => s.welcome.role)).toEqual(['student', 'student', 'student']);
    await vi.waitFor(() => expect(teacher.state().studentCount).toBe(3));
    const completions = await Promise.all(students.map(solve));
    expect(completions.map((c) => c[0]!.solved)).toEqual([true, true, true]);
    const rows = await storage.store.listResults({ roomCode: code });
    expect(rows.map((r) => r.nickname).sort()).toEqual(['Ada', 'Grace', 'Linus']);
    expect(
      rows.every((r) => r.solved && r.roomKind === 'classroom' && r.puzzleId === puzzle.id),
    ).toBe(true);
    expect(rows.map((r) => r.moves)).toEqual(rows.map(() => puzzle.solution));

    // A refreshed page comes back to its seat with its token, through either process.
    const ada = students[0]!;
    await ada.room.leave();
    for (const via of [host, other]) {
      const back = await join(via, code, { token: ada.welcome.token });
      expect(back.welcome.seatId).toBe(ada.welcome.seatId);
      await back.room.leave();
    }

    // The report is saved by the hosting process and served by both.
    await vi.waitFor(() => expect(teacher.teacher.length).toBe(1));
    hostCmd(teacher, { cmd: 'end' });
    await phaseIs(teacher, 'podium');
    const report = (via: ServerProcess) =>
      fetch(`${via.url}/api/live/reports/${teacher.teacher[0]!.reportId}`, {
        headers: { authorization: `Bearer ${teacher.welcome.token}` },
      });
    await vi.waitFor(async () => expect((await report(host)).status).toBe(200));
    expect((await report(other)).status).toBe(200);
    await Promise.all([teacher, ...students.slice(1)].map((p) => p.room.leave()));
  });

  it('resumes a dropped socket with its reconnection token through the other process', async () => {
    const teacher = await participate(() =>
      new Client(a.url).create('classroom', { host: true, puzzleId: puzzle.id }),
    );
    const { host, other } = await hostOf(teacher.welcome.code);
    const ada = await join(other, teacher.welcome.code, { nickname: 'Ada' });
    ada.room.send('move', { move: puzzle.solution[0]!, seq: 1 });
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(ada.welcome.seatId)?.board?.version).toBe(1),
    );
    // An abnormal close (not a consented leave): the server holds the seat (onDrop → allowReconnection).
    (ada.room.connection.transport as unknown as { ws: { close(code: number): void } }).ws.close(
      4999,
    );
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(ada.welcome.seatId)?.connected).toBe(false),
    );
    const back = await new Client(other.url).reconnect(ada.room.reconnectionToken);
    expect(back.sessionId).toBe(ada.room.sessionId);
    await vi.waitFor(() =>
      expect(teacher.state().seats.get(ada.welcome.seatId)?.connected).toBe(true),
    );
    expect(host).not.toBe(other);
    await Promise.all([back.leave(), teacher.room.leave()]);
  });

  it('gives classes created through both processes distinct codes, each joinable through the other', async () => {
    const teachers = await Promise.all(
      [a, b, a, b].map((via) =>
        participate(() =>
          new Client(via.url).create('classroom', { host: true, puzzleId: puzzle.id }),
        ),
      ),
    );
    const codes = teachers.map((t) => t.welcome.code);
    expect(new Set(codes).size).toBe(4);
    for (const code of codes) {
      const { other } = await hostOf(code);
      const s = await join(other, code, { nickname: 'Ada' });
      expect(s.welcome.code).toBe(code);
      await s.room.leave();
    }
    await Promise.all(teachers.map((t) => t.room.leave()));
  });

  it('answers an unknown code the same way on both processes', async () => {
    const codes = new Set((await driver.query({})).map((r) => r.roomId));
    const unknown = ['000001', '000002', '000003'].find((c) => !codes.has(c))!;
    for (const via of [a, b])
      await expect(new Client(via.url).joinById(unknown, { nickname: 'Eve' })).rejects.toThrow();
  });

  it('ranks a challenge submitted through A on the leaderboard served by B', async () => {
    const today = (await (await fetch(`${a.url}/api/challenges/today`)).json()) as {
      daily: { id: string };
    };
    const challenge = challengeById(today.daily.id)!;
    const submit = await fetch(`${a.url}/api/challenges/${challenge.id}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nickname: 'Ada',
        deviceToken: 'device-scale-test-0001',
        moves: challenge.puzzle.solution,
      }),
    });
    expect(submit.status).toBe(200);
    const board = (await (
      await fetch(
        `${b.url}/api/challenges/${challenge.id}/leaderboard?device=device-scale-test-0001`,
      )
    ).json()) as {
      entries: { nickname: string }[];
      you: { rank: number };
    };
    expect(board.entries.map((e) => e.nickname)).toEqual(['Ada']);
    expect(board.you).toMatchObject({ rank: 1 });
  });
});
