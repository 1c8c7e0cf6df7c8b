/**
 * The phases of gc_collect_main (gcmodule.c, CPython 3.11) after deduce_unreachable, one function
 * each, in the order they run. `Pass` is one collection's working state.
 */
import type { GcObject } from '../gcobject.ts';
import { GcList } from './lists.ts';
import type { ListRegistry } from './lists.ts';
import type { CollectorHooks, GcEvent, GcPhase } from './types.ts';
import { deduceUnreachable } from './unreachable.ts';

export interface Pass {
  readonly lists: ListRegistry;
  readonly collecting: Set<GcObject>;
  readonly hooks: CollectorHooks;
  /** hooks.trace, when someone observes (deduce_unreachable reports gc_refs through it). */
  readonly trace: ((event: GcEvent) => void) | undefined;
  /** DEBUG_SAVEALL: garbage goes to gc.garbage instead of being cleared. */
  readonly saveAll: boolean;
  /** _PyObject_GC_UNTRACK. */
  untrack(o: GcObject): void;
}

export function tracePhase(pass: Pass, phase: GcPhase, list: GcList): void {
  pass.hooks.trace?.({ kind: 'phase', phase, objects: list.snapshot() });
}

/** _PyObject_GC_MAY_BE_TRACKED: a GC object that is not a tuple may become tracked at any time. */
function mayBeTracked(pass: Pass, o: GcObject): boolean {
  if (o.gc === null) return false;
  return pass.hooks.untrackKind(o) === 'tuple' ? o.gc.tracked : true;
}

/** True when no referent may be tracked (_PyTuple_MaybeUntrack / _PyDict_MaybeUntrack's test). */
function holdsNothingTracked(pass: Pass, o: GcObject): boolean {
  let any = false;
  o.traverse((r) => {
    if (!any && mayBeTracked(pass, r)) any = true;
  });
  return !any;
}

/** untrack_tuples / untrack_dicts: survivors of that kind that can never be in a cycle. */
export function untrackContainers(pass: Pass, survivors: GcList, kind: 'tuple' | 'dict'): void {
  for (const o of survivors.items) {
    if (pass.hooks.untrackKind(o) === kind && holdsNothingTracked(pass, o)) pass.untrack(o);
  }
  tracePhase(pass, kind === 'tuple' ? 'untrack_tuples' : 'untrack_dicts', survivors);
}

/**
 * move_legacy_finalizers + move_legacy_finalizer_reachable: objects with tp_del (never a Python
 * class: `__del__` is tp_finalize) and everything they reach leave `unreachable` for `finalizers`.
 */
export function moveLegacyFinalizers(pass: Pass, unreachable: GcList, finalizers: GcList): void {
  for (const o of unreachable.items) {
    if (pass.hooks.hasLegacyFinalizer(o)) {
      pass.collecting.delete(o);
      pass.lists.move(o, finalizers);
    }
  }
  const visitMove = (r: GcObject): void => {
    if (r.gc !== null && pass.collecting.has(r)) {
      pass.lists.move(r, finalizers);
      pass.collecting.delete(r);
    }
  };
  for (const o of finalizers.items) o.traverse(visitMove);
  tracePhase(pass, 'move_legacy_finalizers', finalizers);
}

function firstWeakref(o: GcObject): GcObject | null {
  return o.weakrefs?.[0] ?? null;
}

/**
 * handle_weakrefs: clear every weakref to an unreachable object (and every unreachable weakref)
 * before any Python code runs, so no callback can reach trash. Only callbacks of weakrefs that
 * are themselves reachable run, each with the weakref as argument, oldest list position first.
 * Returns how many of those weakrefs the callbacks freed (they count as collected).
 */
