/**
 * round(x) and round(x, ndigits) as CPython 3.11: half to even on the exact binary value
 * (so round(2.675, 2) == 2.67), the result correctly rounded back to a float.
 */
import { asIntOrFloat, raise } from './errors.ts';
import type { Num } from './errors.ts';
import { floatParts, floatToInt, ratioToFloat } from './float.ts';

/** num/den rounded to an integer, ties to even (den > 0). */
function roundHalfEven(num: bigint, den: bigint): bigint {
  let q = num / den;
  let r = num % den;
  if (r < 0n) {
    q -= 1n;
    r += den;
  }
  const twice = 2n * r;
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** round(x) with no ndigits: an int. */
export function roundToInt(x: Num): bigint {
  const v = asIntOrFloat(x);
  if (typeof v === 'bigint') return v;
  if (!Number.isFinite(v)) return floatToInt(v);
  const { mant, exp } = floatParts(v);
  return exp >= 0 ? mant << BigInt(exp) : roundHalfEven(mant, 1n << BigInt(-exp));
}

const NDIGITS_MAX = 323; // beyond: every float is already exact at that precision
const NDIGITS_MIN = -308; // below: every finite float rounds to zero

/** round(x, ndigits): same type as x (bool gives int). */
export function roundTo(x: Num, ndigits: bigint): bigint | number {
  const v = asIntOrFloat(x);
  if (typeof v === 'bigint') {
    if (ndigits >= 0n) return v;
    const unit = 10n ** -ndigits;
    return roundHalfEven(v, unit) * unit;
  }
  if (!Number.isFinite(v) || v === 0) return v;
  if (ndigits > BigInt(NDIGITS_MAX)) return v;
  if (ndigits < BigInt(NDIGITS_MIN)) return v < 0 ? -0 : 0;
  const n = Number(ndigits);
  const { mant, exp } = floatParts(v);
  // v * 10**n = mant * 2**exp * 10**n as num/den
  let num = mant * (n >= 0 ? 10n ** BigInt(n) : 1n);
  let den = n < 0 ? 10n ** BigInt(-n) : 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  const k = roundHalfEven(num, den);
  const out = n >= 0 ? ratioToFloat(k, 10n ** BigInt(n)) : ratioToFloat(k * 10n ** BigInt(-n), 1n);
  if (!Number.isFinite(out)) raise('OverflowError', 'rounded value too large to represent');
  return out === 0 && v < 0 ? -0 : out;
}
