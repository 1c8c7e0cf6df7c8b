import { describe, expect, it } from 'vitest';
import {
  answerDistribution,
  buildReport,
  checkNickname,
  csvField,
  generateNickname,
  newLiveState,
  nicknameChoices,
  NICKNAME_WORDS,
  podium,
  rankOf,
  reportCsv,
  uniqueNickname,
  type LiveState,
} from '../../shared/live/index.ts';
import { HOST, must, PUZZLE, QUESTION, refusal, run, student, SYSTEM } from './helpers.ts';

const T0 = 5_000;
const join = (s: LiveState, studentId: string, nickname?: string) =>
  must(s, SYSTEM, { type: 'join', studentId, ...(nickname === undefined ? {} : { nickname }) }, T0);

describe('lobby', () => {
  it('dedupes nicknames, generates one when none is typed, and parks a refused name for approval', () => {
    let s = join(newLiveState(3), 's1', 'Ada').state;
    s = join(s, 's2', 'ada').state;
    expect(s.students.map((x) => x.nickname)).toEqual(['Ada', 'ada 2']);
    const generated = join(s, 's3');
    expect(generated.state.students[2]!.nickname).toBe(generateNickname(s.rng)[0]);
    const refused = join(s, 's4', 'Dick');
    expect(refused.events).toEqual([
      { type: 'joined', studentId: 's4', nickname: generateNickname(s.rng)[0], filtered: true },
    ]);
    expect(refused.state.students[2]!.pendingName).toBe('Dick');
    const approved = must(refused.state, HOST, { type: 'approveName', studentId: 's4' }, T0);
    expect(approved.events).toEqual([{ type: 'renamed', studentId: 's4', nickname: 'Dick' }]);
    expect(approved.state.students[2]!.pendingName).toBe(null);
    expect(refusal(approved.state, HOST, { type: 'approveName', studentId: 's4' }, T0)).toBe(
      'live/nothing_to_approve',
    );
    expect(refusal(s, student('s1'), { type: 'approveName', studentId: 's1' }, T0)).toBe(
      'live/not_host',
    );
  });

  it('kicks, locks and closes late joining', () => {
    let s = join(join(newLiveState(1), 's1', 'Ada').state, 's2', 'Bob').state;
    const kicked = must(s, HOST, { type: 'kick', studentId: 's2' }, T0);
    expect(kicked.events).toEqual([{ type: 'kicked', studentId: 's2' }]);
    expect(kicked.state.students.map((x) => x.id)).toEqual(['s1']);
    expect(refusal(kicked.state, HOST, { type: 'kick', studentId: 's2' }, T0)).toBe(
      'live/unknown_student',
    );
    expect(refusal(s, SYSTEM, { type: 'join', studentId: 's1' }, T0)).toBe(
      'live/duplicate_student',
    );
    const locked = must(s, HOST, { type: 'configure', settings: { locked: true } }, T0).state;
    expect(refusal(locked, SYSTEM, { type: 'join', studentId: 's3' }, T0)).toBe('live/locked');
    s = run(s, T0, [
      [HOST, { type: 'setItems', items: [PUZZLE] }],
      [HOST, { type: 'configure', settings: { allowLateJoin: false } }],
      [HOST, { type: 'start' }],
    ]);
    expect(refusal(s, SYSTEM, { type: 'join', studentId: 's3' }, T0)).toBe('live/late_join_closed');
    const late = must(
      must(s, HOST, { type: 'configure', settings: { allowLateJoin: true } }, T0).state,
      SYSTEM,
      { type: 'join', studentId: 's3', nickname: 'Cy' },
      T0 + 7000,
    );
    expect(late.state.students[2]!.cells).toEqual([
      {
        moves: 0,
        hintsUsed: 0,
        finished: false,
        correct: false,
        answer: null,
        lines: null,
        lastProgressMs: 7000,
        elapsedMs: null,
        points: 0,
      },
    ]);
  });
});

describe('nicknames', () => {
  it('generates memory-themed names deterministically from a seed', () => {
    expect(nicknameChoices(42, 3)).toEqual(nicknameChoices(42, 3));
    expect(new Set(nicknameChoices(42, 3)).size).toBe(3);
    for (const name of nicknameChoices(9, 50)) {
      const [first, ...rest] = [NICKNAME_WORDS.first.find((w) => name.startsWith(`${w} `)), name];
      expect(first).toBeDefined();
      expect(NICKNAME_WORDS.second).toContain(rest[0]!.slice(first!.length + 1));
      expect(name.length).toBeLessThanOrEqual(24);
    }
  });

  it('filters profanity (also in leetspeak) and accepts ordinary names', () => {
    expect(checkNickname('  Weak   Ref Otter ')).toEqual({ ok: true, nickname: 'Weak Ref Otter' });
    expect(checkNickname('Cassandra')).toEqual({ ok: true, nickname: 'Cassandra' });
    expect(checkNickname('sh1t')).toMatchObject({ ok: false, code: 'nickname/refused' });
    expect(checkNickname('   ')).toMatchObject({ ok: false, code: 'nickname/empty' });
    expect(checkNickname('x'.repeat(25))).toMatchObject({ ok: false, code: 'nickname/too_long' });
    expect(checkNickname('a\u0007b')).toMatchObject({ ok: false, code: 'nickname/control' });
    expect(uniqueNickname('Ada', ['ADA', 'Ada 2'])).toBe('Ada 3');
    expect(uniqueNickname('x'.repeat(20), ['x'.repeat(20)])).toBe(`${'x'.repeat(18)} 2`);
  });
});

