import { describe, expect, it } from 'vitest';
import { hashState } from '../../shared/engine/index.ts';
import { applyMove, goalStatus, inspect, startBoard } from '../../shared/puzzles/board.ts';
import { master } from '../../shared/board/master.ts';
import { campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';

const level = (id: string): Puzzle => {
  const p = campaignPuzzle(id);
  if (!p) throw new Error(id);
  return p;
};

describe('applyMove', () => {
  const pair = level('holding-hands');

  it('rejects a kind the puzzle does not allow, kindly', () => {
    const r = applyMove(pair, startBoard(pair), 'a.next = None');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'move/not_allowed',
        message: 'Setting things to None is not allowed in this level.',
      },
    });
  });

  it('reports Python errors and syntax errors without changing anything', () => {
    const start = startBoard(pair);
    const before = hashState(start.engine);
    const missing = applyMove(pair, start, 'del zzz');
    expect(missing.ok ? null : missing.error).toEqual({
      code: 'python/NameError',
      message: "NameError: name 'zzz' is not defined",
    });
    const twice = master.replay(pair, ['del a', 'del a']);
    expect(twice.ok ? null : twice.code).toBe('python/NameError');
    expect(twice.ok ? null : twice.moveIndex).toBe(1);
    const many = applyMove(pair, start, 'del a, b');
    expect(many.ok ? null : many.error).toEqual({
      code: 'move/unsupported',
      message: 'Delete one thing per move: `del a`, then `del b`.',
    });
    const syntax = applyMove(pair, start, 'a = = b');
    expect(syntax.ok ? null : [syntax.error.code, syntax.error.line]).toEqual(['move/syntax', 1]);
    expect(hashState(start.engine)).toBe(before);
    expect(start.moves).toEqual([]);
  });

  it('records gc.collect() results and the objects examined', () => {
    const r = master.replay(pair, ['del a', 'del b', 'print(gc.collect())']);
    expect(r.ok ? r.match.board.collections : null).toEqual([
      { moveIndex: 2, result: 2, examined: 2 },
    ]);
    const b = master.replay(pair, ['del a', 'del b']);
    if (!b.ok) throw new Error('setup');
    const out = applyMove(pair, b.match.board, 'print(gc.collect())');
    expect(out.ok ? out.value.output : null).toEqual(['2']);
    expect(
      out.ok ? out.value.traces.map((t) => [t.result, t.young.length, t.automatic]) : null,
    ).toEqual([[2, 2, false]]);
    expect(out.ok ? out.value.kind : null).toBe('collect');
  });

  it('reports automatic collections in traces, not in board.collections', () => {
    const alarm = level('alarm-clock');
    const r = master.replay(alarm, ['del loop']);
    if (!r.ok) throw new Error('setup');
    const out = applyMove(alarm, r.match.board, 'x = []');
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.traces.map((t) => [t.automatic, t.generation, t.result])).toEqual([
      [true, 0, 1],
    ]);
    expect(out.value.board.collections).toEqual([]);
    expect(goalStatus(alarm, out.value.board).done).toBe(true);
  });

  it('is deterministic: the same moves give the same state hash', () => {
    const moves = level('tangled-family').solution;
    const a = master.replay(level('tangled-family'), moves);
    const b = master.replay(level('tangled-family'), moves);
    expect(
      a.ok && b.ok && hashState(a.match.board.engine) === hashState(b.match.board.engine),
    ).toBe(true);
  });
});

describe('goalStatus', () => {
  it('lists each clause for the HUD', () => {
    const p = level('break-it-by-hand');
    const r = master.replay(p, ['del a', 'del b', 'gc.collect()']);
    if (!r.ok) throw new Error('setup');
    expect(goalStatus(p, r.match.board)).toEqual({
      done: false,
      clauses: [
        { id: 'freed(a,b)', met: true },
        { id: 'noCollect', met: false },
      ],
    });
  });
});

describe('inspect', () => {
  it('prints without making a move', () => {
    const p = level('two-names-one-list');
    const start = startBoard(p);
    expect(inspect(p, start, 'print(sys.getrefcount(box))')).toEqual({ ok: true, value: ['3'] });
    expect(inspect(p, start, 'print(box is also)')).toEqual({ ok: true, value: ['True'] });
    expect(inspect(p, start, 'print(gc.collect())').ok).toBe(false);
    expect(inspect(p, start, 'del box').ok).toBe(false);
  });
});
