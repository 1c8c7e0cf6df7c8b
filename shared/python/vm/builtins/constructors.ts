/** Builtin types called as constructors: int(), str(), list(), dict(), range(), ... */
import { intFromStr, floatToInt, intToFloat, stripSpace } from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { Kwargs } from '../callables.ts';
import { PyWrapper } from '../callables.ts';
import { bool, newFloat, newInt, newStr, PyBytes, PyFloat, PyInt, PyStr, S } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyRange } from '../range.ts';
import { T } from '../registry.ts';
import type { PyType } from '../type.ts';
import { str } from '../ops/repr.ts';
import { isTrue } from '../ops/arith.ts';
import { extendList, listFromIterable } from '../ops/iter.ts';
import { callSpecial } from '../ops/call.ts';
import { valueOp } from '../ops/valueerr.ts';
import { asInt, between, noKw } from './helpers.ts';
import { makeSuper } from './classes.ts';
import { dictUpdateFrom } from './dictmethods.ts';
import { setUpdateFrom } from './setmethods.ts';

function intOf(args: PyObject[], kw: Kwargs): PyObject {
  between('int', args, 0, 2);
  const x = args[0];
  const baseO = args[1] ?? kw?.get('base');
  if (!x) return newInt(0);
  if (baseO) {
    if (!(x instanceof PyStr))
      raise('TypeError', "int() can't convert non-string with explicit base");
    return newInt(valueOp(() => intFromStr(x.v, Number(asInt(baseO)))));
  }
  if (x instanceof PyInt) return x.type === T.int ? (x.rc++, x) : newInt(x.v);
  if (x instanceof PyFloat) return newInt(valueOp(() => floatToInt(x.v)));
  if (x instanceof PyStr) return newInt(valueOp(() => intFromStr(x.v, 10)));
  const r = callSpecial(x, '__int__', []) ?? callSpecial(x, '__index__', []);
  if (r) return r;
  raise(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${x.type.name}'`,
  );
}

function floatFromText(s: string): number {
  const t = stripSpace(s).replace(/_/g, '');
  const lower = t.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(lower)) return NaN;
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(t)) {
    raise('ValueError', `could not convert string to float: '${s}'`);
  }
  return Number(t);
}

function floatOf(args: PyObject[], kw: Kwargs): PyObject {
  noKw('float', kw);
  between('float', args, 0, 1);
  const x = args[0];
  if (!x) return newFloat(0);
  if (x instanceof PyFloat) return x.type === T.float ? (x.rc++, x) : newFloat(x.v);
  if (x instanceof PyInt) return newFloat(valueOp(() => intToFloat(x.v)));
  if (x instanceof PyStr) return newFloat(floatFromText(x.v));
  const r = callSpecial(x, '__float__', []);
  if (r) return r;
  raise('TypeError', `float() argument must be a string or a real number, not '${x.type.name}'`);
}

function strOf(args: PyObject[]): PyObject {
  const x = args[0];
  if (!x) return newStr('');
  if (x instanceof PyStr && x.type === T.str) return (x.rc++, x);
  return newStr(str(x));
}

function tupleOf(args: PyObject[]): PyObject {
  const x = args[0];
  if (!x) return newTuple([]);
  if (x instanceof PyTuple && x.type === T.tuple) return (x.rc++, x);
  const l = listFromIterable(x);
  if (l.items.length === 0) {
    decref(l);
    return newTuple([]);
  }
  const items = l.items;
  for (const it of items) it.rc++;
  decref(l);
  return newTuple(items);
}

function listOf(args: PyObject[], kw: Kwargs): PyObject {
  noKw('list', kw);
  between('list', args, 0, 1);
  // list_vectorcall allocates with PyType_GenericAlloc: never from the free list.
  const l = new PyList([], 0, false);
  if (!args[0]) return l;
  try {
    extendList(l, args[0]);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

function setOf(frozen: boolean): (args: PyObject[]) => PyObject {
  return (args) => {
    const s = new PySet(frozen);
    if (args[0]) setUpdateFrom(s, args[0]);
    return s;
  };
}

function dictOf(args: PyObject[], kw: Kwargs): PyObject {
  const d = new PyDict();
  if (args[0]) dictUpdateFrom(d, args[0]);
  if (kw) {
    for (const [k, v] of kw) {
      v.rc++;
      d.set(newStr(k), v);
    }
  }
  return d;
}

function rangeOf(args: PyObject[], kw: Kwargs): PyObject {
  noKw('range', kw);
  if (args.length === 0) raise('TypeError', 'range expected at least 1 argument, got 0');
  if (args.length > 3) raise('TypeError', `range expected at most 3 arguments, got ${args.length}`);
  const n = args.map((a) => asInt(a));
  const [start, stop, step] = n.length === 1 ? [0n, n[0]!, 1n] : [n[0]!, n[1]!, n[2] ?? 1n];
  if (step === 0n) raise('ValueError', 'range() arg 3 must not be zero');
  return new PyRange(start, stop, step);
}

function wrapper(t: () => PyType, n: number): (args: PyObject[]) => PyObject {
  return (args) => {
    const items = Array.from({ length: n }, (_, i) => args[i] ?? null);
    for (const it of items) if (it) it.rc++;
    return new PyWrapper(
      t,
      items.map((x) => (x === S.None ? (decref(x), null) : x)),
    );
  };
}

export function installConstructors(): void {
  T.int.construct = (_t, a, kw) => intOf(a, kw);
  T.bool.construct = (_t, a) => bool(a[0] ? isTrue(a[0]) : false);
  T.float.construct = (_t, a, kw) => floatOf(a, kw);
  T.str.construct = (_t, a) => strOf(a);
  T.tuple.construct = (_t, a) => tupleOf(a);
  T.list.construct = (_t, a, kw) => listOf(a, kw);
  T.set.construct = (_t, a) => setOf(false)(a);
  T.frozenset.construct = (_t, a) => setOf(true)(a);
  T.dict.construct = (_t, a, kw) => dictOf(a, kw);
  T.range.construct = (_t, a, kw) => rangeOf(a, kw);
  T.object.construct = (t, a) => {
    if (a.length > 0) raise('TypeError', 'object() takes no arguments');
    return new (objectInstance())(t);
  };
  T.bytes.construct = (_t, a) => {
    const x = a[0];
    if (!x) return new PyBytes('');
    if (x instanceof PyBytes) return x.type === T.bytes ? (x.rc++, x) : new PyBytes(x.v);
    raise('TypeError', 'cannot convert to bytes');
  };
  T.staticmethod.construct = (_t, a) => wrapper(() => T.staticmethod, 1)(a);
  T.classmethod.construct = (_t, a) => wrapper(() => T.classmethod, 1)(a);
  T.property.construct = (_t, a, kw) => {
    const all = [a[0] ?? kw?.get('fget') ?? null, a[1] ?? kw?.get('fset') ?? null];
    return wrapper(() => T.property, 2)(all.map((x) => x ?? S.None));
  };
  T.super.construct = (_t, a) => makeSuper(a);
}

/** Set by init.ts (avoids an import cycle with instance.ts). */
export const objectInstanceHook = { cls: null as unknown as new (t: PyType) => PyObject };
function objectInstance(): new (t: PyType) => PyObject {
  return objectInstanceHook.cls;
}
