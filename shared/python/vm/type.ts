/**
 * Type objects. A builtin type's methods are `PyMethodDescr`s in its dict; a class statement
 * makes a heap type whose dict holds the class body's namespace. Attribute lookup walks the MRO
 * (C3, as `mro()` computes it). Instances of heap types hold a reference to their type.
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject, xdecref } from './object.ts';
import { T } from './registry.ts';
import { PyDict } from './dict.ts';
import { PyStr } from './scalars.ts';
import { raise } from './errors.ts';
import type { PyTuple } from './containers.ts';

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
  qualname: string;
  module = 'builtins';
  /** Exception types and user classes accept attributes on instances. */
  name: string;
  bases: PyType[];
  isHeap: boolean;
  constructor(name: string, bases: PyType[], isHeap: boolean, dict?: PyDict) {
    super();
    this.name = name;
    this.bases = bases;
    this.isHeap = isHeap;
    this.qualname = name;
    this.dict = dict ?? new PyDict();
    if (isHeap) this.gcLink(true);
    for (const b of bases) b.rc++;
    this.mro = computeMro(this);
    const base = bases[0];
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

  override traverse(visit: (r: GcObject) => void): void {
    visit(this.dict);
    for (const b of this.bases) visit(b);
  }
  override clear(): void {
    this.dict.clear();
  }
  protected override release(): void {
    decref(this.dict);
    for (const b of this.bases) decref(b);
    this.bases = [];
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

/** The tuple of a type's bases, for `__bases__`. */
export type BasesTuple = PyTuple;

export function typeName(o: PyObject): string {
  return o.type.name;
}

export function releaseAll(list: (PyObject | null)[]): void {
  for (const o of list) xdecref(o);
}
