/** Differential: sys.getsizeof of str/int/float/bytes and the identity of str constants. */
import { describe, expect, it } from 'vitest';
import {
  bytesSizeof,
  intSizeof,
  isInternedConstant,
  isSingletonStr,
  sizeofValue,
} from '../../../shared/python/values/sizes.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import { floatSource, randomFloat, randomInt } from './numbers.ts';

const ALPHABET = ['a', 'Z', '_', '7', ' ', '!', 'é', '\xff', 'ā', '€', '\u{1f600}', '\n', '中'];

function randomText(r: Rand): string {
  let s = '';
  const n = r.int(r.int(4) === 0 ? 60 : 4);
  for (let i = 0; i < n; i++) s += r.pick(ALPHABET);
  return s;
}

function sizeCase(r: Rand): Case {
  switch (r.int(5)) {
    case 0: {
      const s = randomText(r);
      return {
        py: `__import__('sys').getsizeof(${JSON.stringify(s)})`,
        ours: () => String(sizeofValue(s)),
      };
    }
    case 1: {
      const n = randomInt(r);
      return { py: `__import__('sys').getsizeof(${n})`, ours: () => String(intSizeof(n)) };
    }
    case 2: {
      const x = randomFloat(r);
      return {
        py: `__import__('sys').getsizeof(${floatSource(x)})`,
        ours: () => String(sizeofValue(x)),
      };
    }
    case 3: {
      const n = r.int(100);
      return { py: `__import__('sys').getsizeof(b'x' * ${n})`, ours: () => String(bytesSizeof(n)) };
    }
    default: {
      // the same constant compiled in two code objects: identical iff interned or a singleton
      const s = randomText(r);
      const lit = JSON.stringify(s);
      return {
        py: `eval(compile(${JSON.stringify(`${lit}`)}, 'a', 'eval')) is eval(compile(${JSON.stringify(`${lit}`)}, 'b', 'eval'))`,
        ours: () => (isInternedConstant(s) || isSingletonStr(s) ? 'True' : 'False'),
      };
    }
  }
}

describe('sizes and str identity match CPython 3.11', () => {
  it('sys.getsizeof and constant sharing', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 2000 }, () => sizeCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 10).join('\n')}`).toBe('0 differ\n');
  });
});
