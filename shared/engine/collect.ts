/**
 * Running collections: the phases of gc.ts composed the way gc_collect_main does it, the
 * generation bookkeeping, and the automatic trigger on allocation (gc_collect_generations).
 */
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import type { GcTrace } from './events.ts';
import { gatherYoung, moveUnreachable, newMarks, subtractRefs, updateRefs } from './gc.ts';
import { clearWeakrefs, decref, detachReferences, freeCascade, releaseOrder } from './refcount.ts';
import type { Generation, ObjId } from './types.ts';

function emptyTrace(generation: Generation, automatic: boolean): GcTrace {
  return {
    generation,
    automatic,
    young: [],
    updateRefs: [],
    subtractRefs: [],
    moveUnreachable: [],
    unreachable: [],
    promoted: [],
    untrackedDicts: [],
    weakrefsCleared: [],
    freed: [],
    result: 0,
  };
}

/** gc_collect_main(generation): returns what gc.collect(generation) returns. */
export function collectGeneration(ctx: Ctx, generation: Generation, automatic: boolean): number {
  const gc = ctx.s.gc;
  if (generation === 0) gc.counts[1] += 1;
  if (generation === 1) gc.counts[2] += 1;
  for (let g = 0; g <= generation; g++) gc.counts[g] = 0;

  const trace = ctx.record ? emptyTrace(generation, automatic) : null;
  const marks = newMarks(ctx.s.nextId);
  const young = gatherYoung(ctx, generation, marks);
  if (trace) trace.young = young.slice();
  updateRefs(young, marks, trace);
  subtractRefs(young, marks, trace);
  const unreachable = moveUnreachable(young, marks, trace);
  promoteSurvivors(ctx, young, marks.tentative, generation, trace);
  handleWeakrefs(ctx, unreachable, trace);
  const freed = deleteGarbage(ctx, unreachable);

  gc.collections[generation] += 1;
  gc.collected[generation] += unreachable.length;
  if (trace) {
    trace.unreachable = unreachable;
    trace.freed = freed;
    trace.result = unreachable.length;
    emit(ctx, { type: 'collected', trace });
  }
  return unreachable.length;
}

/**
 * Survivors move to the next generation. Only a full collection untracks dicts that hold no
 * GC value (3.11 untrack_dicts, issue #14775), and it resets the long-lived counters.
 */
function promoteSurvivors(
  ctx: Ctx,
  young: ObjId[],
  tentative: Uint8Array,
  generation: Generation,
  trace: GcTrace | null,
): void {
  const survivors = young.filter((id) => tentative[id] !== 1);
  const next = (generation === 2 ? 2 : generation + 1) as Generation;
  for (const id of survivors) ctx.s.objects[id]!.gen = next;
  if (trace) trace.promoted = survivors;
  const gc = ctx.s.gc;
  if (generation === 1) gc.longLivedPending += survivors.length;
  if (generation !== 2) return;
  for (const id of survivors) {
    const obj = ctx.s.objects[id]!;
    if (obj.kind === 'dict' && !obj.entries.some(([, v]) => v.t === 'ref')) {
      obj.gen = null;
      trace?.untrackedDicts.push(id);
      emit(ctx, { type: 'untracked', id });
    }
  }
  gc.longLivedPending = 0;
  gc.longLivedTotal = survivors.length;
}

/**
 * handle_weakrefs: before anything is freed, every weakref to a garbage object is cleared
 * (`w() is None` becomes True), and weakref objects that are garbage themselves are cleared.
 * No callbacks exist in the model, so none run.
 */
function handleWeakrefs(ctx: Ctx, unreachable: ObjId[], trace: GcTrace | null): void {
  for (const id of unreachable) {
    const obj = ctx.s.objects[id]!;
    if (obj.kind === 'instance' && obj.weakref !== null) {
      trace?.weakrefsCleared.push({ weakref: obj.weakref, referent: id });
    }
    clearWeakrefs(ctx, obj);
  }
}

/**
 * delete_garbage: tp_clear each garbage object still alive, holding a temporary reference so it
 * is freed by its own decref; refcounting then frees the rest, untracked hangers-on included.
 */
function deleteGarbage(ctx: Ctx, unreachable: ObjId[]): ObjId[] {
  const freed: ObjId[] = [];
  const saved = ctx.freed;
  ctx.freed = freed;
  ctx.collecting = true;
  for (const id of unreachable) {
    const obj = ctx.s.objects[id];
    if (!obj) continue;
    obj.rc += 1;
    const released = releaseOrder(obj);
    detachReferences(obj);
    for (const v of released) decref(ctx, v);
    obj.rc -= 1;
    if (obj.rc === 0) freeCascade(ctx, id, 'gc');
  }
  ctx.freed = saved;
  ctx.collecting = false;
  return freed;
}

/**
 * Called on every allocation of a GC object, before the object exists (as gc_alloc does):
 * counts it, and when gen0's count passes its threshold with the collector enabled, collects
 * the oldest generation whose count exceeds its threshold (gen 2 only when enough long-lived
 * objects are pending).
 */
export function noteAllocation(ctx: Ctx): void {
  const gc = ctx.s.gc;
  gc.counts[0] += 1;
  if (!gc.enabled || gc.thresholds[0] === 0 || gc.counts[0] <= gc.thresholds[0]) return;
  for (let g = 2; g >= 0; g--) {
    if (gc.counts[g]! <= gc.thresholds[g]!) continue;
    if (g === 2 && gc.longLivedPending < Math.floor(gc.longLivedTotal / 4)) continue;
    collectGeneration(ctx, g as Generation, true);
    return;
  }
}
