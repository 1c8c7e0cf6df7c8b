/**
 * tuple and list: GC objects holding strong references to their items.
 * Contracts: constructors take ownership of the item references they are given.
 * Sizes: tuple 40 + 8n (with GC header 24+16); list 56 + 8 × allocated (`list_resize`).
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import { giveFree, giveFreeTuple, takeFree, takeFreeTuple } from './freelists.ts';
import { heap } from './heap.ts';

export class PyTuple extends PyObject {
  items: PyObject[];
  constructor(items: PyObject[], track = true) {
    super();
    this.items = items;
    this.gcLink(track, this.exact() && takeFreeTuple(items.length));
  }
  get type(): PyType {
    return T.tuple;
  }
  /** tupletraverse / list_traverse visit the items last to first. */
  override traverse(visit: (r: GcObject) => void): void {
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]!);
  }
  /** tupledealloc drops the items last to first. */
  protected override release(): void {
    const items = this.items;
    this.items = [];
    for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
    this.items = items; // size stays for the free list
  }
  protected override free(): void {
    if (!this.exact() || !giveFreeTuple(this.items.length)) heap.collector.onFree(this);
  }
}

let emptyTuple: PyTuple | null = null;

/** A new reference to a tuple owning `items`; () is the one empty tuple. */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    if (emptyTuple === null) {
      emptyTuple = new PyTuple([], false);
      emptyTuple.rc = 1 << 28;
    }
    emptyTuple.rc++;
    return emptyTuple;
  }
  return new PyTuple(items);
}

export function resetEmptyTuple(): void {
  emptyTuple = null;
}

export class PyList extends PyObject {
  allocated: number;
  items: PyObject[];
  /** `freeList` false: tp_alloc (PyType_GenericAlloc, as `list(...)` does), never the free list. */
  constructor(items: PyObject[], allocated = items.length, freeList = true) {
    super();
    this.items = items;
    this.allocated = allocated;
    this.gcLink(true, freeList && this.exact() && takeFree('list'));
  }
  get type(): PyType {
    return T.list;
  }
  /** tupletraverse / list_traverse visit the items last to first. */
  override traverse(visit: (r: GcObject) => void): void {
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]!);
  }
  /** _list_clear (also list_dealloc): the items are dropped last to first. */
  override clear(): void {
    const items = this.items;
    this.items = [];
    this.allocated = 0;
    for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
  }
  protected override release(): void {
    this.clear();
  }
  protected override free(): void {
    if (!this.exact() || !giveFree('list')) heap.collector.onFree(this);
  }

  /** list_resize: the allocation CPython makes for `newSize` items. */
  resize(newSize: number): void {
    const allocated = this.allocated;
    if (allocated >= newSize && newSize >= allocated >> 1) return;
    if (newSize === 0) {
      this.allocated = 0;
      return;
    }
    let next = (newSize + (newSize >> 3) + 6) & ~3;
    if (newSize - this.items.length > next - newSize) next = (newSize + 3) & ~3;
    this.allocated = next;
  }

  /** Appends an owned reference. */
  append(o: PyObject): void {
    this.resize(this.items.length + 1);
    this.items.push(o);
  }
}
