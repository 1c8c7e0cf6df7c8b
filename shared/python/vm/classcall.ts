/**
 * Calling a class defined in the program (type_call): `__new__` — the class's own (a static
 * method, as type_new makes it) or its builtin layout's tp_new — then, when the result is an
 * instance of the class, `__init__` — the class's own or the layout's tp_init (the builtin
 * `__new__`/`__init__` attributes are in builtins/slotmethods.ts). Arguments: see ops/call.ts.
 */
import { raise } from './errors.ts';
import { decref, type PyObject } from './object.ts';
import { PyBuiltin, PyMethodDescr, PyWrapper, type Kwargs } from './callables.ts';
import type { PyType } from './type.ts';
import { PyException, PyInstance } from './instance.ts';
import { newTuple, PyList, PyTuple } from './containers.ts';
import { PyDict } from './dict.ts';
import { PySet } from './set.ts';
import { newStr, PyBytes, PyFloat, PyInt, PyNone, PyStr } from './scalars.ts';
import { T } from './registry.ts';
import {
  PyBytesSub,
  PyDictSub,
  PyFloatSub,
  PyIntSub,
  PyListSub,
  PySetSub,
  PyStrSub,
  PyTupleSub,
} from './subinstance.ts';
import { call } from './ops/call.ts';
import { extendList } from './ops/iter.ts';
import { dictUpdateFrom } from './builtins/dictmethods.ts';
import { setUpdateFrom } from './builtins/setmethods.ts';

/** The builtin types a class statement may derive from (Py_TPFLAGS_BASETYPE among the VM's). */
export const SUBCLASSABLE = new Set([
  'object',
  'list',
  'dict',
  'set',
  'frozenset',
  'tuple',
  'int',
  'float',
  'str',
  'bytes',
]);

function kwMap(args: PyObject[], kwnames: string[] | null): [PyObject[], Kwargs] {
  if (!kwnames || kwnames.length === 0) return [args, null];
  const n = args.length - kwnames.length;
  const kw = new Map<string, PyObject>();
  kwnames.forEach((name, i) => kw.set(name, args[n + i]!));
  return [args.slice(0, n), kw];
}

/** A builtin value made by the exact type's constructor, for copying into a subtype instance. */
function exactValue(base: PyType, args: PyObject[], kw: Kwargs): PyObject {
  return base.construct!(base, args, kw);
}

/**
 * tp_new of `t`'s builtin layout for the subtype `t`: a new reference. `given` is the caller's
 * own argument tuple when there is one (`E(*t)`): BaseException_new keeps it as `args`.
 */
export function layoutNew(
  t: PyType,
  args: PyObject[],
  kw: Kwargs,
  given: PyTuple | null = null,
): PyObject {
  const layout = t.layout!;
  switch (layout) {
    case T.object:
      return new PyInstance(t);
    case T.BaseException:
      if (given) return new PyException(t, (given.rc++, given));
      for (const a of args) a.rc++;
      return new PyException(t, newTuple(args.slice()));
    case T.list:
      return new PyListSub([]).adopt(t);
    case T.dict:
      return new PyDictSub().adopt(t);
    case T.set:
      return new PySetSub(false).adopt(t);
  }
  const v = exactValue(layout, args, kw);
  try {
    if (v instanceof PySet) {
      const s = new PySetSub(true).adopt(t);
      s.mergeFrom(v);
      return s;
    }
    if (v instanceof PyTuple) return new PyTupleSub(v.items.map((x) => (x.rc++, x))).adopt(t);
    if (v instanceof PyInt) return new PyIntSub(v.v).adopt(t);
    if (v instanceof PyFloat) return new PyFloatSub(v.v).adopt(t);
    if (v instanceof PyStr) return new PyStrSub(v.v).adopt(t);
    if (v instanceof PyBytes) return new PyBytesSub(v.v).adopt(t);
  } finally {
    decref(v);
  }
  raise('TypeError', `cannot create '${t.name}' instances`);
}

/** object_init / object_new's check of surplus arguments. */
export function excessArgs(
  t: PyType,
  args: PyObject[],
  kw: Kwargs,
  who: '__init__' | '__new__',
): void {
  if (args.length === 0 && (!kw || kw.size === 0)) return;
  const ownInit = !(t.lookup('__init__') instanceof PyMethodDescr);
  const ownNew = !(t.lookup('__new__') instanceof PyBuiltin);
  if (who === '__init__') {
    if (ownInit)
      raise(
        'TypeError',
        'object.__init__() takes exactly one argument (the instance to initialize)',
      );
    if (!ownNew)
      raise(
        'TypeError',
        `${t.name}.__init__() takes exactly one argument (the instance to initialize)`,
      );
    return;
  }
  if (ownNew)
    raise('TypeError', 'object.__new__() takes exactly one argument (the type to instantiate)');
  if (!ownInit) raise('TypeError', `${t.name}() takes no arguments`);
}

