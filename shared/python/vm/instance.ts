/**
 * Instances of classes defined in the program, and exception objects.
 * An instance keeps its attributes inline (3.11's "values": no dict object, size 56) until
 * `__dict__` is read, which materializes a dict that then holds them. `__slots__` classes keep
 * slot values in an array. Dealloc is subtype_dealloc: `__del__` first (PEP 442: once; a
 * resurrected object stays), then the slots, the attributes, and the type reference.
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject, xdecref } from './object.ts';
import type { PyType } from './type.ts';
import { PyDict } from './dict.ts';
import { heap } from './heap.ts';
import type { PyTuple } from './containers.ts';
import { newStr, type PyStr } from './scalars.ts';
import { sharedKeysOf } from './splitkeys.ts';

/** Runs `__del__` on `o` (installed by the eval loop); errors are reported, not raised. */
export const finalizerHook = { run: (_o: PyObject): void => {} };

/**
 * What an instance of a class defined in the program carries besides its builtin layout: its
 * class, inline attributes (until `__dict__` materializes a dict) and `__slots__` values.
 * `PyInstance` is one; so is an instance of a subclass of a builtin type (subinstance.ts).
 */
export interface InstanceState {
  cls: PyType;
  attrs: Map<string, PyObject> | null;
  dict: PyDict | null;
  slots: (PyObject | null)[] | null;
  storage: AttrStorage;
}

/**
 * How an instance stores attributes: `inline` values sharing the class's keys (object_new's
 * instances), a dict made at the first attribute that `shared` the class's keys (builtin
 * subclasses with a managed dict), or a plain dict (exceptions, int/tuple/bytes subclasses).
 */
export type AttrStorage = 'inline' | 'shared' | 'plain';

/** The state of a fresh instance of `cls` (takes a reference to the class). */
export function initInstanceState(s: InstanceState, cls: PyType, storage: AttrStorage): void {
  s.cls = cls;
  cls.rc++;
  s.slots = cls.slotNames ? cls.slotNames.map(() => null) : null;
  s.attrs = cls.hasDict && storage === 'inline' ? new Map() : null;
  s.dict = null;
  s.storage = storage;
  if (s.attrs) sharedKeysOf(cls).onInstance();
}

/** A borrowed attribute value, or null. */
export function stateGetAttr(s: InstanceState, name: string): PyObject | null {
  if (s.dict) return s.dict.getStr(name);
  return s.attrs?.get(name) ?? null;
}

/** Stores an owned value; false when the instance has no place for attributes. */
export function stateSetAttr(s: InstanceState, name: string, value: PyObject): boolean {
  if (!s.dict && !s.attrs && s.cls.hasDict) {
    // _PyObjectDict_SetItem: a managed dict starts as a split table over the class's keys.
    s.dict = new PyDict();
    if (s.storage === 'shared') s.dict.split = sharedKeysOf(s.cls);
  }
  if (s.dict) {
    s.dict.set(newStr(name), value);
    return true;
  }
  if (!s.attrs) return false;
  const old = s.attrs.get(name);
  if (!old && !sharedKeysOf(s.cls).add(name)) {
    // _PyObject_StoreInstanceAttribute: a name the shared keys cannot take moves the values to a dict.
    stateDict(s).set(newStr(name), value);
    return true;
  }
  s.attrs.set(name, value);
  if (old) decref(old);
  return true;
}

/** Removes an attribute; false when absent. */
export function stateDelAttr(s: InstanceState, name: string): boolean {
  if (s.dict) {
    const key = newStr(name);
    const e = s.dict.take(key);
    decref(key);
    if (!e) return false;
    decref(e.k);
    decref(e.v);
    return true;
  }
  const old = s.attrs?.get(name);
  if (!old) return false;
  s.attrs!.delete(name);
  decref(old);
  return true;
}

/** `obj.__dict__`: a borrowed reference to the (now materialized) dict. */
export function stateDict(s: InstanceState): PyDict {
  if (!s.dict) {
    const d = new PyDict();
    for (const [k, v] of s.attrs ?? []) d.set(newStr(k), v);
    const keys = s.storage === 'inline' ? sharedKeysOf(s.cls) : null;
    if (keys && [...d.map.values()].every((e) => keys.names.has((e.k as PyStr).v))) d.split = keys;
    s.attrs = null;
    s.dict = d;
  }
  return s.dict;
}

