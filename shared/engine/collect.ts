/**
 * Running collections: the phases of gc.ts composed the way gc_collect_main does it, the
 * generation bookkeeping, and the automatic trigger on allocation (gc_collect_generations).
 */
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import type { GcTrace } from './events.ts';
import {
  gatherYoung,
  moveUnreachable,
  releaseYoung,
  subtractRefs,
  updateRefs,
  type Young,
} from './gc.ts';
import { slotsOf } from './kinds.ts';
import { clearAndRelease, clearWeakrefs, freeCascade } from './refcount.ts';
import type { Generation, HeapObject } from './types.ts';
import { beginRemovals, endRemovals, setGen, setRc } from './write.ts';

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
  const young = gatherYoung(ctx, generation);
  if (trace) trace.young = Array.from(young.ids);
  updateRefs(young, trace);
  subtractRefs(young, ctx.w.slot, trace);
  const garbage = moveUnreachable(young, trace).map((i) => young.objs[i]!);
  releaseYoung(ctx.w, young);
  promoteSurvivors(ctx, young, generation, trace);
  handleWeakrefs(ctx, garbage, trace);
  deleteGarbage(ctx, garbage, trace);

  gc.collections[generation] += 1;
  gc.collected[generation] += garbage.length;
  if (trace) {
    trace.unreachable = garbage.map((o) => o.id);
    trace.result = garbage.length;
    emit(ctx, { type: 'collected', trace });
  }
  return garbage.length;
}

/**
 * Survivors move to the next generation. Only a full collection untracks dicts that hold no
 * GC value (3.11 untrack_dicts, issue #14775), and it resets the long-lived counters.
 */
function promoteSurvivors(
  ctx: Ctx,
  young: Young,
  generation: Generation,
  trace: GcTrace | null,
): void {
  const { objs, tentative } = young;
  const next = (generation === 2 ? 2 : generation + 1) as Generation;
  let survivors = 0;
  for (let i = 0; i < objs.length; i++) {
    if (tentative[i] === 1) continue;
    survivors += 1;
    setGen(ctx, objs[i]!, next);
    trace?.promoted.push(objs[i]!.id);
  }
  const gc = ctx.s.gc;
  if (generation === 1) gc.longLivedPending += survivors;
  if (generation !== 2) return;
  for (let i = 0; i < objs.length; i++) {
    const obj = objs[i]!;
    if (tentative[i] !== 1 && slotsOf(obj).untrackAfterFullCollection(obj)) {
      setGen(ctx, obj, null);
      trace?.untrackedDicts.push(obj.id);
      emit(ctx, { type: 'untracked', id: obj.id });
    }
  }
  gc.longLivedPending = 0;
  gc.longLivedTotal = survivors;
}

/**
 * handle_weakrefs: before anything is freed, every weakref to a garbage object is cleared
 * (`w() is None` becomes True), and weakref objects that are garbage themselves are cleared.
 * No callbacks exist in the model, so none run.
 */
function handleWeakrefs(ctx: Ctx, garbage: HeapObject[], trace: GcTrace | null): void {
  for (const obj of garbage) {
    if (obj.kind === 'instance' && obj.weakref !== null) {
      trace?.weakrefsCleared.push({ weakref: obj.weakref, referent: obj.id });
    }
    clearWeakrefs(ctx, obj, false);
  }
}

/**
 * delete_garbage: tp_clear each garbage object still alive, holding a temporary reference so it
 * is freed by its own decref; refcounting then frees the rest, untracked hangers-on included.
 */
function deleteGarbage(ctx: Ctx, garbage: HeapObject[], trace: GcTrace | null): void {
  const saved = ctx.freed;
  // Only a trace lists the frees.
  ctx.freed = trace ? trace.freed : undefined;
  ctx.collecting = true;
  const opened = beginRemovals(ctx.w);
  for (const obj of garbage) {
    // Freed already by an earlier one's cascade: every freed object has rc 0 (and is never
    // modified afterwards), every object still in the heap has rc ≥ 1.
    if (obj.rc === 0) continue;
    setRc(ctx, obj, obj.rc + 1);
    clearAndRelease(ctx, obj);
    setRc(ctx, obj, obj.rc - 1);
    if (obj.rc === 0) freeCascade(ctx, obj.id, 'gc');
  }
  if (opened) endRemovals(ctx.s, ctx.w);
  ctx.freed = saved;
  ctx.collecting = false;
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
