import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../shared/engine/index.ts';
import { master } from '../../shared/board/master.ts';
import { goalStatus, startBoard } from '../../shared/puzzles/board.ts';
import { dailySeed, weeklySeed } from '../../shared/puzzles/calendar.ts';
import { dailyPuzzle, generatePuzzle, weeklyPuzzle } from '../../shared/puzzles/generator.ts';
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

  it('builds the daily and weekly challenges from their seeds', () => {
    expect(dailyPuzzle('2026-11-24')).toEqual(generatePuzzle(dailySeed('2026-11-24'), 2));
    expect(weeklyPuzzle('2026-W48')).toEqual(generatePuzzle(weeklySeed('2026-W48'), 3));
  });
});
