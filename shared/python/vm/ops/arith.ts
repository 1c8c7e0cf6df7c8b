/**
 * Operators: BINARY_OP (with user dunders and their reflections), unary operators, COMPARE_OP,
 * truth value, `in`. Number semantics come from the value layer (values/). Results are new
 * references; operands are borrowed.
 */
import { weakrefComparison } from '../weakref.ts';
import {
  binaryOp as numBinary,
  negate,
  positive,
  invert,
  numRichCompare,
  cmpResult,
} from '../../values/index.ts';
import type { BinaryOp, CompareOp } from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { bool, newFloat, newInt, PyFloat, PyInt, PyStr, S } from '../scalars.ts';
import { T } from '../registry.ts';
import { OP } from '../eval/opcodes.ts';
import { PyMethod } from '../callables.ts';
import { callSpecial } from './call.ts';
import { valueOp } from './valueerr.ts';
import { seqBinary, seqCompare, seqContains, seqInplace } from './seqops.ts';
import { len } from './seq.ts';

const NB: [string, string][] = [
  ['+', 'add'],
  ['&', 'and'],
  ['//', 'floordiv'],
  ['<<', 'lshift'],
  ['@', 'matmul'],
  ['*', 'mul'],
  ['%', 'mod'],
  ['|', 'or'],
  ['**', 'pow'],
  ['>>', 'rshift'],
  ['-', 'sub'],
  ['/', 'truediv'],
  ['^', 'xor'],
];

function isNum(o: PyObject): o is PyInt | PyFloat {
  return o instanceof PyInt || o instanceof PyFloat;
}

function numOf(o: PyInt | PyFloat): bigint | number | boolean {
  if (o.type === T.bool) return o.v !== 0n;
  return o.v;
}

export function boxNum(v: bigint | number): PyObject {
  return typeof v === 'bigint' ? newInt(v) : newFloat(v);
}

function intBitwise(sym: string, a: bigint, b: bigint): bigint {
  switch (sym) {
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '<<':
      if (b < 0n) raise('ValueError', 'negative shift count');
      return a << b;
    default:
      if (b < 0n) raise('ValueError', 'negative shift count');
      return a >> b;
  }
}

function nativeBinary(sym: string, l: PyObject, r: PyObject): PyObject | null {
  if (isNum(l) && isNum(r)) {
    if (sym === '&' || sym === '|' || sym === '^' || sym === '<<' || sym === '>>') {
      if (!(l instanceof PyInt && r instanceof PyInt)) return null;
      const v = intBitwise(sym, l.v, r.v);
      if (l.type === T.bool && r.type === T.bool && sym !== '<<' && sym !== '>>')
        return bool(v !== 0n);
      return newInt(v);
    }
    if (sym === '@') return null;
    return boxNum(valueOp(() => numBinary(sym as BinaryOp, numOf(l), numOf(r))));
  }
  return seqBinary(sym, l, r);
}

function binaryDunder(l: PyObject, r: PyObject, name: string): PyObject | null {
  const res = callSpecial(l, `__${name}__`, [r]);
  if (res !== null && res !== S.NotImplemented) return res;
  if (res) decref(res);
  if (l.type !== r.type) {
    const rr = callSpecial(r, `__r${name}__`, [l]);
    if (rr !== null && rr !== S.NotImplemented) return rr;
    if (rr) decref(rr);
  }
  return null;
}

export function binaryOp(arg: number, l: PyObject, r: PyObject): PyObject {
  const inplace = arg >= 13;
  const [sym, name] = NB[inplace ? arg - 13 : arg]!;
  if (inplace && l.type.isHeap) {
    const res = callSpecial(l, `__i${name}__`, [r]);
    if (res !== null && res !== S.NotImplemented) return res;
    if (res) decref(res);
  }
  if (inplace) {
    const res = seqInplace(sym, l, r);
    if (res) return res;
  }
  const heap = l.type.isHeap || r.type.isHeap;
  const native = heap ? null : nativeBinary(sym, l, r);
  if (native) return native;
  const viaDunder = heap ? binaryDunder(l, r, name) : null;
  if (viaDunder) return viaDunder;
  // Instances of builtin subclasses without the dunder use the builtin's slot.
  const inherited = heap ? nativeBinary(sym, l, r) : null;
  if (inherited) return inherited;
  const shown = inplace ? `${sym}=` : sym;
  if (sym === '+' && (l instanceof PyStr || l.type === T.list || l.type === T.tuple) && !inplace) {
    raise(
      'TypeError',
      `can only concatenate ${l.type.name} (not "${r.type.name}") to ${l.type.name}`,
    );
  }
  raise(
    'TypeError',
    `unsupported operand type(s) for ${shown}: '${l.type.name}' and '${r.type.name}'`,
  );
}

