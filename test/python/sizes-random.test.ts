/**
 * sys.getsizeof against python3 on random list/dict scripts (test/python/helpers/sizeScripts.ts):
 * displays around the 30-element and 16-entry compile limits, repeated keys, and growth and
 * shrinking through append / pop / del / clear and dict inserts after deletions. A fixed block
 * of seeds, plus fresh seeds each run (printed, so a failure can be replayed with sizeScript).
 */
import { describe, expect, it } from 'vitest';
import { runPython } from '../../shared/python/index.ts';
import { hasPython3, runCPythonBatch } from './helpers/cpython.ts';
import { sizeScript } from './helpers/sizeScripts.ts';

const FIXED = 150;
const FRESH = 250;

/** For each mismatching seed: the first print that differs, with both values. */
function mismatches(seeds: number[]): string[] {
  const sources = seeds.map(sizeScript);
  const cpython = runCPythonBatch(sources);
  const out: string[] = [];
  sources.forEach((src, i) => {
    const ours = runPython(src);
    const py = cpython[i]!;
    if (ours.stdout === py.stdout && ours.exitCode === py.exitCode) return;
    const a = ours.stdout.split('\n');
    const b = py.stdout.split('\n');
    let k = 0;
    while (a[k] === b[k]) k++;
    out.push(`seed ${seeds[i]}: print #${k + 1}: ours ${a[k]} ${ours.stderr} cpython ${b[k]}`);
  });
  return out;
}

describe('random size scripts agree with CPython', () => {
  it('generates valid scripts that reach the interesting shapes', () => {
    const all = Array.from({ length: 40 }, (_, i) => sizeScript(i)).join('\n');
    for (const fragment of ['.append(', '.pop()', 'del a[', "del d['", '.clear()', "e['k"])
      expect(all).toContain(fragment);
    expect(all).toMatch(/= \[(\w+, ){30,}\w+\]/);
  });

  it.skipIf(!hasPython3())(
    `${FIXED} fixed seeds`,
    () => {
      expect(mismatches(Array.from({ length: FIXED }, (_, i) => 1 + i))).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!hasPython3())(
    `${FRESH} fresh seeds`,
    () => {
      const base = (Date.now() % 1_000_000_000) * 3;
      console.info(`size-script seeds ${base}..${base + FRESH - 1}`);
      expect(mismatches(Array.from({ length: FRESH }, (_, i) => base + i))).toEqual([]);
    },
    120_000,
  );
});
