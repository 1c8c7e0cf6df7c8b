/**
 * The cycle collector, after CPython 3.11's Modules/gcmodule.c.
 *
 * Reference counting cannot free a group of objects that refer to each other. The collector
 * finds such groups among the *tracked* containers of the generations being collected (the
 * "young" list) without knowing the roots: an object whose refcount is larger than the number of
 * references it gets from inside the young list is referenced from outside (a name, a frame, an
 * older generation, an untracked container), so it is reachable, and so is everything it reaches.
 * Everything else is garbage.
 *
 *   collectGeneration(gen):
 *     young          = tracked objects of generations 0..gen (ascending id)
 *     updateRefs     gc_refs = rc                      for each young object
 *     subtractRefs   gc_refs -= 1 per reference from another young object
 *     moveUnreachable  walk young: gc_refs > 0 → reachable, and its referents too (a referent
 *                    already moved out is rescued back); gc_refs == 0 → tentatively unreachable
 *     promote        survivors move to gen+1 (full collection: untrack dicts holding no GC value)
 *     handleWeakrefs clear weakrefs to garbage, and weakref objects that are themselves garbage
 *     deleteGarbage  tp_clear each garbage object; refcounting frees them and their hangers-on
 *     return         the number of garbage objects (untracked hangers-on are not counted)
 *
 * Per-object mark, a small state machine (CPython's gc_refs / PREV_MASK_COLLECTING):
 *   not collecting → updateRefs: collecting, gcRefs = rc → subtractRefs: gcRefs = outside refs
 *   → moveUnreachable: reachable (gcRefs ≥ 1) | tentative (gcRefs = 0, may be rescued)
 *   → after the collection: no marks remain (scratch arrays are discarded).
 */
import type { Ctx } from './ctx.ts';
import type { GcTrace } from './events.ts';
import { forEachReferent, labelledEdges } from './traverse.ts';
import type { Generation, HeapObject, ObjId } from './types.ts';

/** Scratch marks for one collection, indexed by object id (typed arrays: no per-object allocation). */
export interface Marks {
  collecting: Uint8Array;
  gcRefs: Int32Array;
  tentative: Uint8Array;
  /** The young objects by id (holes elsewhere), so the phases never look up the heap's record. */
  byId: HeapObject[];
}

export function newMarks(size: number): Marks {
  return {
    collecting: new Uint8Array(size),
    gcRefs: new Int32Array(size),
    tentative: new Uint8Array(size),
    byId: new Array<HeapObject>(size),
  };
}

/** Step 1: the young list, every tracked object of generations 0..gen, ascending id. */
export function gatherYoung(ctx: Ctx, gen: Generation, marks: Marks): ObjId[] {
  const young: ObjId[] = [];
  const objects = ctx.s.objects;
  for (const key in objects) {
    const obj = objects[key as unknown as number]!;
    if (obj.gen !== null && obj.gen <= gen) {
      young.push(obj.id);
      marks.byId[obj.id] = obj;
    }
  }
  return young;
}

/**
 * updateRefs. Contract: afterwards every young object is `collecting` with gcRefs == rc.
 * Invariant: rc ≥ 1 for every live object (an object at 0 would already be freed).
 */
export function updateRefs(young: ObjId[], marks: Marks, trace: GcTrace | null): void {
  for (const id of young) {
    const rc = marks.byId[id]!.rc;
    marks.collecting[id] = 1;
    marks.gcRefs[id] = rc;
    trace?.updateRefs.push({ id, gcRefs: rc });
  }
}

/**
 * subtractRefs. Contract: afterwards gcRefs of each young object is the number of references to
 * it from outside the young list. Invariant: gcRefs never goes below 0 (each young→young edge
 * is also counted in the target's rc).
 */
export function subtractRefs(young: ObjId[], marks: Marks, trace: GcTrace | null): void {
  const { collecting, gcRefs } = marks;
  const visitDecref = (to: ObjId): void => {
    if (collecting[to] === 1) gcRefs[to] = gcRefs[to]! - 1;
  };
  for (const id of young) {
    const obj = marks.byId[id]!;
    if (!trace) {
      forEachReferent(obj, visitDecref);
      continue;
    }
    for (const { to, slot } of labelledEdges(obj)) {
      if (collecting[to] !== 1) continue;
      gcRefs[to] = gcRefs[to]! - 1;
      trace.subtractRefs.push({ from: id, to, slot, gcRefs: gcRefs[to]! });
    }
  }
}

/**
 * moveUnreachable. Walks `young` in order (the array grows at its tail when an object is
 * rescued, like CPython's gc_list_move back into young).
 * Invariants: every object left of the cursor is reachable; a reachable object's referents have
 * gcRefs ≥ 1 once it is scanned; objects right of the cursor are not scanned yet.
 * Contract: returns the unreachable set — exactly the young objects not reachable from any
 * young object with outside references. The order of `young` does not change the set.
 */
export function moveUnreachable(young: ObjId[], marks: Marks, trace: GcTrace | null): ObjId[] {
  const { collecting, gcRefs, tentative } = marks;
  const walk = young.slice();
  let scanning = 0;
  const visitReachable = (to: ObjId): void => {
    if (collecting[to] !== 1) return;
    if (tentative[to] === 1) {
      tentative[to] = 0;
      gcRefs[to] = 1;
      walk.push(to);
      trace?.moveUnreachable.push({ id: to, step: 'rescued', by: scanning });
    } else if (gcRefs[to] === 0) {
      gcRefs[to] = 1;
    }
  };
  for (let i = 0; i < walk.length; i++) {
    const id = walk[i]!;
    if (gcRefs[id] === 0) {
      tentative[id] = 1;
      trace?.moveUnreachable.push({ id, step: 'tentative' });
      continue;
    }
    trace?.moveUnreachable.push({ id, step: 'reachable' });
    scanning = id;
    forEachReferent(marks.byId[id]!, visitReachable);
  }
  return young.filter((id) => tentative[id] === 1);
}