export function unaryOp(op: number, v: PyObject): PyObject {
  const name = op === OP.UNARY_NEGATIVE ? 'neg' : op === OP.UNARY_POSITIVE ? 'pos' : 'invert';
  if (isNum(v)) {
    const x = numOf(v);
    if (op === OP.UNARY_NEGATIVE) return boxNum(negate(x));
    if (op === OP.UNARY_POSITIVE) return boxNum(positive(x));
    if (v instanceof PyInt) return newInt(invert(x));
  }
  const res = callSpecial(v, `__${name}__`, []);
  if (res) return res;
  const sym = op === OP.UNARY_NEGATIVE ? '-' : op === OP.UNARY_POSITIVE ? '+' : '~';
  raise('TypeError', `bad operand type for unary ${sym}: '${v.type.name}'`);
}

const CMP: CompareOp[] = ['<', '<=', '==', '!=', '>', '>='];
const CMP_NAME = ['lt', 'le', 'eq', 'ne', 'gt', 'ge'];
const REFLECT = [4, 5, 2, 3, 0, 1];

/** PyObject_RichCompare: a new reference (usually a bool). */
export function richCompare(l: PyObject, r: PyObject, arg: number): PyObject {
  // weakref_richcompare / proxy_richcompare: refs by their referents, proxies as their targets.
  const weak = weakrefComparison(l, r, arg);
  if (weak) {
    if ('same' in weak) return bool(arg === 2 ? weak.same : !weak.same);
    return richCompare(weak.operands[0], weak.operands[1], arg);
  }
  if (l.type.isHeap || r.type.isHeap) {
    const reflectedFirst = r.type !== l.type && r.type.isSubtype(l.type);
    const order: [PyObject, PyObject, number][] = reflectedFirst
      ? [
          [r, l, REFLECT[arg]!],
          [l, r, arg],
        ]
      : [
          [l, r, arg],
          [r, l, REFLECT[arg]!],
        ];
    for (const [a, b, k] of order) {
      const res = callSpecial(a, `__${CMP_NAME[k]}__`, [b]);
      if (res !== null && res !== S.NotImplemented) return res;
      if (res) decref(res);
      if (k === 3 && a.type.isHeap && a.type.lookup('__eq__')) {
        const eq = callSpecial(a, '__eq__', [b]);
        if (eq !== null && eq !== S.NotImplemented) {
          const t = isTrue(eq);
          decref(eq);
          return bool(!t);
        }
        if (eq) decref(eq);
      }
    }
    const inherited = nativeCompare(l, r, arg);
    if (inherited !== null) return bool(inherited);
  } else {
    const native = nativeCompare(l, r, arg);
    if (native !== null) return bool(native);
  }
  if (arg === 2) return bool(l === r);
  if (arg === 3) return bool(l !== r);
  raise(
    'TypeError',
    `'${CMP[arg]}' not supported between instances of '${l.type.name}' and '${r.type.name}'`,
  );
}

function nativeCompare(l: PyObject, r: PyObject, arg: number): boolean | null {
  const op = CMP[arg]!;
  if (isNum(l) && isNum(r)) return numRichCompare(op, numOf(l), numOf(r));
  if (l instanceof PyStr && r instanceof PyStr) {
    const c = l.v < r.v ? -1 : l.v > r.v ? 1 : 0;
    return cmpResult(op, c);
  }
  // meth_richcompare: bound methods are equal when function and `self` are the same objects.
  if (l instanceof PyMethod && r instanceof PyMethod && (arg === 2 || arg === 3)) {
    return (l.func === r.func && l.self === r.self) === (arg === 2);
  }
  return seqCompare(l, r, arg);
}

export function compareOp(arg: number, l: PyObject, r: PyObject): PyObject {
  return richCompare(l, r, arg);
}

/** PyObject_RichCompareBool(==): identity first, as containers do. */
export function eq(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  const r = richCompare(a, b, 2);
  const t = isTrue(r);
  decref(r);
  return t;
}

export function isTrue(o: PyObject): boolean {
  if (o === S.True) return true;
  if (o === S.False || o === S.None) return false;
  if (o instanceof PyInt) return o.v !== 0n;
  if (o instanceof PyFloat) return o.v !== 0;
  if (o instanceof PyStr) return o.v.length > 0;
  if (o.type.isHeap) {
    const b = callSpecial(o, '__bool__', []);
    if (b) {
      if (b !== S.True && b !== S.False) {
        decref(b);
        raise('TypeError', `__bool__ should return bool, returned ${b.type.name}`);
      }
      return b === S.True;
    }
  }
  const n = len(o, true);
  return n === null ? true : n > 0;
}

export function contains(container: PyObject, item: PyObject): boolean {
  const r = callSpecial(container, '__contains__', [item]);
  if (r) {
    const t = isTrue(r);
    decref(r);
    return t;
  }
  return seqContains(container, item);
}
