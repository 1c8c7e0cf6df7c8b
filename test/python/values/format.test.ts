/** Differential: format(value, spec) for int, bool, float and str against python3. */
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../shared/python/values/format.ts';
import { strRepr } from '../../../shared/python/values/strrepr.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import { floatSource, randomFloat, randomInt } from './numbers.ts';

const FILLS = ['', '', '', '*', '0', 'x', ' ', '=', 'é'];
const ALIGNS = ['', '', '<', '>', '^', '='];
const TYPES = [
  '',
  '',
  'd',
  'x',
  'X',
  'o',
  'b',
  'c',
  'n',
  'e',
  'E',
  'f',
  'F',
  'g',
  'G',
  '%',
  's',
  'r',
];

/** Mostly well-formed specs, sometimes broken ones. */
function randomSpec(r: Rand): string {
  let s = '';
  const align = r.pick(ALIGNS);
  if (align !== '') s += r.pick(FILLS) + align;
  s += r.pick(['', '', '', '+', '-', ' ']);
  if (r.int(8) === 0) s += 'z';
  if (r.int(5) === 0) s += '#';
  if (r.int(4) === 0) s += '0';
  if (r.int(2) === 0) s += String(r.int(r.int(4) === 0 ? 40 : 12));
  s += r.pick(['', '', '', ',', '_', ',_']);
  if (r.int(3) === 0) s += `.${r.int(r.int(5) === 0 ? 40 : 8)}`;
  s += r.pick(TYPES);
  if (r.int(40) === 0) s += r.pick(['d', ',', '.', 'q']);
  return s;
}

function randomValue(r: Rand): { py: string; v: bigint | number | string | boolean } {
  switch (r.int(6)) {
    case 0:
      return { py: r.int(2) ? 'True' : 'False', v: r.int(2) === 0 };
    case 1:
    case 2: {
      const n = r.int(3) ? BigInt(r.int(200000) - 100000) : randomInt(r) % 10n ** 40n;
      return { py: `(${n})`, v: n };
    }
    case 3: {
      const s = r.pick(['', 'a', 'abc', 'héllo', 'x y', '\u{1f600}z', 'ABCDEFGHIJ']);
      return { py: JSON.stringify(s), v: s };
    }
    default: {
      const x = randomFloat(r);
      return { py: floatSource(x), v: x };
    }
  }
}

function formatCase(r: Rand): Case {
  const value = randomValue(r);
  let v = value.py === 'True' ? true : value.py === 'False' ? false : value.v;
  const spec = randomSpec(r);
  // code points assigned after Unicode 14.0 print differently (see strrepr.ts): stay below
  if (spec.endsWith('c') && typeof v === 'bigint' && v > 0n && v < 2n ** 63n) v %= 0x800n;
  return {
    py: `format(${typeof v === 'bigint' ? `(${v})` : value.py}, ${JSON.stringify(spec)})`,
    ours: () => strRepr(formatValue(v, spec)),
  };
}

describe('format() matches CPython 3.11', () => {
  it('random values and format specs', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 5000 }, () => formatCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 10).join('\n')}`).toBe('0 differ\n');
  });
});
