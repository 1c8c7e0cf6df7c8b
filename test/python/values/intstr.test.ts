/** Differential: int(text, base), str(int) and repr(float) against python3. */
import { describe, expect, it } from 'vitest';
import { floatRepr } from '../../../shared/python/values/float.ts';
import { intFromStr, intToStr } from '../../../shared/python/values/int.ts';
import { strRepr } from '../../../shared/python/values/strrepr.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import { floatSource, randomFloat, randomInt } from './numbers.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFXYZ';
const NOISE = [
  ' ',
  '\t',
  '\n',
  '_',
  '__',
  '+',
  '-',
  '0x',
  '0o',
  '0b',
  '0X',
  '\u3000',
  '\x85',
  '\ufeff',
  '.',
  'e',
];

/** Mostly plausible integer literals, with some noise in random places. */
function intText(r: Rand): string {
  let s = '';
  const len = 1 + r.int(r.int(10) === 0 ? 40 : 8);
  if (r.int(3) === 0) s += r.pick([' ', '  ', '\t', '\n ']);
  if (r.int(3) === 0) s += r.pick(['+', '-']);
  if (r.int(4) === 0) s += r.pick(['0x', '0o', '0b', '0X', '0B', '0', '00', '0_']);
  for (let i = 0; i < len; i++) {
    if (r.int(12) === 0) s += r.pick(NOISE);
    else if (r.int(6) === 0) s += '_';
    s += DIGITS[r.int(r.int(3) === 0 ? DIGITS.length : 10)];
  }
  if (r.int(3) === 0) s += r.pick([' ', '\n', '\r\n', '\x1c']);
  return s;
}

function intParseCase(r: Rand): Case {
  const text = intText(r);
  const base = r.pick([10, 10, 0, 0, 2, 8, 16, 36, r.int(40)]);
  const py = `int(${JSON.stringify(text)}, ${base})`;
  return { py, ours: () => intFromStr(text, base).toString() };
}

function longDigitsCase(r: Rand): Case {
  const n = 4290 + r.int(20);
  const neg = r.int(2) === 0;
  if (r.int(2)) {
    const text = (neg ? '-' : '') + '7'.repeat(n);
    return { py: `int('${text}')`, ours: () => intFromStr(text).toString() };
  }
  const value = (neg ? -1n : 1n) * (10n ** BigInt(n) - 1n);
  return { py: `str(${neg ? '-' : ''}(10**${n} - 1))`, ours: () => strRepr(intToStr(value)) };
}

function reprCases(r: Rand): Case {
  if (r.int(2)) {
    const x = randomFloat(r);
    return { py: `str(${floatSource(x)})`, ours: () => strRepr(floatRepr(x)) };
  }
  const n = randomInt(r);
  return { py: `repr(${n})`, ours: () => strRepr(intToStr(n)) };
}

describe('int and float text conversions match CPython 3.11', () => {
  it('int(text, base), str(int) near the 4300-digit limit, repr(float)', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases: Case[] = [];
    for (let i = 0; i < 3000; i++) cases.push(intParseCase(r));
    for (let i = 0; i < 40; i++) cases.push(longDigitsCase(r));
    for (let i = 0; i < 2000; i++) cases.push(reprCases(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 8).join('\n')}`).toBe('0 differ\n');
  });
});