/** subtype_traverse's own part: slots, then the attribute values (or the dict), then the type. */
export function stateTraverse(s: InstanceState, visit: (r: GcObject) => void): void {
  if (s.slots) for (const o of s.slots) if (o) visit(o);
  if (s.dict) visit(s.dict);
  else if (s.attrs) for (const v of s.attrs.values()) visit(v);
  visit(s.cls);
}

/** subtype_clear's own part: the slots, then the attributes. */
export function stateClear(s: InstanceState): void {
  if (s.slots) {
    const old = s.slots;
    s.slots = old.map(() => null);
    for (const o of old) xdecref(o);
  }
  if (s.dict) {
    const d = s.dict;
    s.dict = null;
    s.attrs = s.storage === 'inline' ? new Map() : null;
    decref(d);
  } else if (s.attrs) {
    const values = [...s.attrs.values()];
    s.attrs = new Map();
    for (const v of values) decref(v);
  }
}

/** subtype_dealloc's PEP 442 step: runs `__del__` once; true when `o` was resurrected. */
export function finalizeInstance(o: PyObject): boolean {
  if (!o.gc || o.gc.finalized || !o.hasFinalizer()) return false;
  if (o.gc.tracked) heap.collector.untrack(o);
  o.gc.finalized = true;
  o.rc = 1;
  finalizerHook.run(o);
  if (--o.rc === 0) return false;
  heap.collector.track(o); // resurrected
  return true;
}

export class PyInstance extends PyObject implements InstanceState {
  attrs: Map<string, PyObject> | null = null;
  dict: PyDict | null = null;
  slots: (PyObject | null)[] | null = null;
  declare cls: PyType;
  declare storage: AttrStorage;

  constructor(cls: PyType, storage: AttrStorage = 'inline') {
    super();
    initInstanceState(this, cls, storage);
    this.gcLink(true);
  }
  get type(): PyType {
    return this.cls;
  }

  override hasFinalizer(): boolean {
    return this.cls.lookup('__del__') !== null;
  }

  getAttr(name: string): PyObject | null {
    return stateGetAttr(this, name);
  }

  /** Stores an owned value; false when the instance has no place for attributes. */
  setAttr(name: string, value: PyObject): boolean {
    return stateSetAttr(this, name, value);
  }

  /** Removes an attribute; false when absent. */
  delAttr(name: string): boolean {
    return stateDelAttr(this, name);
  }

  /** `obj.__dict__`: a borrowed reference to the (now materialized) dict. */
  materializeDict(): PyDict {
    return stateDict(this);
  }

  override traverse(visit: (r: GcObject) => void): void {
    stateTraverse(this, visit);
  }

  override clear(): void {
    stateClear(this);
  }

  protected override finalizeOnDealloc(): boolean {
    return finalizeInstance(this);
  }

  protected override release(): void {
    this.clear();
    this.releaseOwn();
    decref(this.cls);
  }

  /** Subclass state (exceptions) dropped between the attributes and the type. */
  protected releaseOwn(): void {}
}

/** BaseException and its subclasses (builtin or defined in the program). */
export class PyException extends PyInstance {
  args: PyTuple;
  traceback: PyObject | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;

  constructor(cls: PyType, args: PyTuple) {
    super(cls, 'plain');
    this.args = args;
  }

  override traverse(visit: (r: GcObject) => void): void {
    super.traverse(visit);
    visit(this.args);
    if (this.traceback) visit(this.traceback);
    if (this.cause) visit(this.cause);
    if (this.context) visit(this.context);
  }

  override clear(): void {
    super.clear();
    const tb = this.traceback;
    const cause = this.cause;
    const ctx = this.context;
    this.traceback = null;
    this.cause = null;
    this.context = null;
    xdecref(tb);
    xdecref(cause);
    xdecref(ctx);
  }

  protected override releaseOwn(): void {
    decref(this.args);
  }
}
