/** Submissions are rate-limited per IP and per device token (429 with Retry-After). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { challengeById } from '../../shared/challenges/index.ts';
import { postJson, startChallengeServer, token, type ChallengeServer } from './helpers.ts';

let s: ChallengeServer;
beforeAll(async () => {
  s = await startChallengeServer({
    limits: {
      perIp: { capacity: 3, perSecond: 0.01 },
      perDevice: { capacity: 2, perSecond: 0.01 },
    },
  });
});
afterAll(async () => {
  await s.stop();
});

it('refuses the third submission of a device and the fourth of an address', async () => {
  const id = 'daily-2026-11-24';
  const moves = challengeById(id)!.puzzle.solution;
  const send = (who: string) =>
    postJson(`${s.server.url}/api/challenges/${id}/submit`, {
      nickname: who,
      deviceToken: token(who),
      moves,
    });
  expect((await send('a')).status).toBe(200);
  expect((await send('a')).status).toBe(200);
  const third = await send('a');
  expect([third.status, third.body.error.code, third.headers.get('retry-after')]).toEqual([
    429,
    'rate/limited',
    '100',
  ]);
  const otherDevice = await send('b');
  expect([otherDevice.status, otherDevice.body.error.code]).toEqual([429, 'rate/limited']);
  s.clock.t += 100_000; // one token back in each bucket
  expect((await send('b')).status).toBe(200);
});
