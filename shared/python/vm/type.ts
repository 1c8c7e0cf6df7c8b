/**
 * Type objects. A builtin type's methods are `PyMethodDescr`s in its dict; a class statement
 * makes a heap type whose dict holds the class body's namespace. Attribute lookup walks the MRO
 * (C3, as `mro()` computes it). Instances of heap types hold a reference to their type.
 */
import type { SharedKeys } from './splitkeys.ts';
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import { PyDict } from './dict.ts';
import { PyStr } from './scalars.ts';
import { raise } from './errors.ts';
import { PyTuple, newTuple } from './containers.ts';

/** Native behaviour of a builtin type: `type(args)`; args borrowed, result a new reference. */
export type Construct = (
  type: PyType,
  args: PyObject[],
  kw: Map<string, PyObject> | null,
) => PyObject;

export class PyType extends PyObject {
  mro: PyType[] = [];
  dict: PyDict;
  /** The nearest builtin type instances are laid out as ('object', 'BaseException', ...). */
  layout: PyType | null = null;
  construct: Construct | null = null;
  slotNames: string[] | null = null;
  /** CACHED_KEYS of a class whose instances have a `__dict__` (splitkeys.ts), made on demand. */
  sharedKeys: SharedKeys | null = null;
  qualname: string;
  module = 'builtins';
  /** Heap types: `__bases__` and `__mro__` as the tuples CPython keeps (the MRO holds the type itself). */
  basesTuple: PyTuple | null = null;
  mroTuple: PyTuple | null = null;
  /** Instances carry a `__dict__` / accept weak references (tp_dictoffset / tp_weaklistoffset). */
  hasDict = false;
  hasWeakref = false;
  /** Instances of builtin subclasses keep the `__dict__` pointer at the end (tp_itemsize != 0). */
  varSized = false;
  name: string;
  bases: PyType[];
  /** tp_base: the base whose layout instances have (best_base; the first base by default). */
  base: PyType | null;
  isHeap: boolean;
  constructor(name: string, bases: PyType[], isHeap: boolean, dict?: PyDict) {
    super();
    this.name = name;
    this.bases = bases;
    this.isHeap = isHeap;
    this.qualname = name;
    this.dict = dict ?? new PyDict();
    if (isHeap) this.gcLink(true);
    this.mro = computeMro(this);
    const base = bases[0];
    this.base = base ?? null;
    this.layout = isHeap ? (base?.layout ?? null) : this;
    this.construct = base && isHeap ? base.construct : null;
  }
  get type(): PyType {
    return T.type;
  }

  /** `_PyType_Lookup`: a borrowed reference, or null. */
  lookup(name: string): PyObject | null {
    const key = 's' + name;
    for (const t of this.mro) {
      const e = t.dict.map.get(key);
      if (e) return e.v;
    }
    return null;
  }

  isSubtype(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }

  /** type_traverse: tp_dict, tp_mro, tp_bases, tp_base. */
  override traverse(visit: (r: GcObject) => void): void {
    visit(this.dict);
    if (this.mroTuple) visit(this.mroTuple);
    if (this.basesTuple) visit(this.basesTuple);
    if (this.isHeap && this.base) visit(this.base);
  }
  /** type_clear: the dict and the MRO (which breaks the type's cycle with itself). */
  override clear(): void {
    this.dict.clear();
    const mro = this.mroTuple;
    this.mroTuple = null;
    if (mro) decref(mro);
  }
  protected override release(): void {
    this.clear();
    decref(this.dict);
    if (this.basesTuple) decref(this.basesTuple);
    if (this.isHeap && this.base) decref(this.base);
    this.basesTuple = null;
  }

  setAttr(name: string, value: PyObject | null): void {
    const key = new PyStr(name);
    if (value === null) {
      const e = this.dict.take(key);
      decref(key);
      if (!e) raise('AttributeError', `type object '${this.name}' has no attribute '${name}'`);
      decref(e.k);
      decref(e.v);
      return;
    }
    this.dict.set(key, value);
  }
}

function merge(seqs: PyType[][]): PyType[] {
  const out: PyType[] = [];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    const head = live.map((s) => s[0]!).find((c) => !live.some((s) => s.indexOf(c) > 0));
    if (!head) raise('TypeError', 'Cannot create a consistent method resolution order (MRO)');
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

function computeMro(t: PyType): PyType[] {
  if (t.bases.length === 0) return [t];
  return [t, ...merge([...t.bases.map((b) => [...b.mro]), [...t.bases]])];
}

/**
 * Finishes a class made by a class statement (type_new): the bases and MRO tuples, the solid
 * base reference, and the `__dict__`/`__weakref__`/slot descriptors in CPython's dict order
 * (after the body's names, before `__doc__`). `makeDescriptor` builds one descriptor.
 */
export function readyHeapType(
  t: PyType,
  makeDescriptor: (kind: 'getset' | 'member', name: string) => PyObject,
): void {
  t.basesTuple = newTuple(t.bases.map((b) => (b.rc++, b)));
  t.mroTuple = new PyTuple(t.mro.map((m) => (m.rc++, m)));
  const base = t.base!;
  base.rc++;
  const slots = t.slotNames;
  const add = (kind: 'getset' | 'member', name: string): void => {
    t.dict.set(new PyStr(name), makeDescriptor(kind, name));
  };
  if (slots) {
    for (const s of slots) if (s !== '__dict__' && s !== '__weakref__') add('member', s);
    t.hasDict = base.hasDict || slots.includes('__dict__');
    t.hasWeakref = base.hasWeakref || slots.includes('__weakref__');
    if (!base.hasDict && slots.includes('__dict__')) add('getset', '__dict__');
    if (!base.hasWeakref && slots.includes('__weakref__')) add('getset', '__weakref__');
  } else {
    // type_new_slots: a var-sized base (tuple, int, bytes) cannot get a weakref slot.
    const mayAddWeak = !base.hasWeakref && !base.varSized;
    if (!base.hasDict) add('getset', '__dict__');
    if (mayAddWeak) add('getset', '__weakref__');
    t.hasDict = true;
    t.hasWeakref = base.hasWeakref || mayAddWeak;
  }
  t.varSized = base.varSized;
}
