/**
 * Subscription and length: getItem/setItem/delItem for list, tuple, str, dict, range and user
 * classes (`__getitem__`...), slices, len(). Containers borrowed; results new references.
 */
import { sliceIndices, strLen, codePoints } from '../../values/index.ts';
import { raise, PyRaise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { newInt, newStr, none, PyBytes, PyInt, PyStr, S } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyRange, PySlice } from '../range.ts';
import { PyDictView } from '../views.ts';
import { EXC } from '../registry.ts';
import { PyException } from '../instance.ts';
import { callOverride, callSpecial } from './call.ts';
import { setContext } from './exc.ts';
import { valueOp } from './valueerr.ts';
import { listFromIterable } from './iter.ts';
import { PyType } from '../type.ts';
import { refuse } from '../errors.ts';

export function buildSlice(start: PyObject, stop: PyObject, step: PyObject | null): PySlice {
  return new PySlice(start, stop, step ?? none());
}

function optIndex(o: PyObject): number | null {
  if (o === S.None) return null;
  if (o instanceof PyInt) return Number(o.v);
  raise('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

function sliceOf(s: PySlice, length: number): [number, number, number] {
  return valueOp(() => sliceIndices(length, optIndex(s.start), optIndex(s.stop), optIndex(s.step)));
}

function sliceRange(s: PySlice, length: number): number[] {
  const [a, b, st] = sliceOf(s, length);
  const out: number[] = [];
  if (st > 0) for (let i = a; i < b; i += st) out.push(i);
  else for (let i = a; i > b; i += st) out.push(i);
  return out;
}

function indexOf(o: PyObject, kind: string): number {
  if (o instanceof PyInt) return Number(o.v);
  raise('TypeError', `${kind} indices must be integers or slices, not ${o.type.name}`);
}

function normalize(i: number, length: number, message: string): number {
  const j = i < 0 ? i + length : i;
  if (j < 0 || j >= length) raise('IndexError', message);
  return j;
}

export function keyError(key: PyObject): never {
  key.rc++;
  throw new PyRaise(setContext(new PyException(EXC.KeyError!, newTuple([key]))));
}

/** What `__len__` returned, checked as CPython does (the reference is consumed). */
function lenResult(r: PyObject): number {
  if (!(r instanceof PyInt)) {
    decref(r);
    raise('TypeError', `'${r.type.name}' object cannot be interpreted as an integer`);
  }
  const n = Number(r.v);
  decref(r);
  if (n < 0) raise('ValueError', '__len__() should return >= 0');
  return n;
}

export function getItem(c: PyObject, k: PyObject): PyObject {
  return callOverride(c, '__getitem__', [k]) ?? builtinGetItem(c, k);
}

/** The builtin layout's subscription (`list.__getitem__`...), ignoring a subclass's own. */
export function builtinGetItem(c: PyObject, k: PyObject): PyObject {
  if (c instanceof PyList || c instanceof PyTuple) {
    const kind = c instanceof PyList ? 'list' : 'tuple';
    if (k instanceof PySlice) {
      const items = sliceRange(k, c.items.length).map((i) => c.items[i]!);
      for (const x of items) x.rc++;
      return c instanceof PyList ? new PyList(items) : newTuple(items);
    }
    const v = c.items[normalize(indexOf(k, kind), c.items.length, `${kind} index out of range`)]!;
    v.rc++;
    return v;
  }
  if (c instanceof PyDict) {
    const v = c.get(k);
    if (v) {
      v.rc++;
      return v;
    }
    if (c.type.isHeap) {
      const m = callSpecial(c, '__missing__', [k]);
      if (m) return m;
    }
    keyError(k);
  }
  if (c instanceof PyStr) {
    if (k instanceof PySlice) {
      const cps = codePoints(c.v);
      return newStr(
        sliceRange(k, cps.length)
          .map((i) => cps[i])
          .join(''),
      );
    }
    const cps = c.v.length === strLen(c.v) ? null : codePoints(c.v);
    const n = cps ? cps.length : c.v.length;
    const i = normalize(indexOf(k, 'string'), n, 'string index out of range');
    return newStr(cps ? cps[i]! : c.v[i]!);
  }
  if (c instanceof PyRange) {
    const n = c.length;
    if (k instanceof PySlice) {
      // compute_slice: a range of the selected positions.
      const [a, b, st] = sliceOf(k, n);
      const at = (i: number): bigint => c.start + BigInt(i) * c.step;
      return new PyRange(at(a), at(b), c.step * BigInt(st));
    }
    const i = normalize(indexOf(k, 'range'), n, 'range object index out of range');
    return newInt(c.start + BigInt(i) * c.step);
  }
  if (c instanceof PyBytes) {
    const i = normalize(indexOf(k, 'byte'), c.v.length, 'index out of range');
    return newInt(c.v.charCodeAt(i));
  }
  const r = callSpecial(c, '__getitem__', [k]);
  if (r) return r;
  if (c instanceof PyType) refuse('subscripting a type (generic alias)');
  raise('TypeError', `'${c.type.name}' object is not subscriptable`);
}

/** `c[k] = v` with `v` borrowed. */
export function setItem(c: PyObject, k: PyObject, v: PyObject): void {
  const own = callOverride(c, '__setitem__', [k, v]);
  if (own) decref(own);
  else builtinSetItem(c, k, v);
}

/** The builtin layout's item assignment, ignoring a subclass's own `__setitem__`. */
export function builtinSetItem(c: PyObject, k: PyObject, v: PyObject): void {
  if (c instanceof PyList) {
    if (k instanceof PySlice) {
      assignSlice(c, k, v);
      return;
    }
    const i = normalize(indexOf(k, 'list'), c.items.length, 'list assignment index out of range');
    const old = c.items[i]!;
    v.rc++;
    c.items[i] = v;
    decref(old);
    return;
  }
  if (c instanceof PyDict) {
    k.rc++;
    v.rc++;
    c.set(k, v);
    return;
  }
  const r = callSpecial(c, '__setitem__', [k, v]);
  if (r) {
    decref(r);
    return;
  }
  raise('TypeError', `'${c.type.name}' object does not support item assignment`);
}

function assignSlice(c: PyList, k: PySlice, v: PyObject): void {
  const [a, b, st] = sliceOf(k, c.items.length);
  if (st !== 1) refuse('extended slice assignment');
  const src = listFromIterable(v);
  const items = src.items;
  for (const x of items) x.rc++;
  decref(src);
  const removed = c.items.splice(a, Math.max(0, b - a), ...items);
  c.resize(c.items.length);
  for (const x of removed) decref(x);
}

export function delItem(c: PyObject, k: PyObject): void {
  const own = callOverride(c, '__delitem__', [k]);
  if (own) decref(own);
  else builtinDelItem(c, k);
}

/** The builtin layout's item deletion, ignoring a subclass's own `__delitem__`. */
export function builtinDelItem(c: PyObject, k: PyObject): void {
  if (c instanceof PyList) {
    if (k instanceof PySlice) {
      const idx = sliceRange(k, c.items.length).sort((x, y) => y - x);
      const removed: PyObject[] = [];
      for (const i of idx) removed.push(...c.items.splice(i, 1));
      c.resize(c.items.length);
      for (const x of removed) decref(x);
      return;
    }
    const i = normalize(indexOf(k, 'list'), c.items.length, 'list assignment index out of range');
    const [old] = c.items.splice(i, 1);
    c.resize(c.items.length);
    decref(old!);
    return;
  }
  if (c instanceof PyDict) {
    const e = c.take(k);
    if (!e) keyError(k);
    decref(e.k);
    decref(e.v);
    return;
  }
  const r = callSpecial(c, '__delitem__', [k]);
  if (r) {
    decref(r);
    return;
  }
  raise('TypeError', `'${c.type.name}' object doesn't support item deletion`);
}

/** len(o); with `soft`, null when the object has no length. */
export function len(o: PyObject, soft = false): number | null {
  const own = callOverride(o, '__len__', []);
  if (own) return lenResult(own);
  return builtinLen(o, soft);
}

/** The builtin layout's length, ignoring a subclass's own `__len__`. */
export function builtinLen(o: PyObject, soft = false): number | null {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyStr) return strLen(o.v);
  if (o instanceof PyDict) return o.map.size;
  if (o instanceof PyDictView) return o.dict.map.size;
  if (o instanceof PySet) return o.elems.size;
  if (o instanceof PyRange) return o.length;
  if (o instanceof PyBytes) return o.v.length;
  const r = callSpecial(o, '__len__', []);
  if (r) return lenResult(r);
  if (soft) return null;
  raise('TypeError', `object of type '${o.type.name}' has no len()`);
}