export function handleWeakrefs(pass: Pass, unreachable: GcList, old: GcList): number {
  const { lists, hooks } = pass;
  const toCall = new GcList('wrcb_to_call');
  for (const o of unreachable.items) {
    hooks.asWeakref(o)?.clearRef();
    // clearRef unlinks the weakref from o.weakrefs, so the head changes each time round.
    for (let wr = firstWeakref(o); wr !== null; wr = firstWeakref(o)) {
      const view = hooks.asWeakref(wr);
      if (view === null) throw new Error('gc: a non-weakref in a weakref list');
      view.clearRef();
      if (view.callback === null || pass.collecting.has(wr)) continue;
      if (wr.gc === null || !wr.gc.tracked) throw new Error('gc: untracked weakref with callback');
      hooks.runtime.incref(wr);
      lists.move(wr, toCall);
    }
  }
  tracePhase(pass, 'handle_weakrefs', toCall);
  let freed = 0;
  while (toCall.size > 0) {
    const wr = toCall.first() as GcObject;
    const callback = hooks.asWeakref(wr)?.callback ?? null;
    if (callback !== null) {
      hooks.trace?.({ kind: 'weakref_callback', weakref: wr });
      hooks.runtime.callIgnoringErrors(callback, [wr]);
    }
    hooks.runtime.decref(wr);
    if (lists.listOf(wr) === toCall) lists.move(wr, old);
    else freed++;
  }
  return freed;
}

/**
 * finalize_garbage (PEP 442): run tp_finalize (`__del__`) once per object, in list order, with the
 * whole trash group still intact. An object may be freed by another's finalizer mid-walk; taking the
 * head each time and moving it to `seen` copes with that.
 */
export function finalizeGarbage(pass: Pass, collectable: GcList): void {
  const { lists, hooks } = pass;
  const seen = new GcList('seen');
  while (collectable.size > 0) {
    const o = collectable.first() as GcObject;
    lists.move(o, seen);
    if (o.gc !== null && !o.gc.finalized && o.hasFinalizer()) {
      o.gc.finalized = true;
      hooks.trace?.({ kind: 'finalize', object: o });
      hooks.runtime.incref(o);
      hooks.runtime.runFinalizer(o);
      hooks.runtime.decref(o);
    }
  }
  lists.merge(seen, collectable);
  tracePhase(pass, 'finalize_garbage', collectable);
}

/**
 * handle_resurrected_objects: finalizers may have made trash reachable again. Re-run
 * deduce_unreachable on the trash alone; what something outside references (and all it reaches)
 * moves to `old`, the rest is `stillUnreachable`.
 */
export function handleResurrectedObjects(
  pass: Pass,
  unreachable: GcList,
  stillUnreachable: GcList,
  old: GcList,
): void {
  for (const o of unreachable.items) pass.collecting.delete(o);
  deduceUnreachable(pass, unreachable, stillUnreachable);
  tracePhase(pass, 'handle_resurrected_objects', stillUnreachable);
  pass.lists.merge(unreachable, old);
}

/**
 * delete_garbage: tp_clear each object in turn (its references dropped through decref, so frees
 * cascade); with DEBUG_SAVEALL append it to gc.garbage instead. What survives moves to `old`.
 */
export function deleteGarbage(pass: Pass, collectable: GcList, old: GcList): void {
  const { lists, hooks } = pass;
  tracePhase(pass, 'delete_garbage', collectable);
  while (collectable.size > 0) {
    const o = collectable.first() as GcObject;
    if (o.rc <= 0) throw new Error('gc: refcount is too small (delete_garbage)');
    if (pass.saveAll) {
      hooks.saveGarbage(o);
    } else {
      hooks.trace?.({ kind: 'clear', object: o });
      hooks.runtime.incref(o);
      o.clear();
      hooks.runtime.decref(o);
    }
    if (lists.listOf(o) === collectable) lists.move(o, old);
  }
}

/** handle_legacy_finalizers: uncollectable objects go to gc.garbage, then join `old`. */
export function handleLegacyFinalizers(pass: Pass, finalizers: GcList, old: GcList): void {
  for (const o of finalizers.items) {
    if (pass.saveAll || pass.hooks.hasLegacyFinalizer(o)) pass.hooks.saveGarbage(o);
  }
  tracePhase(pass, 'handle_legacy_finalizers', finalizers);
  pass.lists.merge(finalizers, old);
}
