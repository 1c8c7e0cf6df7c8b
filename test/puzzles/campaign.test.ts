import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../shared/engine/index.ts';
import { applyMove, goalStatus, startBoard } from '../../shared/puzzles/board.ts';
import { CAMPAIGN, CHAPTERS } from '../../shared/puzzles/campaign/index.ts';
import { CONCEPTS } from '../../shared/puzzles/format.ts';
import { solve } from '../../shared/puzzles/solver.ts';

describe('campaign catalog', () => {
  it('has at least 30 levels in at least 7 chapters, in chapter order', () => {
    expect(CAMPAIGN.length).toBeGreaterThanOrEqual(30);
    const chapters = [...new Set(CAMPAIGN.map((p) => p.chapter))];
    expect(chapters).toEqual(CHAPTERS.map((_, i) => i + 1));
    expect(chapters.length).toBeGreaterThanOrEqual(7);
    const order = CAMPAIGN.map((p) => p.chapter);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('covers every concept in at least 2 levels', () => {
    for (const c of CONCEPTS) {
      const n = CAMPAIGN.filter((p) => p.concepts.includes(c)).length;
      expect(n, c).toBeGreaterThanOrEqual(2);
    }
  });

  it('starts with one name and one list', () => {
    expect(CAMPAIGN[0]?.setup).toBe('gc.disable()\nbox = []\n');
  });
});

describe.each(CAMPAIGN.map((p) => [p.id, p] as const))('level %s', (_id, puzzle) => {
  it('is not solved before any move', () => {
    expect(goalStatus(puzzle, startBoard(puzzle)).done).toBe(false);
  });

  it('is solved by its reference solution, keeping engine invariants after every step', () => {
    let board = startBoard(puzzle);
    expect(checkInvariants(board.engine)).toEqual([]);
    for (const move of puzzle.solution) {
      const r = applyMove(puzzle, board, move);
      if (!r.ok) throw new Error(`${move}: ${r.error.code} ${r.error.message}`);
      expect(checkInvariants(r.value.board.engine)).toEqual([]);
      board = r.value.board;
    }
    expect(goalStatus(puzzle, board)).toEqual({
      done: true,
      clauses: goalStatus(puzzle, board).clauses.map((c) => ({ id: c.id, met: true })),
    });
    expect(board.moves).toEqual(puzzle.solution);
  });

  it('has par equal to the solver optimum', () => {
    const s = solve(puzzle);
    expect(s.truncated).toBe(false);
    expect(s.optimal).toBe(puzzle.par);
  });
});
