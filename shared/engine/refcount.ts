/**
 * Reference counting: every strong reference is an incref when stored and a decref when
 * released. An object whose count reaches 0 is freed at once, and the references it held are
 * released in CPython's order, cascading. The cascade runs on one explicit stack of ids (no
 * recursion, no per-object allocation), so a 1,000,000-long chain frees without overflowing the
 * JS stack.
 *
 * Order (what CPython's deallocators do; each kind's `release` slot in kinds.ts):
 * - weakrefs to the object are cleared first (PyObject_ClearWeakRefs);
 * - list: items from last to first (list_dealloc); dict: values first to last (free_keys_object);
 * - instance: attributes in order, then a materialized __dict__ (subtype_dealloc);
 * - weakref object: unlinks itself from its referent (clear_weakref).
 */
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { slotsOf } from './kinds.ts';
import type { HeapObject, ObjId, Value } from './types.ts';
import { beginRemovals, endRemovals, removeObject, setRc, touch } from './write.ts';

export function incref(ctx: Ctx, value: Value): void {
  if (value.t !== 'ref') return;
  const obj = ctx.s.objects[value.id];
  if (!obj) throw new Error(`incref of dead object #${value.id}`);
  setRc(ctx, obj, obj.rc + 1);
  if (ctx.record) emit(ctx, { type: 'refcount', id: obj.id, from: obj.rc - 1, to: obj.rc });
}

/** Releases one strong reference; frees (and cascades) when the count reaches 0. */
export function decref(ctx: Ctx, value: Value | null | undefined): void {
  if (!value || value.t !== 'ref') return;
  if (dropOne(ctx, value.id)) freeCascade(ctx, value.id, ctx.collecting ? 'gc' : 'refcount');
}

/** Decrements without freeing; returns true when the count reached 0. */
function dropOne(ctx: Ctx, id: ObjId): boolean {
  return dropObject(ctx, id) !== null;
}

/** Decrements without freeing; returns the object when its count reached 0, else null. */
function dropObject(ctx: Ctx, id: ObjId): HeapObject | null {
  const obj = ctx.s.objects[id];
  if (!obj) throw new Error(`decref of dead object #${id}`);
  if (obj.rc <= 0) throw new Error(`refcount of #${id} would go below zero`);
  setRc(ctx, obj, obj.rc - 1);
  if (ctx.record) emit(ctx, { type: 'refcount', id, from: obj.rc + 1, to: obj.rc });
  return obj.rc === 0 ? obj : null;
}

/**
 * Clears every weakref to `obj` and unlinks `obj` from its referent if it is a weakref. A
 * `dying` object (being freed) is left as it is: only the objects that outlive it change.
 */
export function clearWeakrefs(ctx: Ctx, obj: HeapObject, dying: boolean): void {
  if (obj.kind === 'instance' && obj.weakref !== null) {
    const wr = ctx.s.objects[obj.weakref];
    if (wr && wr.kind === 'weakref') {
      touch(ctx, wr);
      wr.referent = null;
    }
    emit(ctx, { type: 'weakrefCleared', weakref: obj.weakref, referent: obj.id });
    if (!dying) {
      touch(ctx, obj);
      obj.weakref = null;
    }
  }
  if (obj.kind === 'weakref' && obj.referent !== null) {
    const target = ctx.s.objects[obj.referent];
    if (target && target.kind === 'instance' && target.weakref === obj.id) {
      touch(ctx, target);
      target.weakref = null;
    }
    if (!dying) {
      touch(ctx, obj);
      obj.referent = null;
    }
  }
}

/** Ids whose references are still to be released, shared by every cascade (bottom = 0). */
const pending: ObjId[] = [];
const pushPending = (id: ObjId): void => void pending.push(id);

/** Pushes the references `obj` holds so that they pop in its kind's release order. */
function pushReleased(obj: HeapObject): void {
  const from = pending.length;
  slotsOf(obj).release(obj, pushPending);
  for (let i = from, j = pending.length - 1; i < j; i++, j--) {
    const t = pending[i]!;
    pending[i] = pending[j]!;
    pending[j] = t;
  }
}

function release(ctx: Ctx, obj: HeapObject, cause: 'refcount' | 'gc'): void {
  clearWeakrefs(ctx, obj, true);
  pushReleased(obj);
  removeObject(ctx, obj);
  const counts = ctx.s.gc.counts;
  if (counts[0] > 0) counts[0] -= 1;
  if (ctx.record) emit(ctx, { type: 'freed', id: obj.id, cause });
  ctx.freed?.push(obj.id);
}

/**
 * Frees `id` (its count is 0) and everything that dies with it, depth first in release order.
 * Each freed object leaves the heap before its references are released, and counts as one GC
 * deallocation (gen0 count -1 while positive).
 */
export function freeCascade(ctx: Ctx, id: ObjId, cause: 'refcount' | 'gc'): void {
  const opened = beginRemovals(ctx.w);
  const base = pending.length;
  release(ctx, ctx.s.objects[id]!, cause);
  while (pending.length > base) {
    const dead = dropObject(ctx, pending.pop()!);
    if (dead !== null) release(ctx, dead, cause);
  }
  if (opened) endRemovals(ctx.s, ctx.w);
}

/**
 * tp_clear of a live garbage object (delete_garbage): empties its references and releases them
 * in its kind's order, cascading.
 */
export function clearAndRelease(ctx: Ctx, obj: HeapObject): void {
  const base = pending.length;
  pushReleased(obj);
  touch(ctx, obj);
  slotsOf(obj).clear(obj);
  while (pending.length > base) {
    const next = pending.pop()!;
    if (dropOne(ctx, next)) freeCascade(ctx, next, 'gc');
  }
}
