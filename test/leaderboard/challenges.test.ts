import { describe, expect, it } from 'vitest';
import {
  challengeById,
  compareEntries,
  currentChallengeIds,
  histogram,
  isImprovement,
  parseChallengeId,
  replayChallenge,
  shareString,
  windowStatus,
  type RankKey,
} from '../../shared/challenges/index.ts';
import { parsePuzzle } from '../../shared/puzzles/format.ts';
import { scorePlay } from '../../shared/puzzles/scoring.ts';

describe('challenge ids and windows', () => {
  it('parses a daily id into its UTC day plus one grace day', () => {
    expect(parseChallengeId('daily-2026-11-24')).toEqual({
      id: 'daily-2026-11-24',
      kind: 'daily',
      period: '2026-11-24',
      opensAt: Date.UTC(2026, 10, 24),
      closesAt: Date.UTC(2026, 10, 26),
    });
  });

  it('parses a weekly id into its ISO week (Monday) plus one grace day', () => {
    expect(parseChallengeId('weekly-2026-W48')).toEqual({
      id: 'weekly-2026-W48',
      kind: 'weekly',
      period: '2026-W48',
      opensAt: Date.UTC(2026, 10, 23),
      closesAt: Date.UTC(2026, 11, 1),
    });
    expect(parseChallengeId('weekly-2026-W53')?.opensAt).toBe(Date.UTC(2026, 11, 28));
  });

  it('rejects ids that are not a real day or week', () => {
    for (const id of [
      'daily-2026-02-29',
      'daily-2026-13-01',
      'weekly-2025-W53',
      'weekly-2026-w48',
      'weekly-2026-W00',
      'daily-26-11-24',
      'holding-hands',
      '',
    ]) {
      expect(parseChallengeId(id), id).toBeNull();
    }
  });

  it('names the current daily and weekly challenges from a UTC instant', () => {
    expect(currentChallengeIds(Date.UTC(2026, 10, 24, 23, 59, 59, 999))).toEqual({
      daily: 'daily-2026-11-24',
      weekly: 'weekly-2026-W48',
    });
    expect(currentChallengeIds(Date.UTC(2027, 0, 1))).toEqual({
      daily: 'daily-2027-01-01',
      weekly: 'weekly-2026-W53',
    });
  });

  it('opens at the first millisecond and closes after the grace day', () => {
    const c = parseChallengeId('daily-2026-11-24')!;
    expect(windowStatus(c, c.opensAt - 1)).toBe('not_open');
    expect(windowStatus(c, c.opensAt)).toBe('open');
    expect(windowStatus(c, Date.UTC(2026, 10, 25, 23, 59, 59, 999))).toBe('open');
    expect(windowStatus(c, Date.UTC(2026, 10, 26))).toBe('closed');
  });
});

describe('challenge puzzles', () => {
  it('is the same puzzle for everyone, with par = the reference solution length', () => {
    const a = challengeById('daily-2026-11-24')!;
    const again = challengeById('daily-2026-11-24')!;
    expect(again.puzzle).toEqual(a.puzzle);
    expect(a.puzzle.id).toBe('daily-2026-11-24');
    expect(a.puzzle.solution).toHaveLength(a.puzzle.par);
    expect(challengeById('weekly-2026-W48')!.puzzle.id).toBe('weekly-2026-w48');
    expect(challengeById('daily-2026-11-25')!.puzzle.setup).not.toBe(a.puzzle.setup);
  });

  it('scores the reference solution from the replay', () => {
    const { puzzle } = challengeById('daily-2026-11-24')!;
    const r = replayChallenge(puzzle, puzzle.solution);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const expected = scorePlay({
      solved: true,
      par: puzzle.par,
      moves: puzzle.par,
      examined: r.result.examined > 0 ? [r.result.examined] : [],
      hintsUsed: 0,
      seconds: 0,
    });
    expect(r.result).toMatchObject({
      solved: true,
      moves: puzzle.par,
      par: puzzle.par,
      stars: 3,
      score: expected.points,
    });
    expect(r.result.steps).toHaveLength(puzzle.par);
  });

  it('refuses an impossible move with its index, and any move after the goal is met', () => {
    const { puzzle } = challengeById('daily-2026-11-24')!;
    const bad = replayChallenge(puzzle, [puzzle.solution[0]!, 'del never_bound']);
    expect(bad).toEqual({
      ok: false,
      error: { code: 'python/NameError', message: expect.any(String), moveIndex: 1 },
    });
    const extra = replayChallenge(puzzle, [...puzzle.solution, 'gc.collect()']);
    expect(extra).toMatchObject({
      ok: false,
      error: { code: 'board/solved', moveIndex: puzzle.par },
    });
  });
});

