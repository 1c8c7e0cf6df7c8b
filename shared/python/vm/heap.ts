/**
 * Per-run VM state the object model needs everywhere: the allocation serial and the
 * collector's hooks. One run at a time (runScript resets it); `shared/` stays deterministic.
 *
 * The collector contract (implemented by `vm/gc/**`, a counting stand-in here until it is
 * installed with `installCollector`):
 * - `onAlloc(o)`: `_PyObject_GC_Link` — a GC object was allocated (not taken from a free list);
 *   bumps generation 0's count and may run an automatic collection.
 * - `onFree(o)`: `PyObject_GC_Del` — a GC object's memory goes back (not to a free list).
 * - `track(o)` / `untrack(o)`: `_PyObject_GC_TRACK` / `UNTRACK`.
 * - `clearWeakrefs(o)`: PyObject_ClearWeakRefs at dealloc (callbacks run there).
 */
import type { GcObject } from './gcobject.ts';

export interface Collector {
  onAlloc(o: GcObject): void;
  onFree(o: GcObject): void;
  track(o: GcObject): void;
  untrack(o: GcObject): void;
  clearWeakrefs(o: GcObject): void;
}

/** gen-0 counting only; no collections. */
export class CountingCollector implements Collector {
  count0 = 0;
  onAlloc(): void {
    this.count0++;
  }
  onFree(): void {
    if (this.count0 > 0) this.count0--;
  }
  track(o: GcObject): void {
    if (o.gc) o.gc.tracked = true;
  }
  untrack(o: GcObject): void {
    if (o.gc) o.gc.tracked = false;
  }
  clearWeakrefs(): void {}
}

export const heap = {
  serial: 0,
  collector: new CountingCollector() as Collector,
};

export function resetHeap(collector: Collector = new CountingCollector()): void {
  heap.serial = 0;
  heap.collector = collector;
}
