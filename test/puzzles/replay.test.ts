import { describe, expect, it } from 'vitest';
import type { Board } from '../../shared/puzzles/contract.ts';
import { resolvePath } from '../../shared/puzzles/paths.ts';
import { answerOf, NONE_SURVIVE, QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import type { Question } from '../../shared/puzzles/questions/index.ts';
import {
  replayLine,
  replayPlan,
  replayStart,
  topLevelStatements,
} from '../../shared/puzzles/questions/replay.ts';

const byId = (id: string): Question => QUESTIONS.find((q) => q.id === id)!;

/** Replay a question line by line; the answer read the way answerOf reads it. */
function replayed(q: Question): { answer: string; boards: Board[]; outputs: string[][] } {
  const plan = replayPlan(q);
  if (!plan.ok) throw new Error(plan.error.message);
  const start = replayStart(plan.value, q.id);
  if (!start.ok) throw new Error(start.error.message);
  const ids = q.ask.map((p) => resolvePath(start.value.board.engine, p));
  let board = start.value.board;
  const boards = [board];
  const outputs: string[][] = [];
  for (const line of plan.value.lines) {
    const r = replayLine(start.value.ctx, board, line);
    if (!r.ok) throw new Error(`${q.id}: ${line}: ${r.error.message}`);
    board = r.value.board;
    boards.push(board);
    outputs.push(r.value.output);
  }
  if (q.kind === 'print') return { answer: outputs.flat().join('\n'), boards, outputs };
  const alive = q.ask.filter((_, i) => {
    const v = ids[i];
    return v?.t === 'ref' && board.engine.objects[v.id] !== undefined;
  });
  return { answer: alive.length ? alive.join(', ') : NONE_SURVIVE, boards, outputs };
}

describe('predict questions replayed line by line', () => {
  it('splits a program into top-level statements (a def keeps its body)', () => {
    expect(topLevelStatements('gc.disable()\ndef f(p):\n    q = p\n\na = []\nf(a)\n')).toEqual([
      'gc.disable()',
      'def f(p):\n    q = p',
      'a = []',
      'f(a)',
    ]);
  });

  it('asks about the survivors lines, or from the first printing statement on', () => {
    expect(replayPlan(byId('survive-cycle-del'))).toEqual({
      ok: true,
      value: { before: byId('survive-cycle-del').program, lines: ['del b', 'del a'] },
    });
    expect(replayPlan(byId('weak-cycle'))).toEqual({
      ok: true,
      value: {
        before:
          'gc.disable()\na = Node()\nb = Node()\na.next = b\nb.next = a\nw = weakref.ref(a)\ndel a, b\n',
        lines: ['print(w() is None)', 'gc.collect()', 'print(w() is None)'],
      },
    });
    expect(replayPlan(byId('rc-parameter'))).toEqual({
      ok: true,
      value: { before: 'def f(p):\n    print(sys.getrefcount(p))\na = []\n', lines: ['f(a)'] },
    });
    expect(replayPlan(byId('gc-isenabled'))).toEqual({
      ok: true,
      value: {
        before: '',
        lines: ['print(gc.isenabled())', 'gc.disable()', 'print(gc.isenabled())'],
      },
    });
  });

  it('gives every question the engine answer of answerOf', () => {
    for (const q of QUESTIONS) {
      const a = answerOf(q);
      if (!a.ok) throw new Error(a.error.message);
      expect(replayed(q).answer, q.id).toBe(a.value);
    }
  });

  it('carries the engine events and the gc trace of each line', () => {
    const chain = byId('survive-chain');
    const plan = replayPlan(chain);
    if (!plan.ok) throw new Error('plan');
    const start = replayStart(plan.value, 'reveal');
    if (!start.ok) throw new Error('start');
    const del = replayLine(start.value.ctx, start.value.board, 'del a');
    if (!del.ok) throw new Error('del');
    expect(del.value.events.filter((e) => e.type === 'freed')).toHaveLength(1);
    expect(del.value.board.moves).toEqual(['del a']);
    expect(del.value.kind).toBe('delName');

    const collect = byId('collect-node-pair');
    const p2 = replayPlan(collect);
    if (!p2.ok) throw new Error('plan');
    const s2 = replayStart(p2.value, 'reveal');
    if (!s2.ok) throw new Error('start');
    const r = replayLine(s2.value.ctx, s2.value.board, 'print(gc.collect())');
    if (!r.ok) throw new Error('collect');
    expect(r.value.output).toEqual(['2']);
    expect(r.value.traces.map((t) => [t.automatic, t.result, t.freed.length])).toEqual([
      [false, 2, 2],
    ]);
    expect(r.value.board.collections).toEqual([
      { moveIndex: 0, result: 2, examined: r.value.traces[0]!.young.length },
    ]);
    expect(Object.keys(r.value.board.engine.objects).length).toBe(
      Object.keys(s2.value.board.engine.objects).length - 2,
    );
  });

  it('refuses a broken line and keeps the board', () => {
    const plan = replayPlan(byId('survive-alias'));
    if (!plan.ok) throw new Error('plan');
    const start = replayStart(plan.value, 'reveal');
    if (!start.ok) throw new Error('start');
    const r = replayLine(start.value.ctx, start.value.board, 'del zzz');
    expect(r.ok ? null : r.error.code).toBe('python/NameError');
  });
});
