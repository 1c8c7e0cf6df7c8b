import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSetup } from '../../shared/puzzles/run.ts';
import { resolvePath } from '../../shared/puzzles/paths.ts';
import { withPreamble } from '../../shared/puzzles/preamble.ts';
import {
  answerOf,
  choicesOf,
  NONE_SURVIVE,
  QUESTIONS,
} from '../../shared/puzzles/questions/index.ts';
import type { Question } from '../../shared/puzzles/questions/index.ts';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('python3 not found: predict answers are NOT checked against CPython');

/** The program CPython runs for a question, and how to read its answer from stdout. */
function cpythonProgram(q: Question): string {
  if (q.kind === 'print') return withPreamble(q.program);
  const watch = q.ask.map((p, i) => `_hh${i} = weakref.ref(${p})`);
  const report = q.ask.map((_, i) => `print(_hh${i}() is not None)`);
  return withPreamble([q.program.trimEnd(), ...watch, ...q.lines, ...report].join('\n'));
}

function cpythonAnswer(q: Question): string {
  const r = spawnSync('python3', ['-'], { input: cpythonProgram(q), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 failed on ${q.id}: ${r.stderr}`);
  const lines = r.stdout.replace(/\n$/, '').split('\n');
  if (q.kind === 'print') return lines.join('\n');
  const alive = q.ask.filter((_, i) => lines[i] === 'True');
  return alive.length ? alive.join(', ') : NONE_SURVIVE;
}

const answer = (q: Question): string => {
  const a = answerOf(q);
  if (!a.ok) throw new Error(`${q.id}: ${a.error.message}`);
  return a.value;
};

describe('predict questions', () => {
  it('has at least 20, of both kinds', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(20);
    expect(QUESTIONS.filter((q) => q.kind === 'survivors').length).toBeGreaterThanOrEqual(5);
    expect(QUESTIONS.filter((q) => q.kind === 'print').length).toBeGreaterThanOrEqual(15);
  });

  it.each(QUESTIONS.map((q) => [q.id, q] as const))(
    '%s: engine answer = CPython, distractors are wrong',
    (_id, q) => {
      const mine = answer(q);
      expect(q.distractors).not.toContain(mine);
      expect(new Set(q.distractors).size).toBe(q.distractors.length);
      if (hasPython) expect(mine).toBe(cpythonAnswer(q));
    },
  );

  it.each(QUESTIONS.filter((q) => q.kind === 'survivors').map((q) => [q.id, q] as const))(
    '%s asks about weakref-able instances only',
    (_id, q) => {
      const run = runSetup(q.program);
      if (!run.ok) throw new Error(run.error.message);
      for (const path of q.ask) {
        const v = resolvePath(run.value.state, path);
        const obj = v?.t === 'ref' ? run.value.state.objects[v.id] : undefined;
        expect(
          obj?.kind === 'instance' && run.value.state.classes[obj.cls]?.weakrefable,
          path,
        ).toBe(true);
      }
    },
  );

  it('shuffles choices deterministically per question and seed', () => {
    const q = QUESTIONS[0] as Question;
    const a = choicesOf(q, '2', 7);
    expect(choicesOf(q, '2', 7)).toEqual(a);
    expect([...a].sort()).toEqual(['0', '1', '2', '3']);
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => choicesOf(q, '2', s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
