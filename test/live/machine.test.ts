import { describe, expect, it } from 'vitest';
import {
  newLiveState,
  remainingMs,
  statusCounts,
  statusOf,
  type LiveState,
} from '../../shared/live/index.ts';
import { deepFreeze } from '../helpers/deepFreeze.ts';
import { HOST, must, PUZZLE, QUESTION, refusal, run, student, SYSTEM } from './helpers.ts';

const T0 = 1_000_000;

function lobby(items = [PUZZLE, QUESTION]): LiveState {
  return run(newLiveState(7), T0, [
    [HOST, { type: 'setItems', items }],
    [SYSTEM, { type: 'join', studentId: 's1', nickname: 'Ada' }],
    [SYSTEM, { type: 'join', studentId: 's2', nickname: 'Grace' }],
  ]);
}

describe('phases', () => {
  it('runs lobby → running → reveal → between → running → reveal → podium → ended', () => {
    let s = lobby();
    expect(s.phase).toBe('lobby');
    const started = must(s, HOST, { type: 'start' }, T0 + 1000);
    expect(started.events).toEqual([{ type: 'roundStarted', index: 0, item: PUZZLE }]);
    s = started.state;
    expect(s.phase).toBe('running');
    expect(s.round).toEqual({
      index: 0,
      startedAt: T0 + 1000,
      limitMs: null,
      pausedAt: null,
      pausedMs: 0,
      endedAt: null,
    });
    s = must(s, HOST, { type: 'skip' }, T0 + 5000).state;
    expect(s.phase).toBe('reveal');
    expect(s.round!.endedAt).toBe(T0 + 5000);
    const between = must(s, HOST, { type: 'next' }, T0 + 6000);
    expect(between.events).toEqual([{ type: 'between', index: 0 }]);
    s = must(between.state, HOST, { type: 'start' }, T0 + 7000).state;
    expect(s.round!.index).toBe(1);
    s = must(s, HOST, { type: 'skip' }, T0 + 8000).state;
    const podium = must(s, HOST, { type: 'next' }, T0 + 9000);
    expect(podium.state.phase).toBe('podium');
    expect(podium.events).toEqual([{ type: 'podium' }]);
    const ended = must(podium.state, HOST, { type: 'end' }, T0 + 9500);
    expect(ended.state.phase).toBe('ended');
    expect(refusal(ended.state, HOST, { type: 'end' }, T0 + 9600)).toBe('live/wrong_phase');
  });

  it('refuses out-of-phase commands with exact codes and changes nothing', () => {
    const s = deepFreeze(lobby());
    expect(refusal(s, HOST, { type: 'pause' }, T0)).toBe('live/wrong_phase');
    expect(refusal(s, HOST, { type: 'next' }, T0)).toBe('live/wrong_phase');
    expect(refusal(s, HOST, { type: 'skip' }, T0)).toBe('live/wrong_phase');
    expect(refusal(newLiveState(1), HOST, { type: 'start' }, T0)).toBe('live/no_items');
    expect(refusal(s, HOST, { type: 'setItems', items: [] }, T0)).toBe('live/no_items');
    expect(refusal(s, HOST, { type: 'start', seconds: 5 }, T0)).toBe('live/bad_seconds');
    const running = must(s, HOST, { type: 'start' }, T0).state;
    expect(refusal(running, HOST, { type: 'setItems', items: [PUZZLE] }, T0)).toBe(
      'live/wrong_phase',
    );
    expect(refusal(running, HOST, { type: 'start' }, T0)).toBe('live/wrong_phase');
    expect(refusal(running, HOST, { type: 'extend', seconds: 30 }, T0)).toBe('live/untimed');
  });

  it('ends the session from a running round: the round is closed, then the podium', () => {
    const s = must(lobby(), HOST, { type: 'start', seconds: 60 }, T0).state;
    const ended = must(s, HOST, { type: 'end' }, T0 + 10_000);
    expect(ended.state.phase).toBe('podium');
    expect(ended.events).toEqual([
      { type: 'revealed', index: 0, reason: 'skip' },
      { type: 'podium' },
    ]);
    expect(ended.state.round!.endedAt).toBe(T0 + 10_000);
  });
});

