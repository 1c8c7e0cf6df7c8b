/**
 * The heap picture's arrows on every campaign level (every state along the reference solution,
 * with the layout memory carried from move to move as the view does) and on generated heaps of
 * 50 and 300 objects: no arrow may pass through a card, and the totals are reported.
 */
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../shared/engine/types.ts';
import { applyMove, startBoard } from '../../shared/puzzles/board.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { EMPTY_MEMORY, layoutHeap } from '../../client/view/layout.ts';
import type { LayoutOptions } from '../../client/view/layout.ts';
import { measurePicture } from '../../client/view/routeMetrics.ts';
import type { PictureMetrics } from '../../client/view/routeMetrics.ts';
import { randomHeap } from './heaps.ts';

const PHONE: LayoutOptions = { maxColumns: 2, compact: true };
const DESKTOP: LayoutOptions = { maxColumns: 4 };

function levelStates(puzzle: (typeof CAMPAIGN)[number]): EngineState[] {
  let board = startBoard(puzzle);
  const states = [board.engine];
  for (const move of puzzle.solution) {
    const r = applyMove(puzzle, board, move);
    if (!r.ok) throw new Error(`${puzzle.id} ${move}: ${r.error.code}`);
    board = r.value.board;
    states.push(board.engine);
  }
  return states;
}

function measureSequence(states: EngineState[], options: LayoutOptions): PictureMetrics[] {
  let memory = EMPTY_MEMORY;
  return states.map((s) => {
    const l = layoutHeap(s, memory, options);
    memory = l.memory;
    return measurePicture(l);
  });
}

function total(ms: PictureMetrics[]): Omit<PictureMetrics, 'problems'> & { problems: string[] } {
  const sum = (k: keyof Omit<PictureMetrics, 'problems'>): number =>
    ms.reduce((n, m) => n + m[k], 0);
  return {
    arrows: sum('arrows'),
    cardCrossings: sum('cardCrossings'),
    labelCrossings: sum('labelCrossings'),
    overlaps: sum('overlaps'),
    arrowCrossings: sum('arrowCrossings'),
    selfLoops: sum('selfLoops'),
    selfLoopsDrawnAsLoops: sum('selfLoopsDrawnAsLoops'),
    problems: ms.flatMap((m) => m.problems),
  };
}

const report: Record<string, ReturnType<typeof total>> = {};

describe('arrow routing on every campaign level', () => {
  it.each(CAMPAIGN.map((p) => [p.id, p] as const))('%s: no arrow crosses a card', (id, p) => {
    const states = levelStates(p);
    for (const [name, options] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const t = total(measureSequence(states, options));
      report[`${id} ${name}`] = t;
      expect(t.problems).toEqual([]);
      expect(t.labelCrossings).toBe(0);
      expect(t.selfLoopsDrawnAsLoops).toBe(t.selfLoops);
    }
  });

  it('reports the campaign totals', () => {
    const t = total(Object.values(report).map((r) => ({ ...r, problems: r.problems })));
    console.info('campaign picture metrics', JSON.stringify({ ...t, problems: t.problems.length }));
    expect(t.cardCrossings).toBe(0);
    expect(t.selfLoops).toBeGreaterThan(0);
  });
});

describe('arrow routing on generated heaps', () => {
  it.each([
    [50, DESKTOP],
    [50, PHONE],
    [300, DESKTOP],
    [300, PHONE],
  ] as const)('%i objects (%o): no arrow crosses a card', { timeout: 120_000 }, (n, options) => {
    const ms = [1, 2, 3].map((seed) =>
      measurePicture(layoutHeap(randomHeap(n, seed * 7919), EMPTY_MEMORY, options)),
    );
    const t = total(ms);
    console.info(
      `${n} objects`,
      JSON.stringify(options),
      JSON.stringify({ ...t, problems: t.problems.slice(0, 3) }),
    );
    expect(t.problems).toEqual([]);
    expect(t.labelCrossings).toBe(0);
  });
});
