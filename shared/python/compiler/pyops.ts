/**
 * Python's arithmetic on constants, for the AST optimizer: int (any size), float, bool, str,
 * bytes and tuple operators with CPython's results and ast_opt.c's size limits. `null` means
 * "not folded" (an error at run time, or a result too big to keep as a constant).
 */
import type { CodeConstant } from './code.ts';
import { floatRepr } from '../values/float.ts';

const MAX_INT_SIZE = 128;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;

type Num = bigint | number;

export function asNum(c: CodeConstant): Num | null {
  if (c.t === 'int') return BigInt(c.v);
  if (c.t === 'bool') return c.v ? 1n : 0n;
  if (c.t === 'float') return floatConst(c.v);
  return null;
}

/** A float constant's value: its repr, where `inf` and `nan` are not JavaScript's spelling. */
function floatConst(repr: string): number {
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  if (repr === 'nan') return NaN;
  return Number(repr);
}

function fromNum(v: Num): CodeConstant {
  return typeof v === 'bigint' ? { t: 'int', v: v.toString() } : { t: 'float', v: floatRepr(v) };
}

/** bool() of a constant, or null for a code object (never tested by the compiler). */
export function constTruth(c: CodeConstant): boolean | null {
  switch (c.t) {
    case 'None':
      return false;
    case 'Ellipsis':
      return true;
    case 'bool':
      return c.v;
    case 'int':
      return c.v !== '0';
    case 'float':
      return floatConst(c.v) !== 0;
    case 'complex':
      return Number(c.real) !== 0 || Number(c.imag) !== 0;
    case 'str':
    case 'bytes':
      return c.v.length > 0;
    case 'tuple':
    case 'frozenset':
      return c.items.length > 0;
    default:
      return null;
  }
}

export function unaryOp(op: string, v: CodeConstant): CodeConstant | null {
  if (op === 'Not') {
    // `not` of a complex constant stays unfolded here (complex folding is not modelled).
    const t = v.t === 'complex' ? null : constTruth(v);
    return t === null ? null : { t: 'bool', v: !t };
  }
  const x = asNum(v);
  if (x === null) return null;
  if (op === 'Invert') return typeof x === 'bigint' ? fromNum(~x) : null;
  if (op === 'USub') return fromNum(typeof x === 'bigint' ? -x : -x);
  return fromNum(x);
}

function numBits(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length - (x === 0n ? 1 : 0);
}

export function binaryOp(op: string, l: CodeConstant, r: CodeConstant): CodeConstant | null {
  const a = asNum(l);
  const b = asNum(r);
  if (a !== null && b !== null) {
    if (typeof a === 'bigint' && typeof b === 'bigint') {
      const bothBool = l.t === 'bool' && r.t === 'bool';
      const res = intOp(op, a, b, bothBool);
      return res;
    }
    // an int too big for a float raises OverflowError when mixed with one
    if (!Number.isFinite(Number(a)) || !Number.isFinite(Number(b))) {
      if (typeof a === 'bigint' || typeof b === 'bigint') return null;
    }
    const res = floatOp(op, Number(a), Number(b));
    return res === null ? null : fromNum(res);
  }
  return seqOp(op, l, r);
}

function intOp(op: string, a: bigint, b: bigint, bothBool: boolean): CodeConstant | null {
  const bits = (v: bigint): CodeConstant => (bothBool ? { t: 'bool', v: v !== 0n } : fromNum(v));
  switch (op) {
    case 'Add':
      return fromNum(a + b);
    case 'Sub':
      return fromNum(a - b);
    case 'Mult':
      if (a !== 0n && b !== 0n && numBits(a) + numBits(b) > MAX_INT_SIZE) return null;
      return fromNum(a * b);
    case 'Div':
      if (b === 0n || !Number.isFinite(Number(a)) || !Number.isFinite(Number(b))) return null;
      return fromNum(Number(a) / Number(b));
    case 'FloorDiv':
      return b === 0n ? null : fromNum(floorDiv(a, b));
    case 'Mod':
      return b === 0n ? null : fromNum(a - b * floorDiv(a, b));
    case 'Pow':
      if (b < 0n) return a === 0n ? null : fromNum(Number(a) ** Number(b));
      if (a !== 0n && b > 0n && numBits(a) > MAX_INT_SIZE / Number(b)) return null;
      return fromNum(a ** b);
    case 'LShift':
      if (b < 0n) return null;
      if (a !== 0n && b !== 0n && (b > MAX_INT_SIZE || numBits(a) > MAX_INT_SIZE - Number(b)))
        return null;
      return fromNum(a << b);
    case 'RShift':
      return b < 0n ? null : fromNum(a >> b);
    case 'BitAnd':
      return bits(a & b);
    case 'BitOr':
      return bits(a | b);
    case 'BitXor':
      return bits(a ^ b);
  }
  return null;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function floatOp(op: string, a: number, b: number): number | null {
  switch (op) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mult':
      return a * b;
    case 'Div':
      return b === 0 ? null : a / b;
    case 'FloorDiv':
    case 'Mod': {
      if (b === 0) return null;
      let mod = a % b;
      let div = (a - mod) / b;
      if (mod) {
        if (b < 0 !== mod < 0) {
          mod += b;
          div -= 1;
        }
      } else mod = b < 0 ? -0 : 0;
      if (op === 'Mod') return mod;
      if (div) {
        let floordiv = Math.floor(div);
        if (div - floordiv > 0.5) floordiv += 1;
        return floordiv;
      }
      return a / b < 0 ? -0 : 0;
    }
    case 'Pow':
      if (a < 0 && !Number.isInteger(b)) return null;
      if (a === 0 && b < 0) return null;
      // float ** float that overflows raises OverflowError: not folded
      return Number.isFinite(a ** b) || !Number.isFinite(a) || !Number.isFinite(b) ? a ** b : null;
  }
  return null;
}

function seqOp(op: string, l: CodeConstant, r: CodeConstant): CodeConstant | null {
  if (op === 'Add') {
    if (l.t === 'str' && r.t === 'str') return { t: 'str', v: l.v + r.v };
    if (l.t === 'bytes' && r.t === 'bytes') return { t: 'bytes', v: l.v + r.v };
    if (l.t === 'tuple' && r.t === 'tuple') return { t: 'tuple', items: [...l.items, ...r.items] };
    return null;
  }
  if (op !== 'Mult') return null;
  const [seq, count] = l.t === 'int' || l.t === 'bool' ? [r, l] : [l, r];
  if (count.t !== 'int' && count.t !== 'bool') return null;
  const times = Number(asNum(count));
  if (seq.t === 'str' || seq.t === 'bytes') {
    const size = [...seq.v].length;
    if (size && (times < 0 || times > MAX_STR_SIZE / size)) return null;
    return { t: seq.t, v: seq.v.repeat(Math.max(0, times)) };
  }
  if (seq.t === 'tuple') {
    const size = seq.items.length;
    if (size && (times < 0 || times > MAX_COLLECTION_SIZE / size)) return null;
    const items: CodeConstant[] = [];
    for (let i = 0; i < times; i++) items.push(...seq.items);
    return { t: 'tuple', items };
  }
  return null;
}