const PAIR = parsePuzzle({
  id: 'steps-pair',
  chapter: 3,
  concepts: ['cycles'],
  title: { en: 't', id: 't' },
  lesson: { en: 'l', id: 'l' },
  hints: [
    { en: 'h', id: 'h' },
    { en: 'h', id: 'h' },
    { en: 'h', id: 'h' },
  ],
  setup: 'gc.disable()\na = Node()\nb = Node()\nc = Node()\na.next = b\nb.next = a\n',
  allowed: ['delName', 'rebindNone', 'deleteRef', 'createRef', 'collect'],
  goal: [{ kind: 'freed', refs: ['a', 'b', 'c'] }],
  par: 4,
  solution: ['a.next = None', 'del a', 'del b', 'del c'],
});

describe('step kinds and the share string', () => {
  it('derives made / deleted / cycle broken / collection from the replay', () => {
    const r = replayChallenge(PAIR, [
      'c.next = c',
      'x = a',
      'del x',
      'a.next = None',
      'c.next = None',
      'del a',
      'del b',
      'del c',
      'gc.collect()',
    ]);
    expect(r.ok).toBe(false); // the goal was met by `del c`: the collection comes too late
    const ok = replayChallenge(PAIR, [
      'c.next = c',
      'x = a',
      'del x',
      'b.next = None',
      'del a',
      'del b',
      'del c',
      'gc.collect()',
    ]);
    expect(ok.ok && ok.result.steps).toEqual([
      'made',
      'made',
      'deleted',
      'cycleBroken',
      'deleted',
      'deleted',
      'deleted',
      'collection',
    ]);
    expect(ok.ok && ok.result.solved).toBe(true);
  });

  it('prints stars, moves against par, score, rank and one emoji per move', () => {
    const s = shareString({
      challengeId: 'daily-2026-11-24',
      stars: 2,
      moves: 5,
      par: 4,
      score: 1146,
      steps: ['deleted', 'cycleBroken', 'deleted', 'collection', 'made'],
      rank: { rank: 3, of: 41 },
    });
    expect(s).toBe(
      'Heap Heroes daily-2026-11-24\n⭐⭐ 5/4 moves · 1146 pts · #3 of 41\n✂️💥✂️🧹🔗',
    );
    const long = shareString({
      challengeId: 'weekly-2026-W48',
      stars: 0,
      moves: 11,
      par: 4,
      score: 0,
      steps: Array(11).fill('deleted'),
    });
    expect(long.split('\n')).toEqual([
      'Heap Heroes weekly-2026-W48',
      '— 11/4 moves · 0 pts',
      '✂️'.repeat(10),
      '✂️',
    ]);
  });
});

describe('ranking', () => {
  const e = (
    score: number,
    moves: number,
    examined: number,
    submittedAt: number,
    device: string,
  ): RankKey => ({ score, moves, examined, submittedAt, device });

  it('orders by score, moves, examined, submission time, then device', () => {
    const entries = [
      e(1000, 5, 0, 9, 'z'),
      e(1200, 6, 4, 9, 'y'),
      e(1200, 5, 4, 9, 'x'),
      e(1200, 5, 2, 9, 'w'),
      e(1200, 5, 2, 3, 'v'),
      e(1200, 5, 2, 3, 'u'),
    ];
    expect([...entries].sort(compareEntries).map((x) => x.device)).toEqual([
      'u',
      'v',
      'w',
      'x',
      'y',
      'z',
    ]);
    expect(
      [...entries]
        .reverse()
        .sort(compareEntries)
        .map((x) => x.device),
    ).toEqual(['u', 'v', 'w', 'x', 'y', 'z']);
  });

  it('replaces a best only when strictly better', () => {
    expect(
      isImprovement({ score: 1200, moves: 4, examined: 0 }, { score: 1200, moves: 4, examined: 0 }),
    ).toBe(false);
    expect(
      isImprovement({ score: 1200, moves: 4, examined: 0 }, { score: 1200, moves: 4, examined: 2 }),
    ).toBe(true);
    expect(
      isImprovement({ score: 1100, moves: 3, examined: 0 }, { score: 1200, moves: 4, examined: 0 }),
    ).toBe(false);
  });

  it('counts move counts into ascending bins', () => {
    expect(histogram([5, 4, 7, 4, 5, 4])).toEqual([
      { moves: 4, count: 3 },
      { moves: 5, count: 2 },
      { moves: 7, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
  });
});
