/**
 * Budgets of the public endpoints, attacked on a real server with small budgets (issue 14):
 * rooms created, /api requests, and CPU-expensive work (verify replays, QR codes) per address, the
 * process-wide CPU budget, challenge ids of future dates refused before any puzzle is generated,
 * and the per-address buckets shared by every process through Redis (HH_TEST_REDIS_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Limits } from '../../server/http/limits.ts';
import { TEST_REDIS_URL } from '../scale/backends.ts';
import {
  errorCode,
  matchmake,
  shoot,
  startServer,
  type Attacked,
  type Reply,
} from './attackKit.ts';

const BUDGETS = {
  create: { points: 3, seconds: 60 },
  api: { points: 40, seconds: 60 },
  cpuMs: { points: 30, seconds: 60 },
  processCpuMs: { points: 60, seconds: 60 },
};

let s: Attacked;
beforeAll(async () => {
  s = await startServer({ budgets: BUDGETS });
});
afterAll(() => s.stop());

/** Repeats `shot` until the reply is not `ok`; returns that reply and how many were ok. */
async function until(ok: (r: Reply) => boolean, shot: () => Promise<Reply>, max = 100) {
  for (let i = 0; i < max; i++) {
    const r = await shot();
    if (!ok(r)) return { refused: r, served: i };
  }
  throw new Error(`never refused in ${max} requests`);
}

const verify = (from: string) =>
  shoot(s.url, '/api/verify', {
    from,
    body: { puzzleId: 'holding-hands', moves: Array.from({ length: 300 }, (_, i) => `v${i} = []`) },
  });

describe('per-address budgets', () => {
  it('refuses the fourth room created from one address, not from another', async () => {
    for (let i = 0; i < 3; i++)
      expect((await matchmake(s.url, 'create', 'team', {}, '127.0.0.20')).status).toBe(200);
    const refused = await matchmake(s.url, 'create', 'team', {}, '127.0.0.20');
    expect(refused.status).toBe(429);
    expect((refused.json as { error: string }).error).toMatch(
      /^join\/rate_limited: too many requests from this network; try again in \d+ s\.$/,
    );
    expect((await matchmake(s.url, 'create', 'team', {}, '127.0.0.21')).status).toBe(200);
  });

  it('refuses /api requests past the budget with 429 rate/limited and Retry-After', async () => {
    const report = () => shoot(s.url, '/api/live/reports/abcdefgh', { from: '127.0.0.22' });
    const { refused, served } = await until((r) => r.status === 404, report);
    expect(served).toBe(BUDGETS.api.points);
    expect(refused.status).toBe(429);
    expect(errorCode(refused)).toBe('rate/limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // From then on the front door refuses that address before parsing anything, matchmaker too.
    const door = await matchmake(s.url, 'create', 'classroom', {}, '127.0.0.22');
    expect(door.status).toBe(429);
    expect(errorCode(door)).toBe('rate/limited');
    expect((await shoot(s.url, '/api/live/reports/abcdefgh', { from: '127.0.0.23' })).status).toBe(
      404,
    );
  });

  it('generates no puzzle for a challenge of a future or long-past date', async () => {
    const r = await shoot(s.url, '/api/challenges/daily-2999-01-01', { from: '127.0.0.62' });
    expect(r.status).toBe(403);
    expect(errorCode(r)).toBe('challenge/not_open');
    const old = await shoot(s.url, '/api/challenges/daily-2001-01-01', { from: '127.0.0.63' });
    expect(old.status).toBe(410);
    expect(errorCode(old)).toBe('challenge/closed');
    const board = await shoot(s.url, '/api/challenges/weekly-2001-W02/leaderboard', {
      from: '127.0.0.64',
    });
    expect(board.status, board.body).toBe(410);
  });

  it('stops expensive work from one address once its CPU budget is spent (verify, then QR)', async () => {
    const answered = (r: Reply): boolean => r.status === 200 || r.status === 422;
    const { refused, served } = await until(answered, () => verify('127.0.0.24'));
    // The address's own budget (30 ms) runs out before the process's (60 ms) or the /api one (40).
    expect(served).toBeLessThanOrEqual(BUDGETS.cpuMs.points);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: 'rate/limited' } });
    const qr = await shoot(s.url, '/api/live/join/123456', { from: '127.0.0.24' });
    expect(qr.status).toBe(429);
    expect(errorCode(qr)).toBe('rate/limited');
  });

  it('stops expensive work from everyone once the process CPU budget is spent (503 server/busy)', async () => {
    let busy: Reply | undefined;
    for (let a = 30; a < 60 && busy === undefined; a++) {
      const { refused } = await until(
        (r) => r.status !== 429 && r.status !== 503,
        () => verify(`127.0.0.${a}`),
      );
      if (refused.status === 503) busy = refused;
    }
    expect(busy?.json).toEqual({
      error: {
        code: 'server/busy',
        message: expect.stringMatching(/^The server is busy; try again in \d+ s\.$/),
      },
    });
    // Cheap endpoints and classes are untouched.
    expect((await shoot(s.url, '/healthz', { from: '127.0.0.61' })).status).toBe(200);
    expect((await matchmake(s.url, 'create', 'classroom', {}, '127.0.0.61')).status).toBe(200);
  });
});

describe.skipIf(!TEST_REDIS_URL)('budgets across processes (Redis)', () => {
  it('spends one bucket from every process: an address refused by one is refused by all', async () => {
    const budgets = { badCode: { points: 3, seconds: 60 } };
    const a = new Limits(budgets, TEST_REDIS_URL);
    const b = new Limits(budgets, TEST_REDIS_URL);
    const key = `test-${process.pid}-${Date.now()}`;
    try {
      expect(await a.take('badCode', key)).toBe(0);
      expect(await b.take('badCode', key)).toBe(0);
      expect(await a.take('badCode', key)).toBe(0);
      expect(await b.wait('badCode', key)).toBeGreaterThan(0);
      expect(await b.take('badCode', key)).toBeGreaterThan(0);
      expect(await a.take('badCode', `${key}-other`)).toBe(0);
    } finally {
      a.close();
      b.close();
    }
  });
});
