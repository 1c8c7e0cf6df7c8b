/**
 * Python's binary and unary arithmetic on int/float/bool (`+ - * / // % **`, divmod, abs,
 * unary -, +, ~): the result type, value and exception CPython 3.11 gives.
 * Mixed int/float converts the int to float first (OverflowError when it cannot).
 */
import { asIntOrFloat, raise, typeName } from './errors.ts';
import type { Num } from './errors.ts';
import { intToFloat, ratioToFloat } from './float.ts';
import { floatDiv, floatDivmod, floatFloorDiv, floatMod, floatPow } from './floatops.ts';

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

function floorDivInt(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function modInt(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

/** int / int, correctly rounded (CPython's `long_true_divide`). */
export function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) raise('ZeroDivisionError', 'division by zero');
  const r = b < 0n ? ratioToFloat(-a, -b) : ratioToFloat(a, b);
  if (!Number.isFinite(r)) {
    raise('OverflowError', 'integer division result too large for a float');
  }
  return r === 0 && a < 0n !== b < 0n ? -0 : r;
}

function intPow(a: bigint, b: bigint): bigint | number {
  if (b < 0n) {
    if (a === 0n) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return floatPow(intToFloat(a), intToFloat(b));
  }
  return a ** b;
}

function intOp(op: BinaryOp, a: bigint, b: bigint): bigint | number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return intTrueDiv(a, b);
    case '//':
      if (b === 0n) raise('ZeroDivisionError', 'integer division or modulo by zero');
      return floorDivInt(a, b);
    case '%':
      if (b === 0n) raise('ZeroDivisionError', 'integer modulo by zero');
      return modInt(a, b);
    case '**':
      return intPow(a, b);
  }
}

function floatOp(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return floatDiv(a, b);
    case '//':
      return floatFloorDiv(a, b);
    case '%':
      return floatMod(a, b);
    case '**':
      return floatPow(a, b);
  }
}

function toFloat(x: bigint | number): number {
  return typeof x === 'number' ? x : intToFloat(x);
}

/** a <op> b for numbers. */
export function binaryOp(op: BinaryOp, left: Num, right: Num): bigint | number {
  const a = asIntOrFloat(left);
  const b = asIntOrFloat(right);
  if (typeof a === 'bigint' && typeof b === 'bigint') return intOp(op, a, b);
  return floatOp(op, toFloat(a), toFloat(b));
}

/** divmod(a, b). */
export function divmod(left: Num, right: Num): [bigint, bigint] | [number, number] {
  const a = asIntOrFloat(left);
  const b = asIntOrFloat(right);
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) raise('ZeroDivisionError', 'integer division or modulo by zero');
    return [floorDivInt(a, b), modInt(a, b)];
  }
  return floatDivmod(toFloat(a), toFloat(b));
}

export function negate(x: Num): bigint | number {
  const v = asIntOrFloat(x);
  return typeof v === 'bigint' ? -v : -v;
}

export function positive(x: Num): bigint | number {
  return asIntOrFloat(x);
}

export function absolute(x: Num): bigint | number {
  const v = asIntOrFloat(x);
  if (typeof v === 'bigint') return v < 0n ? -v : v;
  return Math.abs(v);
}

export function invert(x: Num): bigint {
  const v = asIntOrFloat(x);
  if (typeof v !== 'bigint') raise('TypeError', "bad operand type for unary ~: 'float'");
  return -v - 1n;
}

export { typeName };
