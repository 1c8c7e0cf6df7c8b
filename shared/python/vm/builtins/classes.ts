/**
 * `class` statements (`__build_class__`: run the body in a fresh namespace, then make the type
 * from a copy of it, as type_new does) and zero-argument `super()`.
 */
import { raise, refuse } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { Kwargs } from '../callables.ts';
import { PyCell, PyFunction, PyWrapper } from '../callables.ts';
import { PyDict } from '../dict.ts';
import { PyType, readyHeapType } from '../type.ts';
import { PyDescriptor } from '../descr.ts';
import { newStr, none, PyStr } from '../scalars.ts';
import { PyList, PyTuple } from '../containers.ts';
import { T } from '../registry.ts';
import { Frame } from '../frame.ts';
import { runFrame } from '../eval/loop.ts';
import { call } from '../ops/call.ts';
import { bindWrapper } from '../ops/attr.ts';
import { SUBCLASSABLE } from '../classcall.ts';
import { vm } from '../state.ts';
import { PyMethod } from '../callables.ts';
import { PyBuiltin, PyMethodDescr } from '../callables.ts';

function slotNames(o: PyObject | null): string[] | null {
  if (!o) return null;
  if (o instanceof PyStr) return [o.v];
  if (o instanceof PyTuple || o instanceof PyList) {
    return o.items.map((x) =>
      x instanceof PyStr ? x.v : raise('TypeError', '__slots__ items must be strings'),
    );
  }
  refuse('__slots__ that is not a str, tuple or list');
}

/** The layout a base gives its instances: object, a builtin type, or BaseException. */
function layoutOf(b: PyType): PyType {
  return b.layout ?? T.object;
}

/**
 * best_base: the base whose layout every other base's layout is a supertype of (the first such);
 * two unrelated builtin layouts cannot share an instance.
 */
function bestBase(bases: PyType[]): PyType {
  let winner = bases[0]!;
  for (const b of bases.slice(1)) {
    const cand = layoutOf(b);
    const win = layoutOf(winner);
    if (win.isSubtype(cand)) continue;
    if (cand.isSubtype(win)) winner = b;
    else raise('TypeError', 'multiple bases have instance lay-out conflict');
  }
  return winner;
}

function checkBase(b: PyObject): PyType {
  if (!(b instanceof PyType)) refuse('a class base that is not a class');
  if (b === T.type) refuse('a metaclass (a subclass of type)');
  if (!b.isHeap && !SUBCLASSABLE.has(b.name) && !b.isSubtype(T.BaseException))
    raise('TypeError', `type '${b.name}' is not an acceptable base type`);
  return b;
}

/** type_new makes `__new__` a staticmethod and `__init_subclass__` a classmethod. */
function wrapImplicit(dict: PyDict): void {
  for (const [name, kind] of [
    ['__new__', T.staticmethod],
    ['__init_subclass__', T.classmethod],
  ] as const) {
    const f = dict.getStr(name);
    if (!(f instanceof PyFunction)) continue;
    f.rc++;
    dict.set(newStr(name), new PyWrapper(() => kind, [f]));
  }
}

