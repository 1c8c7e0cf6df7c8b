/**
 * A generator of teaching-subset programs for differential tests against python3: one seed,
 * one program of 3–7 lesson fragments after the lesson preamble (`import gc, sys, weakref`,
 * `gc.disable()`), ending with a collection, sometimes with an uncaught exception.
 */
import { chance, int, makeRand, pick } from '../gen/rand.ts';
import { LESSONS, type Ctx } from './lessons.ts';
import { SUBCLASS_LESSONS } from './subclassing.ts';
import { CALL_LESSONS } from './callrefs.ts';

const ALL_LESSONS = [...LESSONS, ...SUBCLASS_LESSONS, ...CALL_LESSONS];

const UNCAUGHT = [
  'print(undefined_name)',
  'raise ValueError("the lesson ends here")',
  '[1, 2, 3][7]',
  '{"a": 1}["b"]',
];

export function generateTeachingProgram(seed: number): string {
  const c: Ctx = { r: makeRand(seed), n: 0 };
  const lines = ['import gc, sys, weakref', 'gc.disable()', ''];
  const count = 3 + int(c.r, 5);
  for (let i = 0; i < count; i++) lines.push(...pick(c.r, ALL_LESSONS)(c), '');
  lines.push('print("final collection:", gc.collect())');
  if (chance(c.r, 0.1)) lines.push(pick(c.r, UNCAUGHT));
  return lines.join('\n') + '\n';
}
