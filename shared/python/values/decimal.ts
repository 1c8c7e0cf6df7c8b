/**
 * Exact decimal digits of a finite double, rounded half to even on its exact binary value (what
 * CPython's correctly rounded dtoa gives; JS toFixed/toExponential round ties away from zero).
 */
import { floatParts } from './float.ts';

/** round(num/den) half to even, num >= 0, den > 0. */
function roundRatio(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** |x| * 10**shift rounded to an integer (half even). */
function scaledRound(x: number, shift: number): bigint {
  const { mant, exp } = floatParts(Math.abs(x));
  let num = mant;
  let den = 1n;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else den = 10n ** BigInt(-shift);
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  return roundRatio(num, den);
}

/** Digits of |x| with exactly `places` digits after the point: "123.40" for places 2. */
export function fixedDigits(x: number, places: number): string {
  const k = scaledRound(x, places).toString();
  if (places === 0) return k;
  const padded = k.padStart(places + 1, '0');
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/**
 * |x| rounded to `sig` significant digits: the digit string (length sig) and the decimal
 * exponent of its first digit. Zero gives ("000…", 0).
 */
export function significantDigits(x: number, sig: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(sig), exp: 0 };
  let e = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const k = scaledRound(x, sig - 1 - e);
    const text = k.toString();
    if (text.length > sig) e++;
    else if (text.length < sig) e--;
    else return { digits: text, exp: e };
  }
}
