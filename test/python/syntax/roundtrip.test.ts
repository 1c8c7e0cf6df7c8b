/**
 * Randomized round trip: seeded random programs (generate.ts) parse exactly as CPython parses
 * them. PARSER_SEED=n picks another seed; a failure names the seed and the program.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPython3 } from '../helpers/cpython.ts';
import { firstDifference, ourAst } from './compare.ts';
import { ProgramGenerator } from './generate.ts';
import { cpythonAst } from './pyast.ts';

const SEED = Number(process.env.PARSER_SEED ?? 20261203);
const COUNT = 3000;

describe.skipIf(!hasPython3())(`random programs (seed ${SEED})`, () => {
  const gen = new ProgramGenerator(SEED);
  const sources = Array.from({ length: COUNT }, () => gen.program());
  let expected: unknown[] = [];
  // One python3 process for all sources; slow only on a loaded machine, cached afterwards.
  beforeAll(() => {
    expected = cpythonAst(sources);
  }, 300_000);

  it(`${COUNT} programs, all valid Python, parse as CPython parses them`, () => {
    const invalid = expected.filter((e) => typeof e === 'object' && e !== null && 'error' in e);
    expect(invalid.length).toBe(0);
    const failures = sources.flatMap((src, i) => {
      const diff = firstDifference(ourAst(src), expected[i]);
      return diff === null ? [] : [`program ${i}: ${diff}\n${src}`];
    });
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
