/**
 * Operators on sequences and collections: str/list/tuple concatenation and repetition, str %,
 * set algebra, list += / *=, lexicographic and set comparisons, `in`.
 * Operands borrowed; results new references (null: not handled here).
 */
import { cmpResult, percentFormat } from '../../values/index.ts';
import type { PercentArg } from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, incref, type PyObject } from '../object.ts';
import { newStr, PyFloat, PyInt, PyStr, PyBytes } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyRange } from '../range.ts';
import { T } from '../registry.ts';
import { eq, isTrue, richCompare } from './arith.ts';
import { repr, str } from './repr.ts';
import { valueOp } from './valueerr.ts';
import { extendList, getIter, iterNext } from './iter.ts';
import { PyDictView } from '../views.ts';
import type { CompareOp } from '../../values/index.ts';

function repeat<T>(items: T[], n: bigint): T[] {
  const out: T[] = [];
  for (let i = 0n; i < n; i++) out.push(...items);
  return out;
}

function percentArg(o: PyObject): PercentArg {
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyInt) return o.type === T.bool ? o.v !== 0n : o.v;
  if (o instanceof PyFloat) return o.v;
  return { typeName: o.type.name, str: str(o), repr: repr(o) };
}

function setOf(o: PyObject): PySet | null {
  return o instanceof PySet ? o : null;
}

function setAlgebra(sym: string, a: PySet, b: PySet): PySet | null {
  const out = new PySet(a.frozen);
  const add = (x: PyObject): void => {
    x.rc++;
    out.add(x);
  };
  if (sym === '|') {
    a.ordered().forEach(add);
    b.ordered().forEach(add);
  } else if (sym === '&')
    a.ordered()
      .filter((x) => b.has(x))
      .forEach(add);
  else if (sym === '-')
    a.ordered()
      .filter((x) => !b.has(x))
      .forEach(add);
  else if (sym === '^') {
    a.ordered()
      .filter((x) => !b.has(x))
      .forEach(add);
    b.ordered()
      .filter((x) => !a.has(x))
      .forEach(add);
  } else {
    decref(out);
    return null;
  }
  return out;
}

/**
 * unicode_concat / unicode_repeat / tupleconcat / tuplerepeat return an operand itself when the
 * result would equal it (`s * 1 is s`, `s + '' is s`, `t + () is t`); lists never do.
 */
function sameObjectResult(sym: string, l: PyObject, r: PyObject): PyObject | null {
  const immutable = (o: PyObject): boolean => o.type === T.str || o.type === T.tuple;
  const empty = (o: PyObject): boolean =>
    (o instanceof PyStr && o.v.length === 0) || (o instanceof PyTuple && o.items.length === 0);
  if (sym === '*' && immutable(l) && r instanceof PyInt && r.v === 1n) return l;
  if (sym === '*' && immutable(r) && l instanceof PyInt && l.v === 1n) return r;
  if (sym === '+' && immutable(l) && l.type === r.type) {
    if (empty(r)) return l;
    if (empty(l)) return r;
  }
  return null;
}

export function seqBinary(sym: string, l: PyObject, r: PyObject): PyObject | null {
  const same = sameObjectResult(sym, l, r);
  if (same) {
    same.rc++;
    return same;
  }
  if (l instanceof PyStr) {
    if (sym === '+' && r instanceof PyStr) return newStr(l.v + r.v);
    if (sym === '*' && r instanceof PyInt) return newStr(l.v.repeat(Math.max(0, Number(r.v))));
    if (sym === '%') {
      const args = r instanceof PyTuple ? r.items.map(percentArg) : [percentArg(r)];
      if (r instanceof PyDict) raise('TypeError', 'format requires a mapping');
      return newStr(valueOp(() => percentFormat(l.v, args)));
    }
    return null;
  }
  if (r instanceof PyStr && sym === '*' && l instanceof PyInt)
    return newStr(r.v.repeat(Math.max(0, Number(l.v))));
  if (l instanceof PyList || l instanceof PyTuple) {
    let items: PyObject[] | null = null;
    if (sym === '+' && (l instanceof PyList ? r instanceof PyList : r instanceof PyTuple))
      items = [...l.items, ...(r as PyList).items];
    else if (sym === '*' && r instanceof PyInt) items = repeat(l.items, r.v);
    if (!items) return null;
    for (const x of items) x.rc++;
    return l instanceof PyList ? new PyList(items) : newTuple(items);
  }
  if (r instanceof PyList && sym === '*' && l instanceof PyInt) {
    const items = repeat(r.items, l.v);
    for (const x of items) x.rc++;
    return new PyList(items);
  }
  if (l instanceof PyBytes && r instanceof PyBytes && sym === '+') return new PyBytes(l.v + r.v);
  const a = setOf(l);
  const b = setOf(r);
  if (a && b) return setAlgebra(sym, a, b);
  if (l instanceof PyDict && r instanceof PyDict && sym === '|') {
    const d = new PyDict();
    for (const src of [l, r]) {
      for (const e of src.map.values()) {
        e.k.rc++;
        e.v.rc++;
        d.set(e.k, e.v);
      }
    }
    return d;
  }
  return null;
}

