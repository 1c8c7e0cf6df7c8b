import { describe, expect, it } from 'vitest';
import { accuracy, scorePlay, starsFor } from '../../shared/puzzles/scoring.ts';

const play = {
  solved: true,
  par: 4,
  moves: 4,
  examined: [] as number[],
  hintsUsed: 0,
  seconds: 30,
};

describe('game score', () => {
  it('gives stars from moves against par', () => {
    expect(starsFor(true, 4, 4, 0)).toBe(3);
    expect(starsFor(true, 3, 4, 0)).toBe(3);
    expect(starsFor(true, 6, 4, 0)).toBe(2);
    expect(starsFor(true, 7, 4, 0)).toBe(1);
    expect(starsFor(true, 2, 1, 0)).toBe(2);
    expect(starsFor(true, 3, 1, 0)).toBe(1);
    expect(starsFor(false, 1, 1, 0)).toBe(0);
  });

  it('caps stars at 2 once the answer hint is opened', () => {
    expect(starsFor(true, 4, 4, 2)).toBe(3);
    expect(starsFor(true, 4, 4, 3)).toBe(2);
    expect(starsFor(true, 7, 4, 3)).toBe(1);
  });

  it('charges collections by objects examined, refcount frees cost nothing', () => {
    const free = scorePlay(play);
    expect(free.points).toBe(1000 + 200);
    const collected = scorePlay({ ...play, examined: [5, 3] });
    expect(collected.breakdown.collections).toBe(-16);
    expect(collected.points).toBe(1184);
  });

  it('charges hints, extra moves and (gently) time', () => {
    const s = scorePlay({ ...play, moves: 6, hintsUsed: 2, seconds: 130 });
    expect(s.breakdown).toEqual({
      base: 1000,
      extraMoves: -100,
      collections: 0,
      hints: -200,
      timeBonus: 150,
    });
    expect(s.points).toBe(850);
    expect(s.stars).toBe(2);
    expect(scorePlay({ ...play, seconds: 100000, hintsUsed: 3, moves: 40 }).points).toBe(100);
  });

  it('scores an unsolved play as zero', () => {
    const s = scorePlay({ ...play, solved: false });
    expect(s.points).toBe(0);
    expect(s.stars).toBe(0);
  });
});

describe('learning score', () => {
  it('is accuracy, separate from points', () => {
    expect(accuracy([])).toEqual({ answered: 0, correct: 0, percent: 0 });
    expect(accuracy([{ correct: true }, { correct: false }, { correct: true }])).toEqual({
      answered: 3,
      correct: 2,
      percent: 67,
    });
  });
});
