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
import type { Generation, HeapObject, ObjId } from './types.ts';
import { setGen, setRc } from './write.ts';

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
  const freed = deleteGarbage(ctx, garbage);

  const unreachable = garbage.map((o) => o.id);
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
  young: Young,
  generation: Generation,
  trace: GcTrace | null,
): void {
  const survivors: HeapObject[] = [];
  for (let i = 0; i < young.objs.length; i++)
    if (young.tentative[i] !== 1) survivors.push(young.objs[i]!);
  const next = (generation === 2 ? 2 : generation + 1) as Generation;
  for (const obj of survivors) setGen(ctx, obj, next);
  if (trace) trace.promoted = survivors.map((o) => o.id);
  const gc = ctx.s.gc;
  if (generation === 1) gc.longLivedPending += survivors.length;
  if (generation !== 2) return;
  for (const obj of survivors) {
    if (slotsOf(obj).untrackAfterFullCollection(obj)) {
      setGen(ctx, obj, null);
      trace?.untrackedDicts.push(obj.id);
      emit(ctx, { type: 'untracked', id: obj.id });
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
function deleteGarbage(ctx: Ctx, garbage: HeapObject[]): ObjId[] {
  const freed: ObjId[] = [];
  const saved = ctx.freed;
  ctx.freed = freed;
  ctx.collecting = true;
  for (const obj of garbage) {
    if (ctx.s.objects[obj.id] !== obj) continue;
    setRc(ctx, obj, obj.rc + 1);
    clearAndRelease(ctx, obj);
    setRc(ctx, obj, obj.rc - 1);
    if (obj.rc === 0) freeCascade(ctx, obj.id, 'gc');
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
