import { describe, expect, it } from 'vitest';
import { apply, canonicalJson, cloneState } from '../../shared/engine/index.ts';
import { applyMove, prepare } from '../../shared/puzzles/board.ts';
import type { Board } from '../../shared/puzzles/contract.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { fastAction } from '../../shared/puzzles/fastmove.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { candidateMoves, vocabularyOf } from '../../shared/puzzles/movegen.ts';
import { execStatement } from '../../shared/puzzles/run.ts';
import { MOVE_KINDS } from '../../shared/puzzles/contract.ts';

function applyOrFail(puzzle: Puzzle, board: Board, move: string): Board {
  const r = applyMove(puzzle, board, move);
  if (!r.ok) throw new Error(`${move}: ${r.error.message}`);
  return r.value.board;
}

/** Fast path and runner agree on every candidate move from the start and after each solution step. */
function checkParity(puzzle: Puzzle): number {
  const prep = prepare(puzzle);
  const voc = vocabularyOf(puzzle, prep);
  let board = prep.start;
  let state = board.engine;
  let checked = 0;
  for (const step of [...puzzle.solution, null]) {
    for (const move of candidateMoves(MOVE_KINDS, voc, state)) {
      const fast = fastAction(state, move, prep.ctx.special, prep.ctx.classes);
      if (fast === null) continue;
      const slow = execStatement(prep.ctx, state, move, { events: false });
      const quick = fast === 'reject' ? null : apply(cloneState(state), fast);
      const quickState = quick?.ok ? quick.value.state : null;
      if (!slow.ok && slow.error.message.includes('an automatic collection')) {
        // The runner refuses automatic collections in scripts; puzzles model them (board.ts).
        const auto =
          quick?.ok && quick.value.events.some((e) => e.type === 'collected' && e.trace.automatic);
        expect(auto, `${puzzle.id}: ${move}`).toBe(true);
        continue;
      }
      expect(quickState === null, `${puzzle.id}: ${move}`).toBe(!slow.ok);
      if (slow.ok && quickState)
        expect(canonicalJson(quickState), move).toBe(canonicalJson(slow.value.state));
      checked++;
    }
    if (step === null) break;
    board = applyOrFail(puzzle, board, step);
    state = board.engine;
  }
  return checked;
}

describe('solver fast path', () => {
  it.each(CAMPAIGN.map((p) => [p.id, p] as const))('matches the runner on %s', (_id, p) => {
    expect(checkParity(p)).toBeGreaterThan(0);
  });

  it('leaves keywords, classes and functions to the runner', () => {
    const p = CAMPAIGN.find((q) => q.id === 'return-to-sender') as Puzzle;
    const { ctx, start } = prepare(p);
    expect(fastAction(start.engine, 'make = None', ctx.special, ctx.classes)).toBe(null);
    expect(fastAction(start.engine, 'None = 1', ctx.special, ctx.classes)).toBe(null);
    expect(fastAction(start.engine, 'x = make()', ctx.special, ctx.classes)).toBe(null);
    expect(fastAction(start.engine, 'x = Node()', ctx.special, ctx.classes)).toEqual({
      type: 'new',
      object: { kind: 'instance', cls: 'Node' },
      into: { kind: 'name', name: 'x', scope: 'frame' },
    });
    expect(fastAction(start.engine, 'del nothing', ctx.special, ctx.classes)).toBe('reject');
  });
});
