/**
 * The real thing: a student's network is gone for 30 seconds (every socket cut, new connections
 * refused) under the default 60-second reconnection window. The SDK's automatic reconnection
 * brings back the same session, seat, board and score; the teacher saw the seat greyed meanwhile.
 * The 30 seconds pass on the server's injected room clock (skewedClock) while the sockets stay
 * cut for a few real seconds of failed retries, so the test takes seconds, not half a minute.
 */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/protocol.ts';
import { defaultRules } from '../../server/game/activeRules.ts';
import {
  skewedClock,
  startTestServer,
  TEST_PUZZLE_ID,
  type TestServer,
} from '../server/helpers.ts';
import { seatOf, solve, studentThrough } from './dropKit.ts';
import { startProxy, type NetProxy } from './netProxy.ts';

const clock = skewedClock();
let t: TestServer;
let proxy: NetProxy;
beforeAll(async () => {
  t = await startTestServer(defaultRules, { roomClock: clock.now });
  proxy = await startProxy({ host: '127.0.0.1', port: t.server.port });
});
afterAll(async () => {
  await proxy.close();
  await t.stop();
});

/** Milliseconds the SDK keeps retrying before it gives up (its backoff, capped, summed). */
function retryBudgetMs(r: RetryOptions): number {
  let total = 0;
  for (let attempt = 1; attempt <= r.maxRetries; attempt++)
    total += Math.min(r.maxDelay, Math.max(r.minDelay, r.backoff(attempt, r.delay)));
  return total;
}

interface RetryOptions {
  maxRetries: number;
  maxDelay: number;
  minDelay: number;
  delay: number;
  backoff: (attempt: number, delay: number) => number;
}

it(
  'comes back to the same seat and score after its socket was down for 30 s',
  { timeout: 30_000 },
  async () => {
    expect(LIMITS.reconnectSeconds).toBeGreaterThan(30);
    const host = await new Client(t.server.url).create('classroom', {
      puzzleId: TEST_PUZZLE_ID,
    });
    host.onMessage('*', () => undefined);
    const ada = await studentThrough(proxy.url, host.roomId, 'Ada');
    ada.room.reconnection.minUptime = 0;
    // The SDK itself keeps trying for longer than the outage.
    expect(retryBudgetMs(ada.room.reconnection)).toBeGreaterThan(30_000);
    const score = await solve(ada, t.puzzle.solution);
    const sessionId = ada.room.sessionId;
    proxy.cut();
    await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false));
    clock.advance(30_000);
    // A window check (one a second) and failed retries later, the seat is still held.
    await new Promise((r) => setTimeout(r, 1500));
    expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false);
    expect(ada.reconnects).toBe(0);
    proxy.restore();
    await vi.waitFor(() => expect(ada.reconnects).toBe(1), { timeout: 15_000, interval: 100 });
    expect(ada.room.sessionId).toBe(sessionId);
    expect(ada.left).toEqual([]);
    await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(true));
    expect(seatOf(ada.room, ada.welcome.seatId)).toMatchObject({ score, nickname: 'Ada' });
    expect(seatOf(ada.room, ada.welcome.seatId)?.board?.solved).toBe(true);
    expect(seatOf(host, ada.welcome.seatId)?.score).toBe(score);
  },
);
