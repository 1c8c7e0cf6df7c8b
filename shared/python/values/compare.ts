/**
 * Numeric comparisons with CPython's exactness: an int and a float compare by their exact
 * values (2**53 + 1 != 2.0**53), never by converting the int to float.
 */
import { asIntOrFloat } from './errors.ts';
import type { Num } from './errors.ts';

export type CompareOp = '<' | '<=' | '==' | '!=' | '>' | '>=';

/** Sign of a - b, or null when unordered (a NaN is involved). */
export function numCompare(left: Num, right: Num): -1 | 0 | 1 | null {
  const a = asIntOrFloat(left);
  const b = asIntOrFloat(right);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return null;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number') {
    const c = intVsFloat(b as bigint, a);
    return c === null ? null : (-c as -1 | 0 | 1);
  }
  return intVsFloat(a, b as number);
}

function intVsFloat(i: bigint, f: number): -1 | 0 | 1 | null {
  if (Number.isNaN(f)) return null;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const whole = BigInt(Math.floor(f));
  if (i < whole) return -1;
  if (i > whole) return 1;
  return Number.isInteger(f) ? 0 : -1;
}

export function numRichCompare(op: CompareOp, a: Num, b: Num): boolean {
  const c = numCompare(a, b);
  if (c === null) return op === '!=';
  return cmpResult(op, c);
}

/** What a rich comparison answers given a three-way comparison `c` (<0, 0, >0). */
export function cmpResult(op: CompareOp, c: number): boolean {
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}
