/**
 * deduce_unreachable (gcmodule.c): update_refs, subtract_refs, move_unreachable. After it, `base`
 * holds exactly the objects reachable from outside `base` (directly or through other objects of
 * `base`), in CPython's order, and `unreachable` the rest.
 *
 * Invariants (checked here as CPython asserts them):
 * - update_refs: every object of `base` has rc > 0 (a tracked object at rc 0 is a refcount bug);
 * - after subtract_refs, gcRefs ≥ 0 (a traverse reporting more references than rc is a bug);
 * - "collecting" = member of `base` not yet proven reachable; objects outside `base` (other
 *   generations, untracked objects, non-GC objects) are never decremented nor moved.
 */
import type { GcObject } from '../gcobject.ts';
import type { GcList, ListRegistry } from './lists.ts';
import type { GcEvent } from './types.ts';

export interface ScanState {
  readonly lists: ListRegistry;
  /** PREV_MASK_COLLECTING: set by update_refs, cleared once move_unreachable finds an object reachable. */
  readonly collecting: Set<GcObject>;
  /** The Playground's observer: every gc_refs value as it is set (absent: nothing reported). */
  readonly trace?: ((event: GcEvent) => void) | undefined;
}

function head(o: GcObject) {
  if (o.gc === null) throw new Error('gc: a non-GC object in a generation list');
  return o.gc;
}

/** gc_refs := ob_refcnt for every object of `base`, and mark it collecting. */
function updateRefs(state: ScanState, base: GcList): void {
  for (const o of base.items) {
    if (o.rc <= 0) throw new Error(`gc: tracked object with refcount ${o.rc} (update_refs)`);
    head(o).gcRefs = o.rc;
    state.collecting.add(o);
    state.trace?.({ kind: 'update_refs', object: o, gcRefs: o.rc });
  }
}

/** Subtract the references held by objects of `base` itself: what remains comes from outside. */
function subtractRefs(state: ScanState, base: GcList): void {
  const { trace } = state;
  let from: GcObject | null = null;
  const visitDecref = (referent: GcObject): void => {
    if (referent.gc === null || !state.collecting.has(referent)) return;
    referent.gc.gcRefs--;
    trace?.({ kind: 'subtract', from: from!, to: referent, gcRefs: referent.gc.gcRefs });
  };
  for (const o of base.items) {
    from = o;
    o.traverse(visitDecref);
  }
}

/**
 * Walk `base` in order. An object with gcRefs > 0 is reachable: everything it references in `base`
 * becomes reachable too (gcRefs := 1, or moved back from `unreachable` to the tail of `base`, where
 * the walk reaches it again). An object still at 0 when reached moves to `unreachable` —
 * tentatively, until something reachable references it.
 */
function moveUnreachable(state: ScanState, base: GcList, unreachable: GcList): void {
  const { lists, collecting, trace } = state;
  let by: GcObject | null = null;
  const visitReachable = (referent: GcObject): void => {
    if (referent.gc === null || !collecting.has(referent)) return;
    if (lists.listOf(referent) === unreachable) {
      lists.move(referent, base);
      referent.gc.gcRefs = 1;
      trace?.({ kind: 'move', object: referent, step: 'rescued', by, gcRefs: 1 });
    } else if (referent.gc.gcRefs === 0) {
      referent.gc.gcRefs = 1;
    }
  };
  // A Set walks entries appended during the walk, like move_unreachable's linked list.
  for (const o of base.items) {
    const refs = head(o).gcRefs;
    if (refs < 0) throw new Error('gc: refcount is too small (move_unreachable)');
    const step = refs > 0 ? 'reachable' : 'tentative';
    trace?.({ kind: 'move', object: o, step, by: null, gcRefs: refs });
    if (refs > 0) {
      by = o;
      o.traverse(visitReachable);
      collecting.delete(o);
    } else {
      lists.move(o, unreachable);
    }
  }
}

/** deduce_unreachable: the three passes above; `unreachable` must start empty. */
export function deduceUnreachable(state: ScanState, base: GcList, unreachable: GcList): void {
  updateRefs(state, base);
  subtractRefs(state, base);
  moveUnreachable(state, base, unreachable);
}