/** list += / *= and set |= -= &= (in place); null when not handled. */
export function seqInplace(sym: string, l: PyObject, r: PyObject): PyObject | null {
  if (l instanceof PyList) {
    if (sym === '+') {
      extendList(l, r);
      l.rc++;
      return l;
    }
    if (sym === '*' && r instanceof PyInt) {
      const items = repeat(l.items, r.v - 1n);
      for (const x of items) x.rc++;
      if (r.v <= 0n) {
        const old = l.items;
        l.items = [];
        l.resize(0);
        for (const x of old) decref(x);
      } else {
        l.resize(l.items.length + items.length);
        l.items.push(...items);
      }
      l.rc++;
      return l;
    }
  }
  if (l instanceof PySet && !l.frozen && r instanceof PySet) {
    if (sym === '|') for (const x of r.ordered()) l.add(incref(x));
    else if (sym === '-') for (const x of r.ordered()) l.discard(x);
    else if (sym === '&')
      for (const x of l.ordered())
        if (!r.has(x)) l.discard(x);
        else return null;
    l.rc++;
    return l;
  }
  return null;
}

const OPS: CompareOp[] = ['<', '<=', '==', '!=', '>', '>='];

export function seqCompare(l: PyObject, r: PyObject, arg: number): boolean | null {
  const op = OPS[arg]!;
  if (
    (l instanceof PyList && r instanceof PyList) ||
    (l instanceof PyTuple && r instanceof PyTuple)
  ) {
    const a = l.items;
    const b = r.items;
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (eq(a[i]!, b[i]!)) continue;
      if (op === '==') return false;
      if (op === '!=') return true;
      const res = richCompare(a[i]!, b[i]!, arg);
      const t = isTrue(res);
      decref(res);
      return t;
    }
    return cmpResult(op, a.length - b.length);
  }
  if (l instanceof PyDict && r instanceof PyDict) {
    if (op !== '==' && op !== '!=') return null;
    let same = l.map.size === r.map.size;
    if (same) {
      for (const [k, e] of l.map) {
        const o = r.map.get(k);
        if (!o || !eq(e.v, o.v)) {
          same = false;
          break;
        }
      }
    }
    return op === '==' ? same : !same;
  }
  if (l instanceof PySet && r instanceof PySet) {
    const sub = [...l.elems.keys()].every((k) => r.elems.has(k));
    const sup = [...r.elems.keys()].every((k) => l.elems.has(k));
    switch (op) {
      case '==':
        return sub && sup;
      case '!=':
        return !(sub && sup);
      case '<=':
        return sub;
      case '<':
        return sub && !sup;
      case '>=':
        return sup;
      default:
        return sup && !sub;
    }
  }
  if (l instanceof PyRange && r instanceof PyRange && (op === '==' || op === '!=')) {
    const same =
      l.length === r.length &&
      (l.length === 0 || (l.start === r.start && (l.length === 1 || l.step === r.step)));
    return op === '==' ? same : !same;
  }
  if (l instanceof PyBytes && r instanceof PyBytes)
    return cmpResult(op, l.v < r.v ? -1 : l.v > r.v ? 1 : 0);
  return null;
}

export function seqContains(c: PyObject, item: PyObject): boolean {
  if (c instanceof PyList || c instanceof PyTuple) return c.items.some((x) => eq(x, item));
  if (c instanceof PyDict) return c.get(item) !== null;
  if (c instanceof PySet) return c.has(item);
  if (c instanceof PyStr) {
    if (!(item instanceof PyStr))
      raise('TypeError', `'in <string>' requires string as left operand, not ${item.type.name}`);
    return c.v.includes(item.v);
  }
  if (c instanceof PyRange && item instanceof PyInt) {
    const { start, step } = c;
    const n = c.length;
    if (n === 0) return false;
    const off = item.v - start;
    if (off % step !== 0n) return false;
    const k = off / step;
    return k >= 0n && k < BigInt(n);
  }
  if (c instanceof PyDictView && c.kind === 'keys') return c.dict.get(item) !== null;
  const it = getIter(c);
  try {
    for (let v = iterNext(it); v !== null; v = iterNext(it)) {
      const found = eq(v, item);
      decref(v);
      if (found) return true;
    }
  } finally {
    decref(it);
  }
  return false;
}
