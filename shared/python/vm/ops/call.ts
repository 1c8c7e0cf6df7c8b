/**
 * Calling objects. Contract of `call`: it STEALS the references in `args` (positional values,
 * then the values of the keyword arguments named by `kwnames`), like 3.11's CALL moving
 * arguments into the callee's frame; a native function sees them borrowed and they are dropped
 * after it returns. Returns a new reference.
 */
import { raise } from '../errors.ts';
import { decref, incref, type PyObject } from '../object.ts';
import { PyBuiltin, PyFunction, PyMethod, PyMethodDescr, type Kwargs } from '../callables.ts';
import { PyType } from '../type.ts';
import { PyInstance } from '../instance.ts';
import { S } from '../scalars.ts';
import { PyWeakref } from '../weakref.ts';
import { T } from '../registry.ts';
import { callPython } from '../eval/invoke.ts';
import { isVarargs, usesTpCall, withArgObjects, withUnpackedKeywords } from './tpcall.ts';
import { classCall } from '../classcall.ts';
import { asSubInstance } from '../subinstance.ts';

export function call(
  callable: PyObject,
  args: PyObject[],
  kwnames: string[] | null = null,
): PyObject {
  if (callable instanceof PyFunction) return callPython(callable, args, kwnames);
  if (callable instanceof PyWeakref) return callWeakref(callable, args, kwnames);
  if (callable instanceof PyMethod) {
    callable.self.rc++;
    args.unshift(callable.self);
    return call(callable.func, args, kwnames);
  }
  if (callable instanceof PyBuiltin) return callNative(callable.fn, args, kwnames, callable.self);
  if (callable instanceof PyMethodDescr) {
    const self = args[0];
    if (!self || !self.type.isSubtype(callable.owner)) {
      dropAll(args);
      raise(
        'TypeError',
        `descriptor '${callable.name}' requires a '${callable.owner.name}' object`,
      );
    }
    const rest = args.slice(1);
    try {
      return callNative(callable.fn, rest, kwnames, self);
    } finally {
      decref(self);
    }
  }
  if (callable instanceof PyType) {
    if (args.length === 0 || !usesTpCall(callable)) return typeCall(callable, args, kwnames);
    return tpCall(callable, args, kwnames);
  }
  if (callable instanceof PyWeakref) {
    if (callable.kind === 'ref') {
      if (args.length > 0) {
        dropAll(args);
        raise('TypeError', `weakref() takes no arguments (${args.length} given)`);
      }
      return callable.deref(S.None);
    }
    return call(incref(callable.target()), args, kwnames);
  }
  const dunder = callable instanceof PyInstance ? callable.cls.lookup('__call__') : null;
  if (dunder) {
    callable.rc++;
    args.unshift(callable);
    return call(dunder, args, kwnames);
  }
  dropAll(args);
  raise('TypeError', `'${callable.type.name}' object is not callable`);
}

/** `wr()` → the referent or None (weakref_call); a callable proxy forwards the call (vmgc). */
function callWeakref(wr: PyWeakref, args: PyObject[], kwnames: string[] | null): PyObject {
  if (wr.kind === 'ref') {
    dropAll(args);
    if (args.length > 0) raise('TypeError', `weakref() takes no arguments`);
    return wr.deref(S.None);
  }
  let target;
  try {
    target = wr.target();
  } catch (e) {
    dropAll(args);
    throw e;
  }
  target.rc++;
  try {
    return call(target, args, kwnames);
  } finally {
    decref(target);
  }
}

function dropAll(args: PyObject[]): void {
  for (const a of args) decref(a);
}

function callNative(
  fn: (args: PyObject[], kw: Kwargs, self: PyObject | null) => PyObject,
  args: PyObject[],
  kwnames: string[] | null,
  self: PyObject | null,
): PyObject {
  if (isVarargs(fn) && args.length > 0) {
    try {
      return withArgObjects(args, kwnames, () =>
        callNativePlain(fn, args.map(incref), kwnames, self),
      );
    } finally {
      dropAll(args);
    }
  }
  return callNativePlain(fn, args, kwnames, self);
}

function callNativePlain(
  fn: (args: PyObject[], kw: Kwargs, self: PyObject | null) => PyObject,
  args: PyObject[],
  kwnames: string[] | null,
  self: PyObject | null,
): PyObject {
  let pos = args;
  let kw: Kwargs = null;
  if (kwnames && kwnames.length > 0) {
    pos = args.slice(0, args.length - kwnames.length);
    kw = new Map();
    kwnames.forEach((n, i) => kw!.set(n, args[pos.length + i]!));
  }
  try {
    return fn(pos, kw, self);
  } finally {
    dropAll(args);
  }
}

/** Calls with borrowed arguments (increfs them first). */
export function callBorrowed(callable: PyObject, args: PyObject[]): PyObject {
  for (const a of args) a.rc++;
  return call(callable, args);
}

/**
 * Calls a special method defined in Python on `o`'s class (`__repr__`, `__eq__`, ...), with
 * borrowed arguments. Null when the class defines none (builtin behaviour applies).
 */
export function callSpecial(o: PyObject, name: string, args: PyObject[]): PyObject | null {
  const t = o.type;
  if (!t.isHeap) return null;
  const f = t.lookup(name);
  if (f === null || f instanceof PyMethodDescr) return null;
  o.rc++;
  for (const a of args) a.rc++;
  if (f instanceof PyFunction) return callPython(f, [o, ...args], null);
  f.rc++;
  try {
    return call(f, [o, ...args]);
  } finally {
    decref(f);
  }
}

/**
 * A special method a builtin subclass defines in Python (`class Stack(list): def __len__...`),
 * called before the builtin behaviour its instances otherwise keep; null for other objects.
 */
export function callOverride(o: PyObject, name: string, args: PyObject[]): PyObject | null {
  return o.gc !== null && asSubInstance(o) ? callSpecial(o, name, args) : null;
}

/**
 * _PyObject_MakeTpCall (tpcall.ts): the type reads a tuple (and dict) of the arguments while the
 * caller's references stay until typeCall drops them (classcall.ts keeps them through __init__).
 */
function tpCall(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  return withArgObjects(args, kwnames, () => {
    if (t.isHeap && kwnames && kwnames.length > 0) {
      return withUnpackedKeywords(args, kwnames, () => typeCall(t, args, kwnames));
    }
    return typeCall(t, args, kwnames);
  });
}

/**
 * CALL_FUNCTION_EX with keywords: PyObject_Call hands a type the caller's own tuple and dict, so
 * no argument objects are made; the VM's copies stand for `_PyStack_UnpackDict`'s. Without
 * keywords a class is called with borrowed items instead (eval/ops-func.ts).
 */
export function callWithTuple(
  callable: PyObject,
  args: PyObject[],
  kwnames: string[] | null,
): PyObject {
  if (callable instanceof PyType) return typeCall(callable, args, kwnames);
  return call(callable, args, kwnames);
}

/** type_call: `Cls(args)` — builtin constructors, or a new instance and its `__init__`. */
function typeCall(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (!t.isHeap) {
    if (t === T.type && args.length === 1 && !kwnames) {
      const r = args[0]!.type;
      r.rc++;
      dropAll(args);
      return r;
    }
    if (!t.construct) {
      dropAll(args);
      raise('TypeError', `cannot create '${t.name}' instances`);
    }
    const construct = t.construct;
    return callNative((a, kw) => construct(t, a, kw), args, kwnames, null);
  }
  return classCall(t, args, kwnames);
}
