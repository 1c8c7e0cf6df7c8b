/** /api/challenges on a real server: today, forged submissions, ties, histogram, class boards, errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challengeById, replayChallenge, shareString } from '../../shared/challenges/index.ts';
import { deviceHash } from '../../server/challenges/service.ts';
import { getJson, postJson, startChallengeServer, token, type ChallengeServer } from './helpers.ts';

let s: ChallengeServer;
beforeAll(async () => {
  s = await startChallengeServer();
});
afterAll(async () => {
  await s.stop();
});

const api = (path: string): string => `${s.server.url}/api/challenges${path}`;
const submit = (id: string, body: object) => postJson(api(`/${id}/submit`), body);
const board = (id: string, query = '') => getJson(api(`/${id}/leaderboard${query}`));
const DAY = 'daily-2026-11-24';
const puzzleOf = (id: string) => challengeById(id)!.puzzle;

/** A day in late 2026 whose puzzle can be padded with gc.collect() moves and still be solved. */
function paddableDay(): string {
  for (let day = 1; day <= 30; day++) {
    const id = `daily-2026-12-${String(day).padStart(2, '0')}`;
    const p = puzzleOf(id);
    const r = replayChallenge(p, ['gc.collect()', 'gc.collect()', ...p.solution]);
    if (r.ok && r.result.solved) return id;
  }
  throw new Error('no paddable day in December 2026');
}

describe('GET /api/challenges/today', () => {
  it('serves the daily and weekly puzzles without their solutions', async () => {
    const r = await getJson(api('/today'));
    expect(r.status).toBe(200);
    expect(r.body.now).toBe(Date.UTC(2026, 10, 24, 12));
    expect(r.body.daily).toMatchObject({
      id: DAY,
      kind: 'daily',
      period: '2026-11-24',
      opensAt: Date.UTC(2026, 10, 24),
      closesAt: Date.UTC(2026, 10, 26),
    });
    expect(r.body.weekly).toMatchObject({
      id: 'weekly-2026-W48',
      kind: 'weekly',
      opensAt: Date.UTC(2026, 10, 23),
      closesAt: Date.UTC(2026, 11, 1),
    });
    const { solution, ...rest } = puzzleOf(DAY);
    expect(r.body.daily.puzzle).toEqual(rest);
    expect('solution' in r.body.daily.puzzle).toBe(false);
    expect('solution' in r.body.weekly.puzzle).toBe(false);
    expect(solution.length).toBe(r.body.daily.puzzle.par);
    for (const view of [r.body.daily, r.body.weekly]) {
      const reference = challengeById(view.id)!.puzzle.solution;
      expect(JSON.stringify(view.puzzle)).not.toContain(reference[0]);
    }
  });
});

describe('forged submissions', () => {
  it('ignores a claimed score, time and par and scores the replay', async () => {
    const p = puzzleOf(DAY);
    const replay = replayChallenge(p, p.solution);
    if (!replay.ok) throw new Error('reference solution refused');
    const r = await submit(DAY, {
      nickname: ' Ada ',
      deviceToken: token('forger'),
      moves: p.solution,
      score: 999_999,
      seconds: 1,
      par: 1,
      stars: 3,
    });
    expect(r.status).toBe(200);
    const { solved, moves, par, stars, score, examined, steps } = replay.result;
    expect(r.body).toEqual({
      challengeId: DAY,
      result: { solved, moves, par, stars, score, examined },
      steps,
      improved: true,
      rank: { rank: 1, of: 1 },
      share: shareString({ challengeId: DAY, ...replay.result, rank: { rank: 1, of: 1 } }),
    });
    expect(score).toBe(1200);
    const b = await board(DAY, `?device=${token('forger')}`);
    expect(b.body.entries).toEqual([
      { rank: 1, nickname: 'Ada', score: 1200, moves: par, stars: 3, you: true },
    ]);
  });

  it('rejects an impossible move with its index and records nothing', async () => {
    const p = puzzleOf(DAY);
    const r = await submit(DAY, {
      nickname: 'Mallory',
      deviceToken: token('impossible'),
      moves: [p.solution[0], 'del nobody_here', ...p.solution.slice(1)],
    });
    expect(r.status).toBe(422);
    expect(r.body.error).toEqual({
      code: 'python/NameError',
      message: expect.any(String),
      moveIndex: 1,
    });
    const disallowed = await submit(DAY, {
      nickname: 'Mallory',
      deviceToken: token('impossible'),
      moves: ['x = []'],
    });
    expect(disallowed.status).toBe(422);
    expect(disallowed.body.error).toMatchObject({ code: 'move/not_allowed', moveIndex: 0 });
    expect((await board(DAY, `?device=${token('impossible')}`)).body.you).toBeNull();
  });

  it("rescores another day's solution: not solved, 0 points, not on the board", async () => {
    const other = puzzleOf('daily-2026-11-23').solution; // legal on DAY's board, but not its goal
    const expected = replayChallenge(puzzleOf(DAY), other);
    expect(expected).toMatchObject({ ok: true, result: { solved: false, score: 0 } });
    const r = await submit(DAY, {
      nickname: 'Eve',
      deviceToken: token('other-seed'),
      moves: other,
      score: 1200,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      result: { solved: false, moves: other.length, stars: 0, score: 0 },
      improved: false,
      rank: null,
    });
    expect((await board(DAY, `?device=${token('other-seed')}`)).body.you).toBeNull();
  });
});

