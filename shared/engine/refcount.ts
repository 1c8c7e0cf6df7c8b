/**
 * Reference counting: every strong reference is an incref when stored and a decref when
 * released. An object whose count reaches 0 is freed at once, and the references it held are
 * released in CPython's order, cascading. The cascade uses an explicit work stack instead of
 * recursion, so a 1,000,000-long chain frees without overflowing the JS stack.
 *
 * Order (what CPython's deallocators do):
 * - weakrefs to the object are cleared first (PyObject_ClearWeakRefs);
 * - list: items from last to first (list_dealloc); dict: values first to last (free_keys_object);
 * - instance: attributes in order, then a materialized __dict__ (subtype_dealloc);
 * - weakref object: unlinks itself from its referent (clear_weakref).
 */
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import type { HeapObject, ObjId, Value } from './types.ts';

export function incref(ctx: Ctx, value: Value): void {
  if (value.t !== 'ref') return;
  const obj = ctx.s.objects[value.id];
  if (!obj) throw new Error(`incref of dead object #${value.id}`);
  obj.rc += 1;
  if (ctx.record) emit(ctx, { type: 'refcount', id: obj.id, from: obj.rc - 1, to: obj.rc });
}

/** Releases one strong reference; frees (and cascades) when the count reaches 0. */
export function decref(ctx: Ctx, value: Value | null | undefined): void {
  if (!value || value.t !== 'ref') return;
  if (dropOne(ctx, value.id)) freeCascade(ctx, value.id, ctx.collecting ? 'gc' : 'refcount');
}

/** Decrements without freeing; returns true when the count reached 0. */
function dropOne(ctx: Ctx, id: ObjId): boolean {
  const obj = ctx.s.objects[id];
  if (!obj) throw new Error(`decref of dead object #${id}`);
  if (obj.rc <= 0) throw new Error(`refcount of #${id} would go below zero`);
  obj.rc -= 1;
  if (ctx.record) emit(ctx, { type: 'refcount', id, from: obj.rc + 1, to: obj.rc });
  return obj.rc === 0;
}

/** The strong references an object holds, in the order its deallocator releases them. */
export function releaseOrder(obj: HeapObject): Value[] {
  switch (obj.kind) {
    case 'list': {
      const out: Value[] = new Array<Value>(obj.items.length);
      for (let i = 0, n = obj.items.length; i < n; i++) out[i] = obj.items[n - 1 - i]!;
      return out;
    }
    case 'dict':
      return obj.entries.map(([, v]) => v);
    case 'instance': {
      const vals = obj.attrs.map(([, v]) => v);
      if (obj.dict !== null) vals.push({ t: 'ref', id: obj.dict });
      return vals;
    }
    case 'weakref':
      return [];
  }
}

/** Empties an object's outgoing strong references (they are released by the caller). */
export function detachReferences(obj: HeapObject): void {
  switch (obj.kind) {
    case 'list':
      obj.items = [];
      obj.capacity = 0;
      return;
    case 'dict':
      obj.entries = [];
      obj.tableSize = 0;
      obj.filled = 0;
      return;
    case 'instance':
      obj.attrs = [];
      obj.dict = null;
      return;
    case 'weakref':
      return;
  }
}

/** Clears every weakref to `obj` (it is dying) and unlinks a dying weakref from its referent. */
export function clearWeakrefs(ctx: Ctx, obj: HeapObject): void {
  if (obj.kind === 'instance' && obj.weakref !== null) {
    const wr = ctx.s.objects[obj.weakref];
    if (wr && wr.kind === 'weakref') wr.referent = null;
    emit(ctx, { type: 'weakrefCleared', weakref: obj.weakref, referent: obj.id });
    obj.weakref = null;
  }
  if (obj.kind === 'weakref' && obj.referent !== null) {
    const target = ctx.s.objects[obj.referent];
    if (target && target.kind === 'instance' && target.weakref === obj.id) target.weakref = null;
    obj.referent = null;
  }
}

/**
 * Frees `id` (its count is 0) and everything that dies with it, depth first in release order.
 * Each freed object leaves the heap before its references are released, and counts as one GC
 * deallocation (gen0 count -1 while positive).
 */
export function freeCascade(ctx: Ctx, id: ObjId, cause: 'refcount' | 'gc'): void {
  const work: { pending: Value[]; next: number }[] = [];
  const start = (oid: ObjId): void => {
    const obj = ctx.s.objects[oid]!;
    clearWeakrefs(ctx, obj);
    const pending = releaseOrder(obj);
    detachReferences(obj);
    delete ctx.s.objects[oid];
    if (ctx.s.gc.counts[0] > 0) ctx.s.gc.counts[0] -= 1;
    if (ctx.record) emit(ctx, { type: 'freed', id: oid, cause });
    ctx.freed?.push(oid);
    work.push({ pending, next: 0 });
  };
  start(id);
  while (work.length > 0) {
    const top = work[work.length - 1]!;
    if (top.next >= top.pending.length) {
      work.pop();
      continue;
    }
    const value = top.pending[top.next++]!;
    if (value.t === 'ref' && dropOne(ctx, value.id)) start(value.id);
  }
}
