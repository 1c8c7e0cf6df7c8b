/**
 * The store's behaviour, run against every backend: SQLite always, PostgreSQL when
 * HH_TEST_DATABASE_URL is set (scripts/ci-services.sh); otherwise that variant is skipped with a
 * visible warning. Results, migrations, transactions, challenge boards, live reports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAIN_SCHEMA } from '../../server/store/migrations.ts';
import type { Storage } from '../../server/store/open.ts';
import type { ChallengeSubmission, ResultInput } from '../../server/store/Store.ts';
import type { LiveReport } from '../../shared/live/index.ts';
import { BACKENDS, type BackendFixture, warnIfSkipped } from './backends.ts';

const result = (over: Partial<ResultInput> = {}): ResultInput => ({
  roomCode: '123456',
  roomKind: 'classroom',
  seatId: 's1',
  nickname: 'Weak Ref Otter',
  puzzleId: 'p1',
  moves: ['del a', 'gc.collect()'],
  solved: true,
  par: 2,
  stars: 3,
  score: 1180,
  stateHash: 'abc',
  completedAt: 1_700_000_000_000,
  ...over,
});

/** Runs differing in score, examined or moves get their own run key unless one is given. */
const submission = (over: Partial<ChallengeSubmission> = {}): ChallengeSubmission => {
  const s = {
    challengeId: 'daily-2026-11-24',
    classCode: '',
    device: 'dev-a',
    nickname: 'Ada',
    score: 900,
    moves: ['del a', 'del b'],
    examined: 3,
    par: 2,
    stars: 3,
    stateHash: 'h',
    submittedAt: 1_764_000_000_000,
    ...over,
  };
  return { ...s, runKey: over.runKey ?? `${s.score}:${s.examined}:${s.moves.join(';')}` };
};

const applied = (s: Storage): Promise<number[]> =>
  Promise.resolve(
    (
      s.store as unknown as { appliedMigrations(): number[] | Promise<number[]> }
    ).appliedMigrations(),
  );

const REPORT = {
  rows: [{ nickname: 'Ada', points: 1000 }],
  headline: null,
} as unknown as LiveReport;
const TEACHER = 'teacher-token-0123456789abcdef';
const GLOBAL = { challengeId: 'daily-2026-11-24', classCode: '' };

