/**
 * float arithmetic with CPython's results and errors: `float_div`, `float_floor_div`,
 * `float_rem`, `float_divmod`, `float_pow` semantics (the C library's pow is replaced by JS's
 * `**`, which may differ in the last bit for some inputs; special cases follow C99 Annex F).
 */
import { raise, Unsupported } from './errors.ts';

export function floatDiv(a: number, b: number): number {
  if (b === 0) raise('ZeroDivisionError', 'float division by zero');
  return a / b;
}

/** [a // b, a % b] with the sign of the remainder following b (CPython's `_float_div_mod`). */
function divMod(a: number, b: number): [number, number] {
  let mod = a % b; // JS % on numbers is C fmod: exact
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else {
    mod = b < 0 ? -0 : 0;
  }
  let floorDiv: number;
  if (div !== 0) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  }
  return [floorDiv, mod];
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) raise('ZeroDivisionError', 'float floor division by zero');
  return divMod(a, b)[0];
}

export function floatMod(a: number, b: number): number {
  if (b === 0) raise('ZeroDivisionError', 'float modulo');
  return divMod(a, b)[1];
}

export function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) raise('ZeroDivisionError', 'float divmod()');
  return divMod(a, b);
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** a ** b for floats. A negative base to a fractional power is complex in Python: Unsupported. */
export function floatPow(a: number, b: number): number {
  if (b === 0) return 1;
  if (Number.isNaN(a)) return a;
  if (Number.isNaN(b)) return a === 1 ? 1 : b;
  if (!Number.isFinite(b)) {
    const m = Math.abs(a);
    if (m === 1) return 1;
    return b > 0 === m > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(a)) {
    const odd = isOddInteger(b);
    if (b > 0) return odd ? a : Infinity;
    return odd ? (a > 0 ? 0 : -0) : 0;
  }
  if (a === 0) {
    if (b < 0) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return isOddInteger(b) ? a : 0;
  }
  if (a < 0 && !Number.isInteger(b)) throw new Unsupported('complex result of float power');
  if (a === 1) return 1;
  const r = a ** b;
  if (!Number.isFinite(r)) raise('OverflowError', "(34, 'Numerical result out of range')");
  return r;
}
