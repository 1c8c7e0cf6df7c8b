/**
 * set and frozenset: elements by `hashKey`, iteration order and size from the model of
 * CPython's set table (values/settable.ts) over the elements' hashes. Deterministic hashes
 * (numbers, tuples of them) give CPython's order; str/bytes/identity hashes are randomised in
 * CPython, so any order is as good (programs printing such sets are outside the subset).
 * Contract: `add` takes ownership of the element reference.
 */
import type { GcObject } from './gcobject.ts';
import { decref, incref, PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import {
  emptySetTable,
  pyHash,
  setAdd,
  setDiscard,
  setKeys,
  setResize,
  setSizeof,
} from '../values/index.ts';
import type { HashableValue, SetTable } from '../values/index.ts';
import { hashKey } from './hashkey.ts';
import { PyFloat, PyInt } from './scalars.ts';
import { PyTuple } from './containers.ts';

function numericValue(o: PyObject): HashableValue | null {
  if (o instanceof PyInt) return o.v;
  if (o instanceof PyFloat) return Number.isNaN(o.v) ? null : o.v;
  if (o instanceof PyTuple) {
    const items: HashableValue[] = [];
    for (const it of o.items) {
      const v = numericValue(it);
      if (v === null) return null;
      items.push(v);
    }
    return items;
  }
  return null;
}

/** A stand-in hash for keys whose CPython hash is randomised: stable, spread. */
function stringHash(key: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < key.length; i++) {
    h = ((h ^ BigInt(key.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

function elementHash(o: PyObject, key: string): bigint {
  const v = numericValue(o);
  return v === null ? stringHash(key) : pyHash(v);
}

export class PySet extends PyObject {
  elems = new Map<string, PyObject>();
  table: SetTable<string> = emptySetTable();
  frozen: boolean;
  constructor(frozen = false) {
    super();
    this.frozen = frozen;
    this.gcLink(true);
  }
  get type(): PyType {
    return this.frozen ? T.frozenset : T.set;
  }
  sizeof(): number {
    return setSizeof(this.table);
  }

  has(o: PyObject): boolean {
    return this.elems.has(hashKey(o));
  }

  add(o: PyObject): void {
    const key = hashKey(o);
    if (this.elems.has(key)) {
      decref(o);
      return;
    }
    this.elems.set(key, o);
    setAdd(this.table, key, elementHash(o, key), (k) => k === key);
  }

  /**
   * set_merge from another set (owned references taken here): the table first grows for both,
   * then an empty table of the same size as `other`'s (which has no dummies) takes its slots as
   * they are; otherwise the elements go in one by one in `other`'s table order.
   */
  mergeFrom(other: PySet): void {
    const t = this.table;
    const o = other.table;
    this.reserveFor(o.used);
    if (t.fill === 0 && t.slots.length === o.slots.length && o.fill === o.used) {
      t.slots = o.slots.map((slot) => (slot ? { ...slot } : null));
      t.fill = o.fill;
      t.used = o.used;
      for (const [k, v] of other.elems) this.elems.set(k, incref(v));
      return;
    }
    for (const x of other.ordered()) this.add(incref(x));
  }

  /** set_merge / set_update_internal's one resize before `n` more elements go in. */
  reserveFor(n: number): void {
    const t = this.table;
    if ((t.fill + n) * 5 >= (t.slots.length - 1) * 3) setResize(t, (t.used + n) * 2);
  }

  /** Removes an element; true when it was present. */
  discard(o: PyObject): boolean {
    const key = hashKey(o);
    const old = this.elems.get(key);
    if (!old) return false;
    this.elems.delete(key);
    setDiscard(this.table, elementHash(old, key), (k) => k === key);
    decref(old);
    return true;
  }

  /** Elements in CPython's iteration order (borrowed). */
  ordered(): PyObject[] {
    return setKeys(this.table).map((k) => this.elems.get(k)!);
  }

  override traverse(visit: (r: GcObject) => void): void {
    for (const o of this.ordered()) visit(o);
  }
  override clear(): void {
    const items = this.ordered();
    this.elems = new Map();
    this.table = emptySetTable();
    for (const o of items) decref(o);
  }
  protected override release(): void {
    this.clear();
  }
}
