/** Differential: arithmetic, divmod, abs, round, comparisons, hash and conversions vs python3. */
import { describe, expect, it } from 'vitest';
import { absolute, binaryOp, divmod, invert, negate } from '../../../shared/python/values/arith.ts';
import type { BinaryOp } from '../../../shared/python/values/arith.ts';
import { numRichCompare } from '../../../shared/python/values/compare.ts';
import type { CompareOp } from '../../../shared/python/values/compare.ts';
import { Unsupported } from '../../../shared/python/values/errors.ts';
import { floatToInt, intToFloat } from '../../../shared/python/values/float.ts';
import { pyHash } from '../../../shared/python/values/hash.ts';
import { roundTo, roundToInt } from '../../../shared/python/values/round.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import type { Operand } from './numbers.ts';
import { intOperand, randomInt, randomNumber, reprNum } from './numbers.ts';

const BINARY: BinaryOp[] = ['+', '-', '*', '/', '//', '%', '**'];
const COMPARE: CompareOp[] = ['<', '<=', '==', '!=', '>', '>='];

/** ** with a huge int exponent would not finish: keep int exponents small. */
function powSafe(a: Operand, b: Operand): boolean {
  if (typeof b.v !== 'bigint') return true;
  const base = typeof a.v === 'bigint' ? (a.v < 0n ? -a.v : a.v) : 0n;
  return b.v < 200n || base < 2n;
}

function binaryCase(r: Rand): Case | null {
  const a = randomNumber(r);
  const b = r.int(4) === 0 ? intOperand(BigInt(r.int(60) - 20)) : randomNumber(r);
  const op = r.pick(BINARY);
  if (op === '**' && !powSafe(a, b)) return null;
  return { py: `${a.py} ${op} ${b.py}`, ours: () => reprNum(binaryOp(op, a.v, b.v)) };
}

function unaryCase(r: Rand): Case {
  const a = randomNumber(r);
  switch (r.int(8)) {
    case 0:
      return divmodCase(r);
    case 1:
      return { py: `abs(${a.py})`, ours: () => reprNum(absolute(a.v)) };
    case 2:
      return { py: `-${a.py}`, ours: () => reprNum(negate(a.v)) };
    case 3: {
      const n = BigInt(r.int(30) - 10);
      return { py: `round(${a.py}, ${n})`, ours: () => reprNum(roundTo(a.v, n)) };
    }
    case 4:
      return { py: `round(${a.py})`, ours: () => reprNum(roundToInt(a.v)) };
    case 5:
      return typeof a.v === 'number'
        ? { py: `int(${a.py})`, ours: () => reprNum(floatToInt(a.v as number)) }
        : { py: `float(${a.py})`, ours: () => reprNum(intToFloat(BigInt(a.v))) };
    case 6:
      return typeof a.v === 'number'
        ? { py: `${a.py}`, ours: () => reprNum(a.v) }
        : { py: `~${a.py}`, ours: () => reprNum(invert(a.v)) };
    default: {
      const items = [a, randomNumber(r)].filter((x) => !Number.isNaN(x.v));
      return r.int(2)
        ? { py: `hash(${items[0]?.py ?? '0'})`, ours: () => reprNum(pyHash(items[0]?.v ?? 0n)) }
        : {
            py: `hash((${items.map((x) => x.py).join(', ')},))`,
            ours: () => reprNum(pyHash(items.map((x) => x.v))),
          };
    }
  }
}

function divmodCase(r: Rand): Case {
  const a = randomNumber(r);
  const b = randomNumber(r);
  return { py: `divmod(${a.py}, ${b.py})`, ours: () => reprNum(divmod(a.v, b.v)) };
}

function compareCase(r: Rand): Case {
  const a = randomNumber(r);
  const near = typeof a.v === 'bigint' && r.int(2) ? { py: `float(${a.py})`, v: 0 } : null;
  const b = near ?? randomNumber(r);
  const op = r.pick(COMPARE);
  if (near) {
    return {
      py: `${a.py} ${op} ${b.py}`,
      ours: () => reprNum(numRichCompare(op, a.v, intToFloat(a.v as bigint))),
    };
  }
  return { py: `${a.py} ${op} ${b.py}`, ours: () => reprNum(numRichCompare(op, a.v, b.v)) };
}

function bigDivCase(r: Rand): Case {
  const a = randomInt(r) * (r.int(2) ? 1n : r.bigBits(1 + r.int(2000)));
  const b = randomInt(r) * (r.int(2) ? 1n : r.bigBits(1 + r.int(2000)));
  return { py: `(${a}) / (${b})`, ours: () => reprNum(binaryOp('/', a, b)) };
}

function makeCases(seed: number, count: number): Case[] {
  const r = new Rand(seed);
  const cases: Case[] = [];
  const makers = [binaryCase, binaryCase, unaryCase, divmodCase, compareCase, bigDivCase];
  while (cases.length < count) {
    const c = r.pick(makers)(r);
    if (c) cases.push(c);
  }
  return cases.filter((c) => {
    try {
      c.ours();
    } catch (e) {
      if (e instanceof Unsupported) return false;
    }
    return true;
  });
}

describe('numbers match CPython 3.11', () => {
  it('random arithmetic, comparisons, round, hash and conversions', () => {
    const seed = runSeed();
    const cases = makeCases(seed, 4000);
    expect(cases.length).toBeGreaterThan(3500);
    const bad = compareAll(cases, seed);
    expect(`${bad.length} of ${cases.length} differ\n${bad.slice(0, 8).join('\n')}`).toBe(
      `0 of ${cases.length} differ\n`,
    );
  });
});