/** Three students: a puzzle round (Ada par, Bob 1 over, Cy unsolved), then a question (Ada, Cy right). */
function playedSession(): LiveState {
  let s = run(newLiveState(5), 0, [
    [HOST, { type: 'setItems', items: [PUZZLE, QUESTION] }],
    [SYSTEM, { type: 'join', studentId: 'a', nickname: 'Ada' }],
    [SYSTEM, { type: 'join', studentId: 'b', nickname: '=Bob, "B"' }],
    [SYSTEM, { type: 'join', studentId: 'c', nickname: 'Cy' }],
    [HOST, { type: 'start' }],
  ]);
  s = must(s, SYSTEM, { type: 'progress', studentId: 'a', moves: 3, solved: true }, 30_400).state;
  s = must(s, SYSTEM, { type: 'progress', studentId: 'b', moves: 4, solved: true }, 61_000).state;
  s = must(s, SYSTEM, { type: 'progress', studentId: 'c', moves: 1, solved: false }, 62_000).state;
  s = run(s, 70_000, [
    [HOST, { type: 'skip' }],
    [HOST, { type: 'next' }],
    [HOST, { type: 'start' }],
  ]);
  s = must(s, student('a'), { type: 'answer', answer: '2' }, 75_000).state;
  s = must(s, student('c'), { type: 'answer', answer: '2' }, 76_000).state;
  return run(s, 80_000, [[HOST, { type: 'skip' }]]);
}

describe('podium and report', () => {
  it('hides the running round from standings, then ranks with ties and keeps the top 5', () => {
    const s = playedSession();
    expect(answerDistribution(s)).toEqual([
      { answer: '1', count: 0 },
      { answer: '2', count: 2 },
      { answer: '3', count: 0 },
    ]);
    expect(podium(s)).toEqual([
      { studentId: 'a', nickname: 'Ada', points: 2000, rank: 1 },
      { studentId: 'c', nickname: 'Cy', points: 1000, rank: 2 },
      { studentId: 'b', nickname: '=Bob, "B"', points: 750, rank: 3 },
    ]);
    let running = run(s, 80_000, [[HOST, { type: 'next' }]]);
    expect(running.phase).toBe('podium');
    running = run(newLiveState(1), 0, [
      [HOST, { type: 'setItems', items: [QUESTION] }],
      [SYSTEM, { type: 'join', studentId: 'x' }],
      [SYSTEM, { type: 'join', studentId: 'y' }],
      [HOST, { type: 'start' }],
      [student('x'), { type: 'answer', answer: '2' }],
    ]);
    expect(rankOf(running, 'x')).toMatchObject({ points: 0, rank: 1 });
    expect(rankOf(running, 'y')).toMatchObject({ points: 0, rank: 1 });
  });

  it('builds rows per student × round and a per-concept miss summary', () => {
    const report = buildReport(playedSession());
    expect(report.rows.length).toBe(6);
    expect(report.rows[0]).toEqual({
      studentId: 'a',
      nickname: 'Ada',
      round: 1,
      itemId: 'p1',
      kind: 'puzzle',
      concepts: ['cycles', 'gc-collect'],
      correct: true,
      moves: 3,
      par: 3,
      seconds: 30,
      hintsUsed: 0,
      answer: '',
      points: 1000,
    });
    expect(report.rows[5]).toMatchObject({
      nickname: 'Cy',
      round: 2,
      kind: 'predict',
      correct: true,
      answer: '2',
      seconds: 6,
      par: null,
    });
    expect(report.concepts).toEqual([
      { concept: 'cycles', attempts: 3, misses: 1, missPercent: 33 },
      { concept: 'gc-collect', attempts: 3, misses: 1, missPercent: 33 },
      { concept: 'refcount', attempts: 3, misses: 1, missPercent: 33 },
    ]);
    expect(report.headline).toBe(null);
  });

  it('names the concept most of the class misses', () => {
    let s = run(newLiveState(2), 0, [
      [HOST, { type: 'setItems', items: [PUZZLE] }],
      [SYSTEM, { type: 'join', studentId: 'a' }],
      [SYSTEM, { type: 'join', studentId: 'b' }],
      [SYSTEM, { type: 'join', studentId: 'c' }],
      [HOST, { type: 'start' }],
    ]);
    s = must(s, SYSTEM, { type: 'progress', studentId: 'a', moves: 3, solved: true }, 1000).state;
    s = must(s, HOST, { type: 'skip' }, 2000).state;
    expect(buildReport(s).headline).toEqual({
      concept: 'cycles',
      attempts: 3,
      misses: 2,
      missPercent: 67,
    });
  });

  it('writes RFC 4180 CSV and defuses formulas in user text', () => {
    const csv = reportCsv(buildReport(playedSession()).rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'nickname,round,item,kind,concepts,correct,moves,par,seconds,hints,answer,points',
    );
    expect(lines[1]).toBe('Ada,1,p1,puzzle,cycles gc-collect,yes,3,3,30,0,,1000');
    expect(lines[3]).toBe(`"'=Bob, ""B""",1,p1,puzzle,cycles gc-collect,yes,4,3,61,0,,750`);
    expect(lines[4]).toBe(`"'=Bob, ""B""",2,q1,predict,refcount,no,,,,0,,0`);
    expect(lines.length).toBe(8);
    expect(lines[7]).toBe('');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(-3)).toBe('-3');
  });
});
