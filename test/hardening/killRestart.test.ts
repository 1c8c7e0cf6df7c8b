/**
 * kill -9 in the middle of a live round: the real server process (node server/index.ts, temp
 * DATA_DIR, free port) runs a class — one student solved the round's puzzle (result stored), one
 * is half-way — a team solved its puzzle, and a player submitted today's daily challenge. SIGKILL,
 * restart on the same DATA_DIR: every completed result and the leaderboard entry are still there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, expect, it, vi } from 'vitest';
import { defaultRules } from '../../server/game/activeRules.ts';
import { openSqliteStore } from '../../server/store/SqliteStore.ts';
import { challengeById, currentChallengeIds } from '../../shared/challenges/index.ts';
import { collect, TEST_PUZZLE_ID } from '../server/helpers.ts';
import { solve, studentThrough } from './dropKit.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hh-kill-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `node server/index.ts` on a free port; resolves with its URL once it listens. */
async function spawnServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: join(dataDir, 'no-client'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /server on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return { url, child };
}

it(
  'keeps every completed result and leaderboard entry through kill -9 and a restart',
  { timeout: 60_000 },
  async () => {
    const first = await spawnServer();
    const puzzle = defaultRules.puzzle(TEST_PUZZLE_ID)!;
    // A live round on the class puzzle: Ada solves it, Bob is half-way when the process dies.
    const host = await new Client(first.url).create('classroom', {
      host: true,
      nickname: 'Ms Byte',
      puzzleId: TEST_PUZZLE_ID,
    });
    host.onMessage('*', () => undefined);
    const ada = await studentThrough(first.url, host.roomId, 'Ada');
    const bob = await studentThrough(first.url, host.roomId, 'Bob');
    host.send('liveHost', { cmd: 'setSet', set: { source: 'items', ids: [TEST_PUZZLE_ID] } });
    host.send('liveHost', { cmd: 'start' });
    await vi.waitFor(() =>
      expect((host.state as unknown as { live: { phase: string } }).live.phase).toBe('running'),
    );
    const adaScore = await solve(ada, puzzle.solution);
    bob.room.send('move', { move: puzzle.solution[0]!, seq: 1 });
    // A team solves the same puzzle together.
    const team = await new Client(first.url).create('team', {
      nickname: 'Cy',
      puzzleId: TEST_PUZZLE_ID,
    });
    const teamDone = collect<{ score: number }>(team, 'completed');
    collect(team, 'welcome');
    collect(team, 'applied');
    puzzle.solution.forEach((move) => team.send('move', { move }));
    await vi.waitFor(() => expect(teamDone).toHaveLength(1));
    // Today's daily challenge, submitted over HTTP.
    const daily = currentChallengeIds(Date.now()).daily;
    const submit = await fetch(`${first.url}/api/challenges/${daily}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nickname: 'Grace',
        deviceToken: 'kill-test-device-0001',
        moves: challengeById(daily)!.puzzle.solution,
      }),
    });
    expect(submit.status).toBe(200);
    const before = (await (
      await fetch(`${first.url}/api/challenges/${daily}/leaderboard?device=kill-test-device-0001`)
    ).json()) as { you: unknown };
    expect(before.you).toMatchObject({ rank: 1, nickname: 'Grace' });

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await spawnServer();
    const after = await (
      await fetch(`${second.url}/api/challenges/${daily}/leaderboard?device=kill-test-device-0001`)
    ).json();
    expect(after).toEqual(before);
    const store = openSqliteStore(dataDir);
    try {
      const classResults = await store.listResults({ roomCode: host.roomId });
      expect(
        classResults.map((r) => ({
          nickname: r.nickname,
          moves: r.moves,
          score: r.score,
          solved: r.solved,
        })),
      ).toEqual([{ nickname: 'Ada', moves: [...puzzle.solution], score: adaScore, solved: true }]);
      const teamResults = await store.listResults({ roomCode: team.roomId });
      expect(teamResults).toHaveLength(1);
      expect(teamResults[0]).toMatchObject({
        roomKind: 'team',
        solved: true,
        score: teamDone[0]!.score,
        moves: [...puzzle.solution],
      });
    } finally {
      await store.close();
    }
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  },
);
