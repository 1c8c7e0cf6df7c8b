/**
 * float repr and exact float <-> int/rational conversions. repr is CPython's `float_repr`:
 * shortest round-trip digits (JS's Number#toString picks the same digits), fixed notation for
 * 1e-4 <= |x| < 1e16, else `d.ddde+XX` with at least two exponent digits.
 */
import { raise } from './errors.ts';

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  return (neg ? '-' : '') + placeDigits(digits, exp, exp < -4 || exp >= 16);
}

/** Writes digits d1d2d3... (value d1.d2d3 * 10**exp) in fixed or exponent notation. */
export function placeDigits(digits: string, exp: number, scientific: boolean): string {
  if (scientific) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** A finite float as mantissa * 2**exponent with an integer mantissa (exact). */
export function floatParts(x: number): { mant: bigint; exp: number } {
  if (x === 0) return { mant: 0n, exp: 0 };
  let exp = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2; // exact: a double has at most 1074 fractional bits
    exp--;
  }
  const mant = BigInt(m);
  return { mant: x < 0 ? -mant : mant, exp };
}

/** int(x) for a float: truncation toward zero, with CPython's errors for inf and nan. */
export function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) raise('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) raise('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

const TOO_BIG = 2n ** 1024n - 2n ** 970n; // values >= this round to infinity

/** float(n) for an int: correctly rounded (round half even), OverflowError when too large. */
export function intToFloat(n: bigint): number {
  const a = n < 0n ? -n : n;
  if (a >= TOO_BIG) raise('OverflowError', 'int too large to convert to float');
  return Number(n);
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** 2**e as an exact double for -1074 <= e <= 1023, multiplied into m in exact steps. */
function scaleByPow2(m: number, e: number): number {
  let out = m;
  let left = e;
  while (left > 0) {
    const step = Math.min(left, 1000);
    out *= 2 ** step;
    left -= step;
  }
  while (left < 0) {
    const step = Math.max(left, -1000);
    out *= 2 ** step;
    left -= step;
  }
  return out;
}

/**
 * num/den (den > 0) correctly rounded to a double, round half even, subnormals included;
 * Infinity (with the sign) when the rounded value overflows. Mirrors what CPython's
 * `long_true_divide` guarantees; written from the arithmetic, not from its code.
 */
export function ratioToFloat(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const neg = num < 0n;
  const a = neg ? -num : num;
  // value in [2**(e-1), 2**(e+1)); keep 55+ significant bits (or down to 2**-1076)
  const e = bitLength(a) - bitLength(den);
  const lsb = Math.max(e - 58, -1076);
  let q = lsb < 0 ? (a << BigInt(-lsb)) / den : a / (den << BigInt(lsb));
  const exactDen = lsb < 0 ? den : den << BigInt(lsb);
  const rem = lsb < 0 ? (a << BigInt(-lsb)) % den : a % exactDen;
  const msb = bitLength(q) - 1 + lsb; // exponent of the leading bit
  const unit = Math.max(msb - 52, -1074); // exponent of the last kept bit
  const drop = BigInt(unit - lsb);
  const kept = q >> drop;
  const rest = q - (kept << drop);
  const half = 1n << (drop - 1n);
  let m = kept;
  if (rest > half || (rest === half && (rem !== 0n || (kept & 1n) === 1n))) m += 1n;
  q = m;
  const value = scaleByPow2(Number(q), unit);
  return neg ? -value : value;
}
