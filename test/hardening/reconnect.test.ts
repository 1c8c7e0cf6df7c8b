/**
 * Dropped sockets, with a short reconnection window (RECONNECT_SECONDS = 5) so the logic runs in
 * seconds: a drop shorter than the window resumes the same session, seat, board and score through
 * the SDK's automatic reconnection; a drop longer than the window loses the session, and joining
 * again with the seat token gives back the same seat, board and score. (drop30.test.ts runs the
 * 30-second drop against the default 60-second window.) Outages longer than a second pass on the
 * server's injected room clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGameServer, type GameServer } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';
import { skewedClock, TEST_PUZZLE_ID } from '../server/helpers.ts';
import { seatOf, solve, studentThrough } from './dropKit.ts';
import { startProxy, type NetProxy } from './netProxy.ts';

let server: GameServer;
let proxy: NetProxy;
let dir: string;
const puzzle = defaultRules.puzzle(TEST_PUZZLE_ID)!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The reconnection window runs on this clock: the long outage moves it instead of sleeping. */
const clock = skewedClock();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hh-reconnect-'));
  server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    rules: defaultRules,
    clientDir: join(dir, 'none'),
    reconnectSeconds: 5,
    roomClock: clock.now,
  });
  proxy = await startProxy({ host: '127.0.0.1', port: server.port });
});
afterAll(async () => {
  await proxy.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function classWithSolver() {
  const host = await new Client(server.url).create('classroom', {
    host: true,
    puzzleId: TEST_PUZZLE_ID,
  });
  host.onMessage('*', () => undefined);
  const ada = await studentThrough(proxy.url, host.roomId, 'Ada');
  ada.room.reconnection.minUptime = 0;
  const score = await solve(ada, puzzle.solution);
  expect(score).toBeGreaterThan(0);
  return { host, ada, score };
}

describe('dropped sockets (window 5 s)', () => {
  it(
    'resumes the same session, seat, board and score after a 1.5 s outage',
    { timeout: 20_000 },
    async () => {
      const { host, ada, score } = await classWithSolver();
      const sessionId = ada.room.sessionId;
      proxy.cut();
      await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false));
      await sleep(1500);
      proxy.restore();
      await vi.waitFor(() => expect(ada.reconnects).toBe(1), { timeout: 8000 });
      expect(ada.room.sessionId).toBe(sessionId);
      expect(ada.left).toEqual([]);
      await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(true));
      expect(seatOf(ada.room, ada.welcome.seatId)).toMatchObject({ score, nickname: 'Ada' });
      expect(seatOf(ada.room, ada.welcome.seatId)?.board?.solved).toBe(true);
      expect(seatOf(host, ada.welcome.seatId)?.score).toBe(score);
    },
  );

  it(
    'after an outage longer than the window, the seat token brings back the same seat, board and score',
    { timeout: 30_000 },
    async () => {
      const { host, ada, score } = await classWithSolver();
      ada.room.reconnection.maxRetries = 0; // the page gives up (or was closed) while offline
      proxy.cut();
      await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false));
      clock.advance(6500);
      await sleep(1500); // a window check (one a second) sees it closed
      proxy.restore();
      const back = await studentThrough(proxy.url, host.roomId, 'Ada', ada.welcome.token);
      expect(back.welcome.seatId).toBe(ada.welcome.seatId);
      await vi.waitFor(() =>
        expect(seatOf(back.room, ada.welcome.seatId)?.board?.solved).toBe(true),
      );
      expect(seatOf(back.room, ada.welcome.seatId)?.score).toBe(score);
      await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(true));
      expect((host.state as unknown as { studentCount: number }).studentCount).toBe(1);
    },
  );
});