export function buildClass(args: PyObject[], kw: Kwargs): PyObject {
  if (kw?.has('metaclass')) refuse('class keywords (metaclass=...)');
  const func = args[0];
  const nameObj = args[1];
  if (!(func instanceof PyFunction) || !(nameObj instanceof PyStr))
    raise('TypeError', '__build_class__: bad arguments');
  const bases = args.slice(2).map(checkBase);
  const ns = new PyDict();
  const frame = new Frame(func.code, func, func.globals, func.builtins, ns, vm.frame);
  const cell = runFrame(frame);
  let cls: PyType;
  try {
    const dict = new PyDict();
    for (const e of ns.map.values()) {
      const key = (e.k as PyStr).v;
      if (key === '__qualname__' || key === '__classcell__') continue;
      e.k.rc++;
      e.v.rc++;
      dict.set(e.k, e.v);
    }
    const best = bases.length ? bestBase(bases) : T.object;
    const slots = slotNames(ns.getStr('__slots__'));
    if (best.varSized && slots && slots.length > 0)
      raise(
        'TypeError',
        `nonempty __slots__ not supported for subtype of '${layoutOf(best).name}'`,
      );
    wrapImplicit(dict);
    cls = new PyType(nameObj.v, bases.length ? bases : [T.object], true, dict);
    cls.base = best;
    cls.layout = best.layout;
    cls.slotNames = slots;
    readyHeapType(cls, (kind, name) => new PyDescriptor(kind, name, cls));
    if (!dict.getStr('__doc__')) dict.set(newStr('__doc__'), none());
    if (dict.getStr('__eq__') && !dict.getStr('__hash__')) dict.set(newStr('__hash__'), none());
    const qual = ns.getStr('__qualname__');
    cls.qualname = qual instanceof PyStr ? qual.v : nameObj.v;
    const mod = ns.getStr('__module__');
    cls.module = mod instanceof PyStr ? mod.v : '__main__';
    // Slot values live in `slots`; `__dict__` and `__weakref__` only set hasDict / hasWeakref.
    if (cls.slotNames)
      cls.slotNames = cls.slotNames.filter((s) => s !== '__weakref__' && s !== '__dict__');
    if (cell instanceof PyCell) {
      cls.rc++;
      cell.ref = cls;
    }
  } finally {
    decref(cell);
    decref(ns);
  }
  try {
    initSubclass(cls, kw);
  } catch (e) {
    decref(cls);
    throw e;
  }
  return cls;
}

/** type_new_init_subclass: `super(cls, cls).__init_subclass__(**kwds)`. */
function initSubclass(cls: PyType, kw: Kwargs): void {
  const mro = cls.mro;
  for (const t of mro.slice(1)) {
    const hook = t.dict.getStr('__init_subclass__');
    if (!hook) continue;
    const f = hook instanceof PyWrapper ? hook.items[0] : hook;
    if (!f) return;
    const names = kw ? [...kw.keys()] : [];
    const values = kw ? [...kw.values()] : [];
    for (const v of values) v.rc++;
    cls.rc++;
    f.rc++;
    try {
      decref(call(f, [cls, ...values], names));
    } finally {
      decref(f);
    }
    return;
  }
  if (kw && kw.size > 0)
    raise('TypeError', `${cls.name}.__init_subclass__() takes no keyword arguments`);
}

/** super() with no arguments: the enclosing class's `__class__` cell and the first argument. */
export function makeSuper(args: PyObject[]): PyObject {
  if (args.length === 2) {
    args[0]!.rc++;
    args[1]!.rc++;
    return new PyWrapper(() => T.super, [args[0]!, args[1]!]);
  }
  const f = vm.frame;
  if (!f || !f.func) raise('RuntimeError', 'super(): no arguments');
  const co = f.code.co;
  const idx = co.freevars.indexOf('__class__');
  if (idx < 0) raise('RuntimeError', 'super(): __class__ cell not found');
  const cell = f.fast[co.varnames.length + co.cellvars.length + idx] as PyCell;
  let self = f.fast[0] ?? null;
  if (self instanceof PyCell && co.cellvars.includes(co.varnames[0]!)) self = self.ref;
  if (!cell.ref || !self) raise('RuntimeError', 'super(): no arguments');
  cell.ref.rc++;
  self.rc++;
  return new PyWrapper(() => T.super, [cell.ref, self]);
}

/** Attribute lookup on a super object: the MRO after the class, bound to the instance. */
export function superGetAttr(sup: PyWrapper, name: string): PyObject | null {
  const cls = sup.items[0] as PyType;
  const self = sup.items[1]!;
  const mro = (self instanceof PyType ? self : self.type).mro;
  const start = mro.indexOf(cls);
  for (const t of mro.slice(start + 1)) {
    const v = t.dict.getStr(name);
    if (!v) continue;
    if (v instanceof PyFunction) {
      v.rc++;
      self.rc++;
      return new PyMethod(v, self);
    }
    if (v instanceof PyMethodDescr) return new PyBuiltin(v.name, v.fn, self);
    if (v instanceof PyWrapper)
      return bindWrapper(v, self, self instanceof PyType ? self : self.type);
    v.rc++;
    return v;
  }
  return null;
}
