/**
 * The real thing: a student's network is gone for 30 seconds (every socket cut, new connections
 * refused) under the default 60-second reconnection window. The SDK's automatic reconnection
 * brings back the same session, seat, board and score; the teacher saw the seat greyed meanwhile.
 */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/protocol.ts';
import { startTestServer, TEST_PUZZLE_ID, type TestServer } from '../server/helpers.ts';
import { seatOf, solve, studentThrough } from './dropKit.ts';
import { startProxy, type NetProxy } from './netProxy.ts';

let t: TestServer;
let proxy: NetProxy;
beforeAll(async () => {
  t = await startTestServer();
  proxy = await startProxy({ host: '127.0.0.1', port: t.server.port });
});
afterAll(async () => {
  await proxy.close();
  await t.stop();
});

it(
  'comes back to the same seat and score after its socket was down for 30 s',
  { timeout: 75_000 },
  async () => {
    expect(LIMITS.reconnectSeconds).toBeGreaterThan(30);
    const host = await new Client(t.server.url).create('classroom', {
      host: true,
      puzzleId: TEST_PUZZLE_ID,
    });
    host.onMessage('*', () => undefined);
    const ada = await studentThrough(proxy.url, host.roomId, 'Ada');
    ada.room.reconnection.minUptime = 0;
    const score = await solve(ada, t.puzzle.solution);
    const sessionId = ada.room.sessionId;
    proxy.cut();
    await vi.waitFor(() => expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false));
    await new Promise((r) => setTimeout(r, 30_000));
    expect(seatOf(host, ada.welcome.seatId)?.connected).toBe(false);
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
