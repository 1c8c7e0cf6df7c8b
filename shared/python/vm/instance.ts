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

export class PyInstance extends PyObject {
  /** Inline attribute values, in insertion order, until `dict` is materialized. */
  attrs: Map<string, PyObject> | null = new Map();
  dict: PyDict | null = null;
  slots: (PyObject | null)[] | null = null;

  cls: PyType;
  constructor(cls: PyType) {
    super();
    this.cls = cls;
    cls.rc++;
    if (cls.slotNames) this.slots = cls.slotNames.map(() => null);
    if (!cls.hasDict) this.attrs = null;
    else if (!(this instanceof PyException)) sharedKeysOf(cls).onInstance();
    this.gcLink(true);
  }
  get type(): PyType {
    return this.cls;
  }

  override hasFinalizer(): boolean {
    return this.cls.lookup('__del__') !== null;
  }

  getAttr(name: string): PyObject | null {
    if (this.dict) return this.dict.getStr(name);
    return this.attrs?.get(name) ?? null;
  }

  /** Stores an owned value; false when the instance has no place for attributes. */
  setAttr(name: string, value: PyObject): boolean {
    if (this.dict) {
      this.dict.set(newStr(name), value);
      return true;
    }
    if (!this.attrs) return false;
    const old = this.attrs.get(name);
    if (!old && !(this instanceof PyException) && !sharedKeysOf(this.cls).add(name)) {
      // _PyObject_StoreInstanceAttribute: a name the shared keys cannot take moves the values to a dict.
      this.materializeDict().set(newStr(name), value);
      return true;
    }
    this.attrs.set(name, value);
    if (old) decref(old);
    return true;
  }

  /** Removes an attribute; false when absent. */
  delAttr(name: string): boolean {
    if (this.dict) {
      const key = newStr(name);
      const e = this.dict.take(key);
      decref(key);
      if (!e) return false;
      decref(e.k);
      decref(e.v);
      return true;
    }
    const old = this.attrs?.get(name);
    if (!old) return false;
    this.attrs!.delete(name);
    decref(old);
    return true;
  }

  /** `obj.__dict__`: a borrowed reference to the (now materialized) dict. */
  materializeDict(): PyDict {
    if (!this.dict) {
      const d = new PyDict();
      for (const [k, v] of this.attrs ?? []) d.set(newStr(k), v);
      const keys = this instanceof PyException ? null : sharedKeysOf(this.cls);
      if (keys && [...d.map.values()].every((e) => keys.names.has((e.k as PyStr).v)))
        d.split = keys;
      this.attrs = null;
      this.dict = d;
    }
    return this.dict;
  }

  /** subtype_traverse: slots, then the attribute values (or the dict), then the type. */
  override traverse(visit: (r: GcObject) => void): void {
    if (this.slots) for (const s of this.slots) if (s) visit(s);
    if (this.dict) visit(this.dict);
    else if (this.attrs) for (const v of this.attrs.values()) visit(v);
    visit(this.cls);
  }

  override clear(): void {
    if (this.slots) {
      const s = this.slots;
      this.slots = s.map(() => null);
      for (const o of s) xdecref(o);
    }
    if (this.dict) {
      const d = this.dict;
      this.dict = null;
      this.attrs = new Map();
      decref(d);
    } else if (this.attrs) {
      const values = [...this.attrs.values()];
      this.attrs = new Map();
      for (const v of values) decref(v);
    }
  }

  protected override finalizeOnDealloc(): boolean {
    if (!this.gc || this.gc.finalized || !this.hasFinalizer()) return false;
    if (this.gc.tracked) heap.collector.untrack(this);
    this.gc.finalized = true;
    this.rc = 1;
    finalizerHook.run(this);
    if (--this.rc === 0) return false;
    heap.collector.track(this); // resurrected
    return true;
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
    super(cls);
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
