/**
 * dict: insertion-ordered entries keyed by `hashKey` (equal keys — 1, 1.0, True — share a key).
 * Sizes follow Objects/dictobject.c of 3.11: a keys table of S slots with ⌊2S/3⌋ usable
 * entries (16 bytes for all-str keys, 24 otherwise); deleted entries stay used until a resize;
 * the table grows to `calculate_log2_keysize(3 × used)`. Tracking: untracked until it holds a
 * GC object (MAINTAIN_TRACKING).
 * Contract: `set` takes ownership of key and value references.
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import type { SharedKeys } from './splitkeys.ts';
import { giveFree, takeFree } from './freelists.ts';
import { heap } from './heap.ts';
import { hashKey } from './hashkey.ts';
import { PyStr } from './scalars.ts';
import { PyTuple } from './containers.ts';

export interface Entry {
  k: PyObject;
  v: PyObject;
}

const MINSIZE = 8;

/** `1 << calculate_log2_keysize(minSize)`: bit_length(((m | 8) − 1) | 7), so any m < 8 gives 16. */
function log2Size(minSize: number): number {
  const m = ((minSize | MINSIZE) - 1) | (MINSIZE - 1);
  return 2 ** m.toString(2).length;
}

function usableFraction(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** `_PyObject_GC_MAY_BE_TRACKED`. */
function mayBeTracked(o: PyObject): boolean {
  if (o.gc === null) return false;
  return o instanceof PyTuple ? o.gc.tracked : true;
}

export class PyDict extends PyObject {
  map = new Map<string, Entry>();
  /** Keys-table slots; 0 = the shared empty table. */
  size = 0;
  usable = 0;
  unicode = true;
  /** A materialized instance `__dict__` still sharing its class's keys (a split table). */
  split: SharedKeys | null = null;

  constructor(presize = 0) {
    super();
    this.gcLink(false, this.exact() && takeFree('dict'));
    if (presize > 5) this.newKeys(log2Size(Math.floor((presize * 3 + 1) / 2)), true);
    else if (presize > 0) this.newKeys(MINSIZE, true);
  }
  get type(): PyType {
    return T.dict;
  }

  private newKeys(size: number, unicode: boolean): void {
    this.size = size;
    this.usable = usableFraction(size) - this.map.size;
    this.unicode = unicode;
  }

  sizeof(): number {
    if (this.split) return 64 + 8 * this.split.usableSize;
    if (this.size === 0) return 64;
    // dk_indices entries are 1, 2 or 4 bytes wide depending on the table size.
    const ix = this.size <= 128 ? 1 : this.size <= 0xffff ? 2 : 4;
    return 64 + 32 + this.size * ix + usableFraction(this.size) * (this.unicode ? 16 : 24);
  }

  /** dict_traverse: values only for an all-str keys table (str keys are never GC objects), else value then key. */
  override traverse(visit: (r: GcObject) => void): void {
    if (this.unicode) for (const e of this.map.values()) visit(e.v);
    else
      for (const e of this.map.values()) {
        visit(e.v);
        visit(e.k);
      }
  }
  override clear(): void {
    const entries = [...this.map.values()];
    this.map = new Map();
    this.split = null;
    this.size = 0;
    this.usable = 0;
    this.unicode = true;
    for (const e of entries) {
      decref(e.k);
      decref(e.v);
    }
  }
  protected override release(): void {
    this.clear();
  }
  protected override free(): void {
    if (!this.exact() || !giveFree('dict')) heap.collector.onFree(this);
  }

  get(key: PyObject): PyObject | null {
    return this.map.get(hashKey(key))?.v ?? null;
  }
  getStr(name: string): PyObject | null {
    return this.map.get('s' + name)?.v ?? null;
  }

  /** Stores an owned key and value; an existing key keeps its entry (the new key is dropped). */
  set(key: PyObject, value: PyObject, h = hashKey(key)): void {
    const e = this.map.get(h);
    if (e) {
      const old = e.v;
      e.v = value;
      decref(key);
      decref(old);
    } else {
      this.insertNew(key, value, h);
    }
    if (this.gc && !this.gc.tracked && (mayBeTracked(key) || mayBeTracked(value))) {
      heap.collector.track(this);
    }
  }

  private insertNew(key: PyObject, value: PyObject, h: string): void {
    const isStr = key instanceof PyStr;
    if (this.split && !(isStr && this.split.add(key.v))) {
      // insertion_resize: the split table becomes a combined one.
      this.split = null;
      this.newKeys(log2Size(this.map.size * 3), this.unicode && isStr);
    }
    if (this.size === 0) this.newKeys(MINSIZE, isStr);
    else if (this.unicode && !isStr) this.newKeys(log2Size(this.map.size * 3), false);
    else if (this.usable <= 0) this.newKeys(log2Size(this.map.size * 3), this.unicode);
    this.map.set(h, { k: key, v: value });
    this.usable--;
  }

  /** Removes a key; returns the entry (owned by the caller) or null. */
  take(key: PyObject): Entry | null {
    const h = hashKey(key);
    const e = this.map.get(h);
    if (!e) return null;
    this.map.delete(h);
    return e;
  }
}
