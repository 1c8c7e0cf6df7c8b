/** Challenge results live in the store: they survive closing and reopening the same DATA_DIR. */
import { expect, it } from 'vitest';
import { challengeById } from '../../shared/challenges/index.ts';
import { getJson, postJson, startChallengeServer, token } from './helpers.ts';

it('keeps the board, ranks and histogram across a server restart', async () => {
  const id = 'daily-2026-11-24';
  const p = challengeById(id)!.puzzle;
  const first = await startChallengeServer();
  const url = (srv: typeof first, path: string) => `${srv.server.url}/api/challenges/${id}${path}`;
  for (const who of ['one', 'two']) {
    expect(
      (
        await postJson(url(first, '/submit'), {
          nickname: who,
          deviceToken: token(who),
          moves: p.solution,
        })
      ).status,
    ).toBe(200);
    first.clock.t += 1000;
  }
  const before = await getJson(url(first, `/leaderboard?device=${token('two')}`));
  await first.stop(false);
  const second = await startChallengeServer({ dataDir: first.dataDir });
  try {
    const after = await getJson(url(second, `/leaderboard?device=${token('two')}`));
    expect(after.body).toEqual(before.body);
    expect(after.body.entries.map((e: { nickname: string }) => e.nickname)).toEqual(['one', 'two']);
    expect(after.body.you).toMatchObject({ rank: 2, nickname: 'two', you: true });
    expect(after.body.histogram).toEqual([{ moves: p.par, count: 2 }]);
  } finally {
    await second.stop();
  }
});
