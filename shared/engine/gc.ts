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
 *   collectGeneration(gen)   (collect.ts composes the phases; promote, handleWeakrefs and
 *                             deleteGarbage live there, the first four here)
 *     young          = tracked objects of generations 0..gen (ascending id), read from the
 *                    generation lists (working.ts): O(young), never a scan of the heap
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
 *
 * Flat layout: the young objects get dense indices 0..n-1 (`Working.slot[id]` = index + 1
 * while collecting, so "collecting" is `slot[id] !== 0`); gc_refs, the tentative marks and the
 * young→young edges (compressed rows: the targets of young[i] are edges[start[i]..start[i+1]))
 * are typed arrays of the young list's size. One traversal of the JSON objects builds the rows;
 * subtractRefs and moveUnreachable then run on integers only. With a trace requested, the
 * phases also record every step (subtractRefs walks the labelled edges for slot names).
 *
 * Phases of CPython 3.11's gc_collect_main that are absent, and why:
 * - untrack_tuples: the model has no tuples yet (the teaching VM will add them, and this phase).
 * - move_legacy_finalizers / gc.garbage / DEBUG_SAVEALL: no object kind has a finalizer
 *   (`__del__`) or tp_del, so nothing is ever uncollectable and nothing is saved.
 * - finalize_garbage and handle_resurrected_objects: no `__del__` runs, so nothing is
 *   resurrected; the VM's instances with `__del__` will need both (PEP 442 order).
 * - weakref callbacks (handle_weakrefs' second half): the subset's weakrefs have no callback;
 *   garbage weakrefs are only cleared.
 * - gc.callbacks and gc.freeze(): no Python code runs around a collection and there is no
 *   permanent generation in the lesson subset; the VM will need callbacks for gc-aware lessons.
 * - clear_freelists after a full collection: the model has no free lists (sizes and object
 *   reuse are not observable in the subset), so there is nothing to clear.
 */
import type { Ctx } from './ctx.ts';
import type { GcTrace } from './events.ts';
import { slotsOf } from './kinds.ts';
import type { Generation, HeapObject, ObjId } from './types.ts';
import { youngIds, type Working } from './working.ts';

/** The young list of one collection and its scratch, all indexed densely 0..n-1. */
export interface Young {
  ids: Int32Array;
  objs: HeapObject[];
  gcRefs: Int32Array;
  tentative: Uint8Array;
  /** Young→young edges as compressed rows of dense indices, in traversal order. */
  start: Int32Array;
  edges: Int32Array;
}

/** Step 1: every tracked object of generations 0..gen, ascending id, marked collecting. */
export function gatherYoung(ctx: Ctx, gen: Generation): Young {
  const ids = youngIds(ctx.w, gen);
  const n = ids.length;
  const objs = new Array<HeapObject>(n);
  const slot = ctx.w.slot;
  for (let i = 0; i < n; i++) {
    objs[i] = ctx.s.objects[ids[i]!]!;
    slot[ids[i]!] = i + 1;
  }
  const young: Young = {
    ids,
    objs,
    gcRefs: new Int32Array(n),
    tentative: new Uint8Array(n),
    start: new Int32Array(n + 1),
    edges: new Int32Array(0),
  };
  buildEdges(young, slot);
  return young;
}

/** Ends the collecting mark of every young object (slots back to 0). */
export function releaseYoung(w: Working, young: Young): void {
  for (const id of young.ids) w.slot[id] = 0;
}

let edgeScratch = new Int32Array(1024);

/** One traversal of the young objects: their references to young objects, as dense indices. */
function buildEdges(young: Young, slot: Int32Array): void {
  let m = 0;
  const visit = (to: ObjId): void => {
    const k = slot[to]!;
    if (k === 0) return;
    if (m === edgeScratch.length) {
      const bigger = new Int32Array(m * 2);
      bigger.set(edgeScratch);
      edgeScratch = bigger;
    }
    edgeScratch[m++] = k - 1;
  };
  const { objs, start } = young;
  for (let i = 0; i < objs.length; i++) {
    start[i] = m;
    slotsOf(objs[i]!).traverse(objs[i]!, visit);
  }
  start[objs.length] = m;
  young.edges = edgeScratch.subarray(0, m);
}

/**
 * updateRefs. Contract: afterwards every young object has gcRefs == rc.
 * Invariant: rc ≥ 1 for every live object (an object at 0 would already be freed).
 */
export function updateRefs(young: Young, trace: GcTrace | null): void {
  const { ids, objs, gcRefs } = young;
  for (let i = 0; i < objs.length; i++) {
    gcRefs[i] = objs[i]!.rc;
    trace?.updateRefs.push({ id: ids[i]!, gcRefs: gcRefs[i]! });
  }
}

/**
 * subtractRefs. Contract: afterwards gcRefs of each young object is the number of references to
 * it from outside the young list. Invariant: gcRefs never goes below 0 (each young→young edge
 * is also counted in the target's rc).
 */
export function subtractRefs(young: Young, slot: Int32Array, trace: GcTrace | null): void {
  const { gcRefs, edges } = young;
  if (!trace) {
    for (let e = 0; e < edges.length; e++) gcRefs[edges[e]!]! -= 1;
    return;
  }
  for (let i = 0; i < young.objs.length; i++) {
    const from = young.ids[i]!;
    slotsOf(young.objs[i]!).traverseLabelled(young.objs[i]!, (to, label) => {
      const k = slot[to]!;
      if (k === 0) return;
      gcRefs[k - 1]! -= 1;
      trace.subtractRefs.push({ from, to, slot: label, gcRefs: gcRefs[k - 1]! });
    });
  }
}

/** The walk of moveUnreachable (young list plus rescues), reused across collections. */
let walkScratch = new Int32Array(1024);

/**
 * moveUnreachable. Walks the young list in order (the walk grows at its tail when an object is
 * rescued, like CPython's gc_list_move back into young; each object is walked at most twice).
 * Invariants: every object left of the cursor is reachable; a reachable object's referents have
 * gcRefs ≥ 1 once it is scanned; objects right of the cursor are not scanned yet.
 * Contract: returns the unreachable set (dense indices, ascending) — exactly the young objects
 * not reachable from any young object with outside references.
 */
export function moveUnreachable(young: Young, trace: GcTrace | null): number[] {
  const { ids, gcRefs, tentative, start, edges } = young;
  const n = ids.length;
  if (walkScratch.length < 2 * n) walkScratch = new Int32Array(4 * n);
  const walk = walkScratch;
  for (let i = 0; i < n; i++) walk[i] = i;
  let length = n;
  for (let p = 0; p < length; p++) {
    const i = walk[p]!;
    if (gcRefs[i] === 0) {
      tentative[i] = 1;
      trace?.moveUnreachable.push({ id: ids[i]!, step: 'tentative' });
      continue;
    }
    trace?.moveUnreachable.push({ id: ids[i]!, step: 'reachable' });
    for (let e = start[i]!, end = start[i + 1]!; e < end; e++) {
      const j = edges[e]!;
      if (tentative[j] === 1) {
        tentative[j] = 0;
        gcRefs[j] = 1;
        walk[length++] = j;
        trace?.moveUnreachable.push({ id: ids[j]!, step: 'rescued', by: ids[i]! });
      } else if (gcRefs[j] === 0) {
        gcRefs[j] = 1;
      }
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (tentative[i] === 1) out.push(i);
  return out;
}