describe('authorization', () => {
  it('refuses every host command from a student, and system commands from anyone else', () => {
    const s = deepFreeze(lobby());
    for (const cmd of [
      { type: 'start' },
      { type: 'kick', studentId: 's2' },
      { type: 'end' },
      { type: 'configure', settings: { locked: true } },
    ] as const) {
      expect(refusal(s, student('s1'), cmd, T0)).toBe('live/not_host');
    }
    expect(
      refusal(s, student('s1'), { type: 'progress', studentId: 's1', moves: 3, solved: true }, T0),
    ).toBe('live/not_system');
    expect(refusal(s, HOST, { type: 'join', studentId: 's9' }, T0)).toBe('live/not_system');
    expect(refusal(s, HOST, { type: 'answer', answer: '2' }, T0)).toBe('live/not_student');
  });
});

describe('pacing', () => {
  it('counts only active time: pause, resume, +30 s, and the timer runs out on tick', () => {
    let s = must(lobby(), HOST, { type: 'start', seconds: 60 }, T0).state;
    expect(remainingMs(s.round!, T0 + 10_000)).toBe(50_000);
    s = must(s, HOST, { type: 'pause' }, T0 + 10_000).state;
    expect(s.phase).toBe('paused');
    expect(remainingMs(s.round!, T0 + 100_000)).toBe(50_000);
    expect(must(s, SYSTEM, { type: 'tick' }, T0 + 100_000).state).toBe(s);
    s = must(s, HOST, { type: 'resume' }, T0 + 40_000).state;
    expect(s.round!.pausedMs).toBe(30_000);
    expect(remainingMs(s.round!, T0 + 40_000)).toBe(50_000);
    const extended = must(s, HOST, { type: 'extend', seconds: 30 }, T0 + 40_000);
    expect(extended.events).toEqual([{ type: 'extended', limitMs: 90_000 }]);
    s = extended.state;
    expect(remainingMs(s.round!, T0 + 40_000)).toBe(80_000);
    expect(must(s, SYSTEM, { type: 'tick' }, T0 + 119_999).state.phase).toBe('running');
    const out = must(s, SYSTEM, { type: 'tick' }, T0 + 120_000);
    expect(out.state.phase).toBe('reveal');
    expect(out.events).toEqual([{ type: 'revealed', index: 0, reason: 'time' }]);
  });

  it('uses the configured default length; null keeps rounds untimed', () => {
    const s = must(lobby(), HOST, { type: 'configure', settings: { roundSeconds: 120 } }, T0).state;
    expect(must(s, HOST, { type: 'start' }, T0).state.round!.limitMs).toBe(120_000);
    expect(must(s, HOST, { type: 'start', seconds: null }, T0).state.round!.limitMs).toBe(null);
    expect(refusal(s, HOST, { type: 'configure', settings: { stuckSeconds: 3 } }, T0)).toBe(
      'live/bad_seconds',
    );
  });
});

