/**
 * Scripts nobody has seen: fresh seeded scripts from ./gen/, run by the runner and by
 * python3, must print the same bytes and fail (if at all) with the same last traceback line.
 * Every run draws new seeds (printed on failure, so a failure can be replayed with
 * generateScript(seed)); a fixed block of seeds runs too, so a regression is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../shared/engine/index.ts';
import { generateScript } from './gen/script.ts';
import { runPython } from '../../shared/python/index.ts';
import { hasPython3, lastLine, runCPythonBatch } from './helpers/cpython.ts';

const FRESH = 250;
const FIXED = 100;

describe('generator', () => {
  it('is deterministic: one seed, one script', () => {
    expect(generateScript(12345)).toBe(generateScript(12345));
    expect(generateScript(1)).not.toBe(generateScript(2));
  });

  it('writes scripts the runner accepts, with functions, cycles, weakrefs and errors', () => {
    const scripts = Array.from({ length: 60 }, (_, i) => generateScript(500 + i));
    const all = scripts.join('\n');
    for (const fragment of [
      'def f1(',
      'return ',
      'weakref.ref(',
      '() is None)',
      '.pop()',
      '.clear()',
      "['k']",
      'print(gc.collect())',
      'print(sys.getrefcount(',
    ]) {
      expect(all).toContain(fragment);
    }
    const results = scripts.map((s) => runPython(s));
    const failed = results.filter((r) => r.exitCode !== 0);
    expect(failed.every((r) => !r.stderr.includes('unsupported'))).toBe(true);
    expect(failed.length).toBeGreaterThan(0);
    expect(results.every((r) => checkInvariants(r.state).length === 0)).toBe(true);
  });
});

function compareWithCPython(seeds: number[]): void {
  const sources = seeds.map((s) => generateScript(s));
  const cpython = runCPythonBatch(sources);
  const mismatches: string[] = [];
  sources.forEach((src, i) => {
    const ours = runPython(src);
    const py = cpython[i];
    const same =
      py &&
      ours.stdout === py.stdout &&
      lastLine(ours.stderr) === py.error &&
      ours.exitCode === py.exitCode;
    if (!same)
      mismatches.push(
        `seed ${seeds[i]}: ours ${JSON.stringify(lastLine(ours.stderr))} cpython ${JSON.stringify(py?.error)}`,
      );
  });
  expect(mismatches).toEqual([]);
}

describe('generated scripts agree with CPython', () => {
  if (!hasPython3()) {
    console.warn(
      'python3 is missing or not CPython 3.11: skipping the differential tests against CPython',
    );
  }

  it.skipIf(!hasPython3())(`${FIXED} fixed seeds`, () => {
    compareWithCPython(Array.from({ length: FIXED }, (_, i) => 1_000 + i));
  });

  it.skipIf(!hasPython3())(`${FRESH} fresh seeds`, () => {
    const base = (Date.now() % 1_000_000_000) * 7;
    console.info(`generated-script seeds ${base}..${base + FRESH - 1}`);
    compareWithCPython(Array.from({ length: FRESH }, (_, i) => base + i));
  });
});
