/**
 * Teaching programs nobody has seen: fresh seeded programs of the teaching subset
 * (./teachgen/), run by the VM and by `python3 FILE.py`, must print the same bytes, exit with
 * the same status and (on an uncaught exception) end their traceback with the same line. A
 * program the VM refuses (`unsupported: …`) is not a wrong answer, but refusals are bounded so
 * the test cannot pass by refusing everything. Seeds are printed, so a failure replays with
 * generateTeachingProgram(seed).
 */
import { describe, expect, it } from 'vitest';
import { runScript } from '../../shared/python/vm/index.ts';
import { hasPython3, lastLine, runCPythonFiles } from './helpers/cpython.ts';
import { generateTeachingProgram } from './teachgen/program.ts';

const FIXED = 40;
const FRESH = 60;
/** At most this share of generated programs may be refused. */
const MAX_REFUSED = 0.1;

function compare(seeds: number[]): void {
  const sources = seeds.map((s) => generateTeachingProgram(s));
  const cpython = runCPythonFiles(sources);
  const wrong: string[] = [];
  let refused = 0;
  sources.forEach((src, i) => {
    const ours = runScript(src, `p${seeds[i]}.py`);
    if (ours.stderr.includes('unsupported:')) {
      refused += 1;
      return;
    }
    const py = cpython[i];
    const same =
      py !== undefined &&
      ours.stdout === py.stdout &&
      ours.exitCode === py.exitCode &&
      lastLine(ours.stderr) === lastLine(py.stderr);
    if (!same) wrong.push(`seed ${seeds[i]}: ${lastLine(ours.stderr) || 'stdout differs'}`);
  });
  expect(wrong).toEqual([]);
  expect(refused).toBeLessThanOrEqual(Math.floor(seeds.length * MAX_REFUSED));
}

describe('generated teaching programs agree with CPython', () => {
  it('the generator is deterministic and covers the lesson fragments', () => {
    expect(generateTeachingProgram(7)).toBe(generateTeachingProgram(7));
    const all = Array.from({ length: 80 }, (_, i) => generateTeachingProgram(i)).join('\n');
    for (const fragment of [
      'def __del__',
      'gc.collect()',
      'weakref.ref(',
      'nonlocal',
      'yield',
      'except',
      'with ',
      '__eq__',
    ]) {
      expect(all).toContain(fragment);
    }
  });

  it.skipIf(!hasPython3())(`${FIXED} fixed seeds`, () => {
    compare(Array.from({ length: FIXED }, (_, i) => 10_000 + i));
  });

  it.skipIf(!hasPython3())(`${FRESH} fresh seeds`, () => {
    const base = (Date.now() % 1_000_000_000) * 7;
    console.info(`teaching-program seeds ${base}..${base + FRESH - 1}`);
    compare(Array.from({ length: FRESH }, (_, i) => base + i));
  });
});