function noKeywords(name: string, kw: Kwargs): void {
  if (kw && kw.size > 0) raise('TypeError', `${name}() takes no keyword arguments`);
}

function atMostOne(name: string, args: PyObject[]): void {
  if (args.length > 1)
    raise('TypeError', `${name} expected at most 1 argument, got ${args.length}`);
}

/** tp_init of the builtin layout: list/dict/set fill themselves; others check their arguments. */
export function layoutInit(self: PyObject, args: PyObject[], kw: Kwargs): void {
  const t = self.type;
  if (self instanceof PyException) {
    noKeywords(t.name, kw);
    const old = self.args;
    self.args = newTuple(args.map((a) => (a.rc++, a)));
    decref(old);
  } else if (self instanceof PyList) {
    noKeywords('list', kw);
    atMostOne('list', args);
    self.clear();
    if (args[0]) extendList(self, args[0]);
  } else if (self instanceof PyDict) {
    atMostOne('dict', args);
    if (args[0]) dictUpdateFrom(self, args[0]);
    for (const [k, v] of kw ?? []) self.set(newStr(k), (v.rc++, v));
  } else if (self instanceof PySet && !self.frozen) {
    noKeywords('set', kw);
    atMostOne('set', args);
    self.clear();
    if (args[0]) setUpdateFrom(self, args[0]);
  } else if (self instanceof PyInstance) excessArgs(t, args, kw, '__init__');
}

/** The class's `__new__` as a plain callable, or null for a builtin layout's. */
function ownNew(t: PyType): PyObject | null {
  const n = t.lookup('__new__');
  if (n === null || n instanceof PyBuiltin) return null;
  if (n instanceof PyWrapper && n.type === T.staticmethod) return n.items[0] ?? null;
  return n;
}

/** type_call for a heap type; `args` are stolen (positional, then keyword values). */
export function classCall(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  try {
    return classCallBorrowed(t, args, kwnames);
  } finally {
    for (const a of args) decref(a);
  }
}

/**
 * type_call for a heap type with borrowed `args`: `Cls(*t)` passes the items of the caller's
 * tuple `given`, which the VM does not copy (CPython's `_PyObject_Call_Prepend` borrows them too).
 */
export function classCallBorrowed(
  t: PyType,
  args: PyObject[],
  kwnames: string[] | null = null,
  given: PyTuple | null = null,
): PyObject {
  const [pos, kw] = kwMap(args, kwnames);
  const userNew = ownNew(t);
  let self: PyObject;
  if (userNew) {
    self = callPrepend(userNew, t, args, kwnames);
    if (!self.type.isSubtype(t)) return self;
  } else {
    if (t.layout === T.object) excessArgs(t, pos, kw, '__new__');
    self = layoutNew(t, pos, kw, given);
  }
  try {
    runInit(self, args, kwnames, pos, kw);
  } catch (e) {
    decref(self);
    throw e;
  }
  return self;
}

/**
 * `fn(first, *args)` (args borrowed), as slot_tp_new / slot_tp_init call `__new__` / `__init__`
 * (_PyObject_Call_Prepend). With keywords, _PyStack_UnpackDict's copy of the arguments also holds
 * `first` once more (the copies of the others and the names tuple: ops/tpcall.ts).
 */
function callPrepend(
  fn: PyObject,
  first: PyObject,
  args: PyObject[],
  kwnames: string[] | null,
): PyObject {
  const unpacked = kwnames !== null && kwnames.length > 0;
  const all = [first, ...args];
  for (const a of all) a.rc++;
  if (unpacked) first.rc++;
  fn.rc++;
  try {
    return call(fn, all, kwnames);
  } finally {
    decref(fn);
    if (unpacked) decref(first);
  }
}

function runInit(
  self: PyObject,
  args: PyObject[],
  kwnames: string[] | null,
  pos: PyObject[],
  kw: Kwargs,
): void {
  const init = self.type.lookup('__init__');
  if (!init || init instanceof PyMethodDescr) {
    // BaseException_init stores the very args tuple __new__ stored: nothing changes.
    if (self instanceof PyException) noKeywords(self.type.name, kw);
    else layoutInit(self, pos, kw);
    return;
  }
  const r = callPrepend(init, self, args, kwnames);
  if (!(r instanceof PyNone)) {
    const tn = r.type.name;
    decref(r);
    raise('TypeError', `__init__() should return None, not '${tn}'`);
  }
  decref(r);
}
