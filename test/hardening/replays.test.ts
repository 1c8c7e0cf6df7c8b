/**
 * Replayed leaderboard submissions (issue 14): the same run sent again by the same device is
 * answered as before but not stored again; a device keeps a bounded number of runs per challenge.
 * Against a real server on 127.0.0.1 with a pinned clock.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { challengeById, replayChallenge } from '../../shared/challenges/index.ts';
import { deviceHash } from '../../server/challenges/service.ts';
import { SUBMISSIONS_KEPT } from '../../server/store/challengeSql.ts';
import {
  postJson,
  startChallengeServer,
  token,
  type ChallengeServer,
} from '../leaderboard/helpers.ts';

let s: ChallengeServer;
beforeAll(async () => {
  s = await startChallengeServer();
});
afterAll(() => s.stop());

const DAY = 'daily-2026-11-24';
const solution = challengeById(DAY)!.puzzle.solution;
const submit = (body: object) => postJson(`${s.server.url}/api/challenges/${DAY}/submit`, body);
const kept = (label: string) => s.server.store.challengeSubmissions(DAY, deviceHash(token(label)));

it('stores a replayed run once, whoever sends it again and with whatever nickname or class', async () => {
  const run = { nickname: 'Ada', deviceToken: token('ada'), moves: solution };
  const first = await submit(run);
  expect([first.status, first.body.improved, first.body.rank]).toEqual([
    200,
    true,
    { rank: 1, of: 1 },
  ]);
  s.clock.t += 1000;
  const replayed = await submit({ ...run, nickname: 'Ada L' });
  const withClass = await submit({ ...run, classCode: 'ROOM7' });
  for (const r of [replayed, withClass])
    expect([r.status, r.body.improved, r.body.rank, r.body.result]).toEqual([
      200,
      false,
      { rank: 1, of: 1 },
      first.body.result,
    ]);
  expect(await kept('ada')).toEqual([{ moves: solution, submittedAt: Date.UTC(2026, 10, 24, 12) }]);
  // Another device sending the same moves is another player: its run is stored.
  await submit({ ...run, nickname: 'Bo', deviceToken: token('bo') });
  expect(await kept('bo')).toHaveLength(1);
});

it(`keeps a device's ${SUBMISSIONS_KEPT} best distinct runs of a challenge`, async () => {
  // Distinct solving runs: the solution padded with 0..12 gc.collect() calls (each one is a move).
  const runs = Array.from({ length: SUBMISSIONS_KEPT + 3 }, (_, n) => [
    ...Array<string>(n).fill('gc.collect()'),
    ...solution,
  ]).filter((moves) => {
    const r = replayChallenge(challengeById(DAY)!.puzzle, moves);
    return r.ok && r.result.solved;
  });
  expect(runs).toHaveLength(SUBMISSIONS_KEPT + 3);
  for (const moves of runs.toReversed()) {
    const r = await submit({ nickname: 'Cy', deviceToken: token('cy'), moves });
    expect(r.status).toBe(200);
  }
  expect((await kept('cy')).map((k) => k.moves.length)).toEqual(
    runs.slice(0, SUBMISSIONS_KEPT).map((m) => m.length),
  );
});