describe('puzzle rounds', () => {
  it('tracks progress and status (not started / working / stuck / solved) on active time', () => {
    let s = must(lobby(), HOST, { type: 'start' }, T0).state;
    const ada = () => s.students[0]!;
    const grace = () => s.students[1]!;
    expect(statusOf(s, ada(), T0)).toBe('not_started');
    s = must(
      s,
      SYSTEM,
      { type: 'progress', studentId: 's1', moves: 1, solved: false },
      T0 + 5_000,
    ).state;
    expect(statusOf(s, ada(), T0 + 5_000)).toBe('working');
    expect(statusOf(s, ada(), T0 + 94_999)).toBe('working');
    expect(statusOf(s, ada(), T0 + 95_000)).toBe('stuck');
    expect(statusOf(s, grace(), T0 + 90_000)).toBe('stuck');
    expect(statusCounts(s, T0 + 10_000)).toEqual({
      not_started: 1,
      working: 1,
      stuck: 0,
      solved: 0,
      answered: 0,
    });
    const solved = must(
      s,
      SYSTEM,
      { type: 'progress', studentId: 's1', moves: 3, solved: true },
      T0 + 20_000,
    );
    expect(solved.events).toEqual([{ type: 'finished', studentId: 's1', index: 0 }]);
    s = solved.state;
    expect(ada().cells[0]).toEqual({
      moves: 3,
      hintsUsed: 0,
      finished: true,
      correct: true,
      answer: null,
      lines: null,
      lastProgressMs: 20_000,
      elapsedMs: 20_000,
      points: 1000,
    });
    expect(statusOf(s, ada(), T0 + 500_000)).toBe('solved');
    expect(
      refusal(s, SYSTEM, { type: 'progress', studentId: 's1', moves: 4, solved: true }, T0),
    ).toBe('live/already_solved');
  });

  it('scores stars against par with hints, and reveals by itself when everyone solved', () => {
    let s = must(lobby(), HOST, { type: 'start' }, T0).state;
    s = run(s, T0 + 1000, [
      [student('s2'), { type: 'hint' }],
      [student('s2'), { type: 'hint' }],
      [student('s2'), { type: 'hint' }],
    ]);
    expect(refusal(s, student('s2'), { type: 'hint' }, T0)).toBe('live/no_hints_left');
    s = must(
      s,
      SYSTEM,
      { type: 'progress', studentId: 's1', moves: 5, solved: true },
      T0 + 2000,
    ).state;
    const last = must(
      s,
      SYSTEM,
      { type: 'progress', studentId: 's2', moves: 3, solved: true },
      T0 + 3000,
    );
    expect(last.events).toEqual([
      { type: 'finished', studentId: 's2', index: 0 },
      { type: 'revealed', index: 0, reason: 'all_finished' },
    ]);
    expect(last.state.students.map((x) => x.cells[0]!.points)).toEqual([750, 750]);
  });

  it('adds the speed bonus only when the teacher turned it on', () => {
    const on = must(lobby(), HOST, { type: 'configure', settings: { speedBonus: true } }, T0).state;
    const timed = must(on, HOST, { type: 'start', seconds: 100 }, T0).state;
    const fast = must(
      timed,
      SYSTEM,
      { type: 'progress', studentId: 's1', moves: 3, solved: true },
      T0 + 25_000,
    ).state;
    expect(fast.students[0]!.cells[0]!.points).toBe(1000 + 375);
    const untimed = must(on, HOST, { type: 'start' }, T0).state;
    expect(
      must(
        untimed,
        SYSTEM,
        { type: 'progress', studentId: 's1', moves: 3, solved: true },
        T0 + 90_000,
      ).state.students[0]!.cells[0]!.points,
    ).toBe(1000);
    const off = must(lobby(), HOST, { type: 'start', seconds: 100 }, T0).state;
    expect(
      must(off, SYSTEM, { type: 'progress', studentId: 's1', moves: 3, solved: true }, T0 + 1000)
        .state.students[0]!.cells[0]!.points,
    ).toBe(1000);
  });
});

describe('predict rounds', () => {
  const predictRound = () => must(lobby([QUESTION, PUZZLE]), HOST, { type: 'start' }, T0).state;

  it('collects one answer per student and refuses board progress', () => {
    let s = predictRound();
    s = must(s, student('s1'), { type: 'answer', answer: ' 2 ' }, T0 + 4000).state;
    expect(s.students[0]!.cells[0]).toMatchObject({
      answer: '2',
      correct: true,
      finished: true,
      points: 1000,
      elapsedMs: 4000,
    });
    expect(refusal(s, student('s1'), { type: 'answer', answer: '3' }, T0)).toBe(
      'live/already_answered',
    );
    expect(
      refusal(s, SYSTEM, { type: 'progress', studentId: 's2', moves: 1, solved: false }, T0),
    ).toBe('live/not_puzzle_round');
    expect(refusal(s, student('s2'), { type: 'hint' }, T0)).toBe('live/not_puzzle_round');
    expect(statusOf(s, s.students[0]!, T0 + 4000)).toBe('answered');
    const last = must(s, student('s2'), { type: 'answer', answer: '3' }, T0 + 5000);
    expect(last.state.phase).toBe('reveal');
    expect(last.state.students[1]!.cells[0]).toMatchObject({
      answer: '3',
      correct: false,
      points: 0,
    });
  });

  it('refuses answers outside a running predict round', () => {
    expect(refusal(lobby(), student('s1'), { type: 'answer', answer: '2' }, T0)).toBe(
      'live/wrong_phase',
    );
    const puzzleRound = must(lobby(), HOST, { type: 'start' }, T0).state;
    expect(refusal(puzzleRound, student('s1'), { type: 'answer', answer: '2' }, T0)).toBe(
      'live/not_predict_round',
    );
    const paused = must(predictRound(), HOST, { type: 'pause' }, T0).state;
    expect(refusal(paused, student('s1'), { type: 'answer', answer: '2' }, T0)).toBe(
      'live/wrong_phase',
    );
  });
});