for (const backend of BACKENDS) {
  warnIfSkipped(backend, 'the store contract tests');
  describe.skipIf(!backend.available)(`store contract: ${backend.name}`, () => {
    const opened: Storage[] = [];
    const fixtures: BackendFixture[] = [];
    const fixture = async (): Promise<BackendFixture> => {
      const f = await backend.fixture();
      fixtures.push(f);
      return f;
    };
    const open = async (f: BackendFixture): Promise<Storage> => {
      const s = await f.open();
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await Promise.all(fixtures.splice(0).map((f) => f.dispose()));
    });

    it('picks the backend from the options', async () => {
      expect((await open(await fixture())).backend).toBe(backend.name);
    });

    it('applies every migration once, and again on reopen applies none', async () => {
      const f = await fixture();
      const first = await open(f);
      expect(await applied(first)).toEqual(MAIN_SCHEMA.migrations.map((m) => m.version));
      await first.close();
      expect(await applied(await open(f))).toEqual(MAIN_SCHEMA.migrations.map((m) => m.version));
    });

    it('stores a result with its moves and reads it back after a reopen', async () => {
      const f = await fixture();
      const first = await open(f);
      const id = await first.store.saveResult(result());
      await first.close();
      const rows = await (await open(f)).store.listResults({ roomCode: '123456' });
      expect(rows).toEqual([{ ...result(), id, moveCount: 2 }]);
    });

    it('filters by room, puzzle and seat, oldest first, each result with its own moves', async () => {
      const { store } = await open(await fixture());
      await store.saveResult(result());
      await store.saveResult(result({ seatId: 's2', puzzleId: 'p2', moves: ['x = None'] }));
      await store.saveResult(result({ roomCode: '654321', moves: [] }));
      expect(
        (await store.listResults({ roomCode: '123456' })).map((r) => [r.seatId, r.moves]),
      ).toEqual([
        ['s1', ['del a', 'gc.collect()']],
        ['s2', ['x = None']],
      ]);
      expect((await store.listResults({ puzzleId: 'p2' })).map((r) => r.seatId)).toEqual(['s2']);
      expect(await store.listResults({ roomCode: '654321', seatId: 's1' })).toMatchObject([
        { moves: [], moveCount: 0 },
      ]);
      expect(await store.listResults({ roomCode: '000000' })).toEqual([]);
    });

    it('writes nothing when any part of the transaction fails', async () => {
      const { store } = await open(await fixture());
      // A NULL move violates NOT NULL after the results row was inserted, on both backends.
      const bad = result({ moves: ['del a', null as unknown as string] });
      await expect(store.saveResult(bad)).rejects.toThrow();
      expect(await store.listResults({})).toEqual([]);
    });

    it('keeps a challenge best per device and board; a worse run only renames', async () => {
      const { store } = await open(await fixture());
      expect(await store.recordChallengeSubmission(submission({ classCode: 'ROOM7' }))).toEqual({
        improved: true,
        stored: true,
      });
      expect(
        await store.recordChallengeSubmission(submission({ score: 800, nickname: 'Ada L' })),
      ).toEqual({ improved: false, stored: true });
      expect(await store.challengeTop(GLOBAL, 10)).toEqual([
        {
          device: 'dev-a',
          nickname: 'Ada L',
          score: 900,
          moveCount: 2,
          examined: 3,
          stars: 3,
          submittedAt: 1_764_000_000_000,
        },
      ]);
      expect(await store.challengeTop({ ...GLOBAL, classCode: 'ROOM7' }, 10)).toMatchObject([
        { nickname: 'Ada', score: 900 },
      ]);
      expect(
        await store.recordChallengeSubmission(submission({ score: 900, examined: 2 })),
      ).toEqual({ improved: true, stored: true });
      expect(await store.challengeStanding(GLOBAL, 'dev-a')).toMatchObject({
        rank: 1,
        best: { examined: 2 },
      });
    });

    it('orders boards by score, moves, examined, time, device; ranks, counts and histograms them', async () => {
      const { store } = await open(await fixture());
      const runs = [
        submission({ device: 'd1', score: 800 }),
        submission({ device: 'd2', score: 900, moves: ['a', 'b', 'c'] }),
        submission({ device: 'd3', score: 900, examined: 1 }),
        submission({ device: 'd5', score: 900, submittedAt: 1_764_000_000_001 }),
        submission({ device: 'd4', score: 900, submittedAt: 1_764_000_000_001 }),
      ];
      for (const s of runs) await store.recordChallengeSubmission(s);
      expect((await store.challengeTop(GLOBAL, 10)).map((b) => b.device)).toEqual([
        'd3',
        'd4',
        'd5',
        'd2',
        'd1',
      ]);
      expect((await store.challengeTop(GLOBAL, 2)).map((b) => b.device)).toEqual(['d3', 'd4']);
      expect((await store.challengeStanding(GLOBAL, 'd5'))?.rank).toBe(3);
      expect(await store.challengeStanding(GLOBAL, 'nobody')).toBeNull();
      expect(await store.challengeCount(GLOBAL)).toBe(5);
      expect(await store.challengeCount({ ...GLOBAL, classCode: 'NONE' })).toBe(0);
      expect(await store.challengeHistogram(GLOBAL)).toEqual([
        { moves: 2, count: 4 },
        { moves: 3, count: 1 },
      ]);
    });

    it('stores a run a device already sent once, keeps its 10 best runs, drops runs past 30 days', async () => {
      const { store } = await open(await fixture());
      const day = 86_400_000;
      const t0 = 1_764_000_000_000;
      expect(await store.recordChallengeSubmission(submission())).toEqual({
        improved: true,
        stored: true,
      });
      // The same run again, later, with a class code: not stored again, but the class board gets it.
      const again = submission({ classCode: 'ROOM7', nickname: 'Ada L', submittedAt: t0 + 5 });
      expect(await store.recordChallengeSubmission(again)).toEqual({
        improved: false,
        stored: false,
      });
      expect(await store.challengeSubmissions(GLOBAL.challengeId, 'dev-a')).toEqual([
        { moves: ['del a', 'del b'], submittedAt: t0 },
      ]);
      expect(await store.challengeTop({ ...GLOBAL, classCode: 'ROOM7' }, 10)).toMatchObject([
        { device: 'dev-a', nickname: 'Ada L', score: 900 },
      ]);
      // 14 more distinct runs, scores 100..1400: the 10 best of all 15 are kept, best first.
      for (let i = 1; i <= 14; i++)
        await store.recordChallengeSubmission(
          submission({ score: i * 100, moves: [`x${i} = []`], submittedAt: t0 + i }),
        );
      const kept = await store.challengeSubmissions(GLOBAL.challengeId, 'dev-a');
      expect(kept.map((k) => k.moves[0])).toEqual([
        'x14 = []',
        'x13 = []',
        'x12 = []',
        'x11 = []',
        'x10 = []',
        'x9 = []', // 900 in one move ranks above 900 in two
        'del a',
        'x8 = []',
        'x7 = []',
        'x6 = []',
      ]);
      // Another device, 30 days after the 10th run: every run older than 30 days is dropped.
      await store.recordChallengeSubmission(
        submission({ device: 'dev-b', submittedAt: t0 + 10 + 30 * day }),
      );
      expect(await store.challengeSubmissions(GLOBAL.challengeId, 'dev-a')).toEqual([
        { moves: ['x14 = []'], submittedAt: t0 + 14 },
        { moves: ['x13 = []'], submittedAt: t0 + 13 },
        { moves: ['x12 = []'], submittedAt: t0 + 12 },
        { moves: ['x11 = []'], submittedAt: t0 + 11 },
        { moves: ['x10 = []'], submittedAt: t0 + 10 },
      ]);
      // The boards keep the bests whatever the runs pruned.
      expect(await store.challengeTop(GLOBAL, 10)).toMatchObject([
        { device: 'dev-a', score: 1400 },
        { device: 'dev-b', score: 900 },
      ]);
    });

    it('keeps the best of concurrent submissions from one device', async () => {
      const { store } = await open(await fixture());
      const scores = [300, 900, 100, 700, 500, 800, 200, 600];
      const replies = await Promise.all(
        scores.map((score) => store.recordChallengeSubmission(submission({ score }))),
      );
      // However they interleave, the first one to commit improved, and the true best is kept.
      expect(replies.some((r) => r.improved)).toBe(true);
      expect(await store.challengeTop(GLOBAL, 10)).toMatchObject([{ device: 'dev-a', score: 900 }]);
    });

    it('keeps live reports for their teachers only, until deleted', async () => {
      const { liveReports } = await open(await fixture());
      await liveReports.save('report-0001', '123456', [TEACHER], REPORT, 1_764_000_000_000);
      await liveReports.save(
        'report-0001',
        '123456',
        [TEACHER, 'co-teacher-key-0123456789'],
        REPORT,
        1_764_000_000_500,
      );
      expect(await liveReports.get('report-0001', TEACHER)).toEqual({
        ok: true,
        value: {
          id: 'report-0001',
          roomCode: '123456',
          createdAt: 1_764_000_000_000,
          updatedAt: 1_764_000_000_500,
          report: REPORT,
        },
      });
      expect((await liveReports.get('report-0001', 'co-teacher-key-0123456789')).ok).toBe(true);
      expect(await liveReports.get('report-0001', 'student-token-0123456789')).toEqual({
        ok: false,
        status: 403,
      });
      expect(await liveReports.get('report-none', TEACHER)).toEqual({ ok: false, status: 404 });
      expect(await liveReports.remove('report-0001', 'student-token-0123456789')).toEqual({
        ok: false,
        status: 403,
      });
      expect(await liveReports.remove('report-0001', TEACHER)).toEqual({ ok: true, value: true });
      expect(await liveReports.get('report-0001', TEACHER)).toEqual({ ok: false, status: 404 });
    });
  });
}
