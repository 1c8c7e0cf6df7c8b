/**
 * SyntaxError or unsupported? Valid Python the runner cannot run must be refused as
 * `unsupported`, never reported as a SyntaxError; real syntax errors keep CPython's kind. Checked
 * against python3's compile() on the tutorial corpus and on thousands of near-miss mutants of it
 * (test/python/helpers/mutate.ts), a fixed block and fresh seeds every run.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from '../../shared/python/index.ts';
import { compileCPythonBatch, hasPython3 } from './helpers/cpython.ts';
import { mutant, validPrograms } from './helpers/mutate.ts';

/** The runner's compile-time verdict: 'ok' (it ran), or the kind on its error line. */
function runnerKind(src: string): string {
  const r = runPython(src);
  const m = /^ {2}File "[^"]*", line \d+\n.*\n(SyntaxError|IndentationError|unsupported): /m.exec(
    r.stderr,
  );
  return m ? m[1]! : 'ok';
}

interface Tally {
  wrong: string[];
  caught: number;
  refusedErrors: number;
  sameLine: number;
  sameKind: number;
}

function tally(sources: string[], labels: string[]): Tally {
  const py = compileCPythonBatch(sources);
  const t: Tally = { wrong: [], caught: 0, refusedErrors: 0, sameLine: 0, sameKind: 0 };
  sources.forEach((src, i) => {
    const ours = runnerKind(src);
    const theirs = py[i]!;
    const oursSyntax = ours === 'SyntaxError' || ours === 'IndentationError';
    if (theirs.kind === 'ok') {
      if (oursSyntax) t.wrong.push(`${labels[i]}: valid Python reported as ${ours}`);
      return;
    }
    if (!oursSyntax) {
      t.refusedErrors++;
      if (ours === 'ok') t.wrong.push(`${labels[i]}: ran a script CPython rejects`);
      return;
    }
    t.caught++;
    if (ours === theirs.kind) t.sameKind++;
    const line = /line (\d+)/.exec(runPython(src).stderr)?.[1];
    if (Number(line) === theirs.line) t.sameLine++;
  });
  return t;
}

describe('compile errors: SyntaxError only where CPython raises one', () => {
  const base = validPrograms();

  it.skipIf(!hasPython3())(
    'every tutorial program is valid Python: none is a SyntaxError',
    () => {
      expect(
        tally(
          base,
          base.map((_, i) => `program ${i}`),
        ).wrong,
      ).toEqual([]);
    },
    120_000,
  );

  const check = (seeds: number[]): void => {
    const t = tally(
      seeds.map((s) => mutant(base, s)),
      seeds.map((s) => `mutant seed ${s}`),
    );
    console.info(
      `mutants: ${t.caught} real errors reported as errors (${t.sameKind} of CPython's kind, ${t.sameLine} on its line), ${t.refusedErrors} refused as unsupported`,
    );
    expect(t.wrong).toEqual([]);
    // Most real errors are recognised (the rest are inside f-strings and similar).
    expect(t.caught).toBeGreaterThan(t.refusedErrors * 10);
  };

  it.skipIf(!hasPython3())(
    '1500 fixed mutants',
    () => {
      check(Array.from({ length: 1500 }, (_, i) => 1 + i));
    },
    120_000,
  );

  it.skipIf(!hasPython3())(
    '1000 fresh mutants',
    () => {
      const base0 = (Date.now() % 1_000_000_000) * 11;
      console.info(`mutant seeds ${base0}..${base0 + 999}`);
      check(Array.from({ length: 1000 }, (_, i) => base0 + i));
    },
    120_000,
  );
});
