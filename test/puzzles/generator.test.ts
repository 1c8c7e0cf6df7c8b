import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../shared/engine/index.ts';
import { master } from '../../shared/board/master.ts';
import { goalStatus, startBoard } from '../../shared/puzzles/board.ts';
import { dailySeed, weeklySeed } from '../../shared/puzzles/calendar.ts';
import {
  CHALLENGE_PAR,
  dailyPuzzle,
  generatePuzzle,
  weeklyPuzzle,
} from '../../shared/puzzles/generator.ts';
import type { Difficulty } from '../../shared/puzzles/generator.ts';
import { solve } from '../../shared/puzzles/solver.ts';

describe('generatePuzzle', () => {
  it('is deterministic per seed and difficulty', () => {
    expect(generatePuzzle(42, 2)).toEqual(generatePuzzle(42, 2));
    expect(generatePuzzle(42, 2)).not.toEqual(generatePuzzle(43, 2));
    expect(generatePuzzle(42, 1).setup).not.toBe(generatePuzzle(42, 3).setup);
  });

  it('makes 1,000 consecutive seeds into solvable puzzles whose solution meets the goal in par moves', () => {
    const pars = new Map<number, number>();
    for (let seed = 1000; seed < 2000; seed++) {
      const d = ((seed % 3) + 1) as Difficulty;
      const p = generatePuzzle(seed, d);
      expect(p.id).toBe(`gen-${seed}-${d}`);
      expect(p.solution.length).toBe(p.par);
      expect(goalStatus(p, startBoard(p)).done).toBe(false);
      const end = master.replay(p, p.solution);
      if (!end.ok) throw new Error(`seed ${seed}: ${end.message}`);
      expect(goalStatus(p, end.match.board).done, `seed ${seed}`).toBe(true);
      expect(checkInvariants(end.match.board.engine)).toEqual([]);
      pars.set(p.par, (pars.get(p.par) ?? 0) + 1);
    }
    expect([...pars.keys()].sort()).toEqual([1, 2, 3, 4]);
  });

  it('gives par equal to an unbounded re-solve on a sample', () => {
    for (const seed of [1, 7, 99, 12345, 4294967295]) {
      const p = generatePuzzle(seed, 3);
      expect(solve(p, { maxDepth: 8, maxBoards: 50000 }).optimal).toBe(p.par);
    }
  });

  it('builds the daily and weekly challenges from their seeds: the first puzzle with their par', () => {
    const pars = (seed: number, d: 2 | 3, n: number): number[] =>
      Array.from({ length: n }, (_, i) => generatePuzzle(seed + i, d).par);
    // 2026-12-03: the first nine seeds give par 1 or 3; the tenth (par 2) is the daily.
    expect(pars(dailySeed('2026-12-03'), 2, 10)).toEqual([1, 3, 3, 1, 1, 3, 3, 1, 3, 2]);
    expect(dailyPuzzle('2026-12-03')).toEqual(generatePuzzle(dailySeed('2026-12-03') + 9, 2));
    // 2026-W49: par 1, 2, then 3: the third is the weekly.
    expect(pars(weeklySeed('2026-W49'), 3, 3)).toEqual([1, 2, 3]);
    expect(weeklyPuzzle('2026-W49')).toEqual(generatePuzzle(weeklySeed('2026-W49') + 2, 3));
  });

  it('makes every weekly challenge harder than every daily one (a quarter of a year)', () => {
    const days = Array.from({ length: 91 }, (_, i) =>
      new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10),
    );
    const weeks = Array.from({ length: 13 }, (_, i) => `2026-W${String(40 + i)}`);
    const dailyPars = new Set(days.map((d) => dailyPuzzle(d).par));
    const weeklyPars = weeks.map((w) => weeklyPuzzle(w).par);
    expect([...dailyPars]).toEqual([CHALLENGE_PAR.daily.min]);
    expect(Math.min(...weeklyPars)).toBeGreaterThan(CHALLENGE_PAR.daily.max);
  });
});
