/**
 * Attribute access (PyObject_GenericGetAttr / type_getattro / module_getattro), method lookup
 * for LOAD_METHOD (`_PyObject_GetMethod`: no bound-method object when the class attribute is a
 * function or method descriptor not shadowed by the instance), setattr and delattr.
 * `getAttr` returns a new reference; `setAttr` borrows the value.
 */
import { raise } from '../errors.ts';
import { decref, incref, type PyObject } from '../object.ts';
import { PyWeakref } from '../weakref.ts';
import { PyDescriptor } from '../descr.ts';
import { S } from '../scalars.ts';
import { PyType } from '../type.ts';
import { PyException, stateDelAttr, stateGetAttr, stateSetAttr } from '../instance.ts';
import { instanceState } from '../subinstance.ts';
import { PyRaise } from '../errors.ts';
import { EXC } from '../registry.ts';
import { PyModule } from '../module.ts';
import { PyBuiltin, PyFunction, PyMethod, PyMethodDescr, PyWrapper } from '../callables.ts';
import { T } from '../registry.ts';
import { specialAttr, setSpecialAttr } from './special.ts';
import { callBorrowed } from './call.ts';
import { superGetAttr } from '../builtins/classes.ts';

function noAttr(o: PyObject, name: string): never {
  if (o instanceof PyModule)
    raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
  if (o instanceof PyType)
    raise('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
  raise('AttributeError', `'${o.type.name}' object has no attribute '${name}'`);
}

/** Binds a class attribute found by lookup to `self` (tp_descr_get); a new reference. */
function bind(descr: PyObject, self: PyObject): PyObject {
  if (descr instanceof PyFunction) {
    descr.rc++;
    self.rc++;
    return new PyMethod(descr, self);
  }
  if (descr instanceof PyMethodDescr) return new PyBuiltin(descr.name, descr.fn, self);
  if (descr instanceof PyWrapper) return bindWrapper(descr, self, self.type);
  descr.rc++;
  return descr;
}

/** tp_descr_get of staticmethod, classmethod and property; a new reference. */
export function bindWrapper(w: PyWrapper, self: PyObject | null, owner: PyType): PyObject {
  const inner = w.items[0]!;
  if (w.type === T.staticmethod) {
    inner.rc++;
    return inner;
  }
  if (w.type === T.classmethod) {
    inner.rc++;
    owner.rc++;
    return new PyMethod(inner, owner);
  }
  if (w.type === T.property) {
    if (self === null) {
      w.rc++;
      return w;
    }
    return callBorrowed(inner, [self]);
  }
  w.rc++;
  return w;
}

/** PyObject_GetAttr: a class's own `__getattribute__` (then `__getattr__`), or the generic lookup. */
export function getAttr(o: PyObject, name: string): PyObject {
  const t = o.type;
  if (t.isHeap && !(o instanceof PyType)) {
    const ga = userSlot(t, '__getattribute__');
    if (ga) return viaGetattribute(o, ga, name);
  }
  return genericGetAttr(o, name);
}

/** The class's attribute hook defined in Python (not object's builtin one), or null. */
function userSlot(t: PyType, name: string): PyObject | null {
  const f = t.lookup(name);
  return f === null || f instanceof PyMethodDescr ? null : f;
}

function withName<R>(name: string, body: (nameObj: PyObject) => R): R {
  const nameObj = strHook.make(name);
  try {
    return body(nameObj);
  } finally {
    decref(nameObj);
  }
}

/** slot_tp_getattr_hook: `__getattribute__`, and `__getattr__` when it raises AttributeError. */
function viaGetattribute(o: PyObject, ga: PyObject, name: string): PyObject {
  try {
    return withName(name, (n) => callBorrowed(ga, [o, n]));
  } catch (e) {
    const hook = o.type.lookup('__getattr__');
    if (!hook || !(e instanceof PyRaise) || !e.exc.type.isSubtype(EXC.AttributeError!)) throw e;
    decref(e.exc);
    return withName(name, (n) => callBorrowed(hook, [o, n]));
  }
}

/** PyObject_GenericGetAttr (object.__getattribute__), with `__getattr__` as a fallback. */
export function genericGetAttr(o: PyObject, name: string): PyObject {
  if (o instanceof PyWeakref && o.kind !== 'ref') {
    if (name === '__class__') return incref(o.type);
    return getAttr(o.target(), name);
  }
  if (o instanceof PyModule) {
    const v = o.dict.getStr(name);
    if (!v) noAttr(o, name);
    v.rc++;
    return v;
  }
  if (o instanceof PyType) {
    // type's own data descriptors come before the class's attributes (type_getattro).
    if (name === '__dict__' || name === '__mro__' || name === '__bases__' || name === '__base__') {
      const s = specialAttr(o, name);
      if (s) return s;
    }
    const v = o.lookup(name);
    if (v) {
      if (v instanceof PyWrapper) return bindWrapper(v, null, o);
      v.rc++;
      return v;
    }
    const s = specialAttr(o, name);
    if (s) return s;
    noAttr(o, name);
  }
  const t = o.type;
  if (t === T.super) {
    const v = superGetAttr(o as PyWrapper, name);
    if (v) return v;
    raise('AttributeError', `'super' object has no attribute '${name}'`);
  }
  const descr = t.lookup(name);
  if (descr instanceof PyWrapper && descr.type === T.property) return bindWrapper(descr, o, t);
  const inst = instanceState(o);
  if (inst) {
    const v = stateGetAttr(inst, name);
    if (v) {
      v.rc++;
      return v;
    }
    const slot = slotIndex(t, name);
    if (slot >= 0) {
      const sv = inst.slots![slot];
      if (!sv) noAttr(o, name);
      sv.rc++;
      return sv;
    }
  }
  if (descr instanceof PyDescriptor) {
    if (name === '__weakref__') return incref((o.weakrefs?.[0] as PyObject | undefined) ?? S.None);
    const sd = specialAttr(o, name);
    if (sd) return sd;
    noAttr(o, name);
  }
  if (descr) return bind(descr, o);
  const s = specialAttr(o, name);
  if (s) return s;
  if (t.isHeap && !userSlot(t, '__getattribute__')) {
    const ga = t.lookup('__getattr__');
    if (ga) return withName(name, (n) => callBorrowed(ga, [o, n]));
  }
  noAttr(o, name);
}

export const strHook = { make: (_s: string): PyObject => null as unknown as PyObject };

function slotIndex(t: PyType, name: string): number {
  for (const c of t.mro) {
    const i = c.slotNames?.indexOf(name) ?? -1;
    if (i >= 0 && c === t) return i;
    if (i >= 0) return -1;
  }
  return -1;
}

/** LOAD_METHOD: [function, self] (self not yet incref'd: the caller keeps its reference) or [attr, null]. */
export function loadMethod(o: PyObject, name: string): [PyObject, PyObject | null] {
  // The unbound fast path is only for generic attribute lookup; super() has its own getattro.
  const generic = !(o instanceof PyModule || o instanceof PyType || o instanceof PyWeakref);
  if (generic && o.type !== T.super) {
    const descr = o.type.lookup(name);
    if (descr instanceof PyFunction || descr instanceof PyMethodDescr) {
      const inst = instanceState(o);
      const shadow = inst ? stateGetAttr(inst, name) : null;
      if (!shadow && !(o.type.isHeap && userSlot(o.type, '__getattribute__'))) {
        descr.rc++;
        return [descr, o];
      }
    }
  }
  return [getAttr(o, name), null];
}

/** `_PyObject_LookupSpecial`: the bound special method of the type, or TypeError. */
export function lookupSpecialBound(o: PyObject, name: string, what: string): PyObject {
  const descr = o.type.lookup(name);
  if (!descr) {
    raise('TypeError', `'${o.type.name}' object does not support ${what}`);
  }
  return bind(descr, o);
}

/** PyObject_SetAttr: a class's own `__setattr__`, or the generic store. `v` is borrowed. */
export function setAttr(o: PyObject, name: string, v: PyObject): void {
  const hook = o.type.isHeap && !(o instanceof PyType) ? userSlot(o.type, '__setattr__') : null;
  if (hook) decref(withName(name, (n) => callBorrowed(hook, [o, n, v])));
  else genericSetAttr(o, name, v);
}

/** PyObject_GenericSetAttr (object.__setattr__). */
export function genericSetAttr(o: PyObject, name: string, v: PyObject): void {
  if (o instanceof PyWeakref && o.kind !== 'ref') {
    setAttr(o.target(), name, v);
    return;
  }
  if (o instanceof PyType) {
    if (!o.isHeap)
      raise('TypeError', `cannot set '${name}' attribute of immutable type '${o.name}'`);
    v.rc++;
    o.setAttr(name, v);
    return;
  }
  const t = o.type;
  const descr = t.lookup(name);
  if (descr instanceof PyWrapper && descr.type === T.property) {
    const setter = descr.items[1];
    if (!setter) raise('AttributeError', `can't set attribute '${name}'`);
    decref(callBorrowed(setter, [o, v]));
    return;
  }
  const inst = instanceState(o);
  if (inst) {
    const slot = slotIndex(t, name);
    if (slot >= 0) {
      v.rc++;
      const old = inst.slots![slot];
      inst.slots![slot] = v;
      if (old) decref(old);
      return;
    }
    if (o instanceof PyException && setSpecialAttr(o, name, v)) return;
    v.rc++;
    if (stateSetAttr(inst, name, v)) return;
    decref(v);
  } else if (setSpecialAttr(o, name, v)) return;
  if (o instanceof PyModule) {
    v.rc++;
    o.dict.set(strHook.make(name), v);
    return;
  }
  raise('AttributeError', `'${t.name}' object has no attribute '${name}'`);
}

/** PyObject_DelAttr: a class's own `__delattr__`, or the generic delete. */
export function delAttr(o: PyObject, name: string): void {
  const hook = o.type.isHeap && !(o instanceof PyType) ? userSlot(o.type, '__delattr__') : null;
  if (hook) decref(withName(name, (n) => callBorrowed(hook, [o, n])));
  else genericDelAttr(o, name);
}

/** PyObject_GenericSetAttr with no value (object.__delattr__). */
export function genericDelAttr(o: PyObject, name: string): void {
  if (o instanceof PyType) {
    o.setAttr(name, null);
    return;
  }
  const inst = instanceState(o);
  if (inst) {
    const slot = slotIndex(o.type, name);
    if (slot >= 0) {
      const old = inst.slots![slot];
      if (!old) noAttr(o, name);
      inst.slots![slot] = null;
      decref(old);
      return;
    }
    if (stateDelAttr(inst, name)) return;
  }
  noAttr(o, name);
}