describe('ranking, histogram and class boards', () => {
  it('orders ties by moves, examined, submission time, then device; histogram is exact', async () => {
    const id = paddableDay();
    const p = puzzleOf(id);
    s.clock.t = challengeById(id)!.opensAt + 1000;
    const plays: [string, string[], number][] = [
      ['late', p.solution, 30],
      ['pad2', ['gc.collect()', 'gc.collect()', ...p.solution], 10],
      ['early', p.solution, 20],
      ['pad1', ['gc.collect()', ...p.solution], 10],
      ['same-a', p.solution, 25],
      ['same-b', p.solution, 25],
      ['pad2-b', ['gc.collect()', 'gc.collect()', ...p.solution], 5],
    ];
    for (const [who, moves, at] of plays) {
      s.clock.t = challengeById(id)!.opensAt + at * 1000;
      expect((await submit(id, { nickname: who, deviceToken: token(who), moves })).status).toBe(
        200,
      );
    }
    const same = [token('same-a'), token('same-b')].sort((a, b) =>
      deviceHash(a) < deviceHash(b) ? -1 : 1,
    );
    const sameNames = same.map((t) => (t === token('same-a') ? 'same-a' : 'same-b'));
    const b = await board(id, `?device=${token('pad1')}`);
    expect(b.body.entries.map((e: { nickname: string }) => e.nickname)).toEqual([
      'early',
      ...sameNames,
      'late',
      'pad1',
      'pad2-b',
      'pad2',
    ]);
    expect(b.body.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(b.body.you).toMatchObject({ rank: 5, nickname: 'pad1', moves: p.par + 1, you: true });
    expect(b.body.total).toBe(7);
    expect(b.body.histogram).toEqual([
      { moves: p.par, count: 4 },
      { moves: p.par + 1, count: 1 },
      { moves: p.par + 2, count: 2 },
    ]);
  });

  it('keeps the best per device: a worse resubmission renames but does not replace', async () => {
    const id = paddableDay();
    const p = puzzleOf(id);
    const r = await submit(id, {
      nickname: 'early-again',
      deviceToken: token('early'),
      moves: ['gc.collect()', ...p.solution],
    });
    expect(r.body).toMatchObject({ improved: false, rank: { rank: 1, of: 7 } });
    const b = await board(id);
    expect(b.body.entries[0]).toMatchObject({
      rank: 1,
      nickname: 'early-again',
      moves: p.par,
      you: false,
    });
    expect(b.body.histogram).toEqual([
      { moves: p.par, count: 4 },
      { moves: p.par + 1, count: 1 },
      { moves: p.par + 2, count: 2 },
    ]);
  });

  it('scopes a board to a class code (case-insensitive) while the global board keeps everyone', async () => {
    const id = paddableDay();
    const p = puzzleOf(id);
    await submit(id, {
      nickname: 'Kid',
      deviceToken: token('class-kid'),
      moves: ['gc.collect()', ...p.solution],
      classCode: 'room-7b',
    });
    await submit(id, {
      nickname: 'Kim',
      deviceToken: token('class-kim'),
      moves: p.solution,
      classCode: 'ROOM-7B',
    });
    const cls = await board(id, `?class=Room-7b&device=${token('class-kid')}`);
    expect(cls.body).toMatchObject({
      classCode: 'ROOM-7B',
      total: 2,
      histogram: [
        { moves: p.par, count: 1 },
        { moves: p.par + 1, count: 1 },
      ],
    });
    expect(
      cls.body.entries.map((e: { nickname: string; rank: number }) => [e.rank, e.nickname]),
    ).toEqual([
      [1, 'Kim'],
      [2, 'Kid'],
    ]);
    expect(cls.body.you).toMatchObject({ rank: 2, nickname: 'Kid' });
    expect((await board(id)).body.total).toBe(9);
  });
});

describe('windows and bad input', () => {
  it('accepts a daily through its grace day, then answers challenge/closed; the board stays readable', async () => {
    const p = puzzleOf('daily-2026-11-25');
    s.clock.t = Date.UTC(2026, 10, 26, 23, 59);
    expect(
      (
        await submit('daily-2026-11-25', {
          nickname: 'Grace',
          deviceToken: token('grace'),
          moves: p.solution,
        })
      ).status,
    ).toBe(200);
    s.clock.t = Date.UTC(2026, 10, 27);
    const late = await submit('daily-2026-11-25', {
      nickname: 'Late',
      deviceToken: token('late2'),
      moves: p.solution,
    });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('challenge/closed');
    expect((await board('daily-2026-11-25')).body.total).toBe(1);
  });

  it('answers unknown and not-yet-open challenges with 404 and 403', async () => {
    s.clock.t = Date.UTC(2026, 10, 24, 12);
    const future = await submit('daily-2026-11-25', {
      nickname: 'Soon',
      deviceToken: token('future'),
      moves: ['del a'],
    });
    expect([future.status, future.body.error.code]).toEqual([403, 'challenge/not_open']);
    for (const id of ['daily-2026-02-30', 'holding-hands', 'weekly-2026-W60']) {
      const r = await submit(id, {
        nickname: 'X',
        deviceToken: token('unknown'),
        moves: ['del a'],
      });
      expect([r.status, r.body.error.code]).toEqual([404, 'challenge/unknown']);
    }
    expect((await board('daily-2026-02-30')).status).toBe(404);
    expect((await getJson(api('/daily-2027-01-01'))).body.error.code).toBe('challenge/not_open');
  });

  it('refuses malformed bodies and nicknames with 4xx codes, never 500', async () => {
    const ok = { nickname: 'Ok', deviceToken: token('bad-input'), moves: ['del a'] };
    const cases: [unknown, number, string][] = [
      ['{"nickname": ', 400, 'request/malformed'],
      [{ ...ok, moves: 'del a' }, 400, 'request/invalid'],
      [{ ...ok, deviceToken: 'short' }, 400, 'request/invalid'],
      [{ ...ok, moves: Array(201).fill('del a') }, 400, 'request/invalid'],
      [{ ...ok, moves: ['x'.repeat(201)] }, 400, 'request/invalid'],
      [{ ...ok, classCode: '<script>' }, 400, 'request/invalid'],
      [{ ...ok, nickname: '   ' }, 400, 'nickname/invalid'],
      [{ ...ok, nickname: 'x'.repeat(21) }, 400, 'nickname/invalid'],
      [{ ...ok, nickname: 'a\u0007b' }, 400, 'nickname/invalid'],
      [{ ...ok, nickname: 'fuck' }, 422, 'nickname/profane'],
      [{ ...ok, nickname: 'sh1thead' }, 422, 'nickname/profane'],
      [[1, 2], 400, 'request/invalid'],
    ];
    for (const [body, status, code] of cases) {
      const r = await postJson(
        api(`/${DAY}/submit`),
        typeof body === 'string' ? body : body,
        typeof body === 'string',
      );
      expect([status, code], JSON.stringify(body)).toEqual([r.status, r.body.error?.code]);
    }
    expect((await board(DAY, '?device=short')).status).toBe(400);
  });

  it('stores a nickname with markup verbatim, as text', async () => {
    const p = puzzleOf(DAY);
    const r = await submit(DAY, {
      nickname: '<b>Bo</b>',
      deviceToken: token('markup'),
      moves: p.solution,
    });
    expect(r.status).toBe(200);
    const b = await board(DAY, `?device=${token('markup')}`);
    expect(b.body.you.nickname).toBe('<b>Bo</b>');
  });
});
