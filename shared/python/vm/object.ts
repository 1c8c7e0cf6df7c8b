/**
 * The VM's object model: every Python object is a `PyObject` whose `rc` is CPython's
 * `ob_refcnt` exactly, so `sys.getrefcount(x)` prints `x.rc`. References are counted by hand,
 * mirroring the C code: `incref`/`decref` here; when `rc` reaches 0, `dealloc` runs the type's
 * tp_dealloc (drops the references the object holds, cascading), `__del__` first for instances
 * (subtype_dealloc with PEP 442's resurrection check).
 *
 * GC types (`Py_TPFLAGS_HAVE_GC`) carry a `gc` head; the collector (`vm/gc/**`) is told of
 * their allocation and free through `heap.collector` (see heap.ts) and tracks them.
 * Every object gets a stable allocation serial `id` (for pictures and `id()` comparisons).
 */
import type { GcHead, GcObject } from './gcobject.ts';
import { heap } from './heap.ts';
import type { PyType } from './type.ts';

export abstract class PyObject implements GcObject {
  rc = 1;
  readonly id: number;
  gc: GcHead | null = null;
  weakrefs: GcObject[] | null = null;
  /** The Python type: `type(x)`. */
  abstract get type(): PyType;

  constructor() {
    this.id = ++heap.serial;
  }

  /** tp_traverse (CPython order). Non-GC objects visit nothing. */
  traverse(_visit: (referent: GcObject) => void): void {}

  /** tp_clear. */
  clear(): void {}

  hasFinalizer(): boolean {
    return false;
  }

  /** False for instances of classes defined in the program: free lists take exact builtins only. */
  exact(): boolean {
    return true;
  }

  /** tp_dealloc without the free: drop every reference this object holds. */
  protected release(): void {}

  /** Called by `decref` at rc 0. Subclasses with finalizers override `finalize` (PEP 442). */
  dealloc(): void {
    if (this.finalizeOnDealloc()) return; // resurrected
    if (this.gc?.tracked) heap.collector.untrack(this);
    heap.collector.clearWeakrefs(this);
    this.release();
    this.free();
  }

  /** Runs `__del__` once; returns true when the object was resurrected. */
  protected finalizeOnDealloc(): boolean {
    return false;
  }

  /** The memory goes back: PyObject_GC_Del (gen-0 count) or a free list. */
  protected free(): void {
    if (this.gc) heap.collector.onFree(this);
  }

  /** Marks a GC object: allocation hook and (optionally) tracking. Call from constructors. */
  protected gcLink(track: boolean, fromFreeList = false): void {
    this.gc = { tracked: false, gen: 0, gcRefs: 0, finalized: false };
    if (!fromFreeList) heap.collector.onAlloc(this);
    if (track) heap.collector.track(this);
  }
}

export function incref<T extends PyObject>(o: T): T {
  o.rc++;
  return o;
}

export function decref(o: PyObject): void {
  if (--o.rc === 0) o.dealloc();
}

export function xdecref(o: PyObject | null): void {
  if (o !== null && --o.rc === 0) o.dealloc();
}
