/**
 * What the collector needs beyond `GcObject` / `GcRuntime` (../gcobject.ts): the few exact-type
 * checks gcmodule.c makes, and the places where a collection touches Python-visible state
 * (gc.garbage, gc.callbacks, free lists). The `gc` module supplies them; unit tests supply fakes.
 */
import type { GcObject, GcRuntime } from '../gcobject.ts';

/** A weak reference as the collector sees it (Objects/weakrefobject.c's PyWeakReference). */
export interface WeakrefView {
  /** wr_object: the referent, or null once cleared (CPython's Py_None). */
  readonly referent: GcObject | null;
  /** wr_callback, or null. Kept by clearRef; dropped when the weakref is freed or its callback ran. */
  readonly callback: GcObject | null;
  /** _PyWeakref_ClearRef: unlink from the referent's list, referent := null, keep the callback. */
  clearRef(): void;
}

/** The info dict gc.callbacks receive (`invoke_gc_callback`). */
export interface CollectionInfo {
  readonly generation: number;
  readonly collected: number;
  readonly uncollectable: number;
}

/** The names of gcmodule.c's phases, in the order gc_collect_main runs them. */
export type GcPhase =
  | 'update_refs'
  | 'subtract_refs'
  | 'move_unreachable'
  | 'untrack_tuples'
  | 'untrack_dicts'
  | 'move_legacy_finalizers'
  | 'handle_weakrefs'
  | 'finalize_garbage'
  | 'handle_resurrected_objects'
  | 'delete_garbage'
  | 'handle_legacy_finalizers';

/** One step of a collection, for the trace the Playground animates. */
export type GcEvent =
  | { readonly kind: 'start'; readonly generation: number; readonly automatic: boolean }
  | { readonly kind: 'phase'; readonly phase: GcPhase; readonly objects: readonly GcObject[] }
  /** update_refs: gc_refs := ob_refcnt. */
  | { readonly kind: 'update_refs'; readonly object: GcObject; readonly gcRefs: number }
  /** subtract_refs: one reference from `from` to `to` inside the collected set. */
  | {
      readonly kind: 'subtract';
      readonly from: GcObject;
      readonly to: GcObject;
      readonly gcRefs: number;
    }
  /**
   * move_unreachable: the walk reaches `object` (reachable when gc_refs > 0, else tentatively
   * unreachable), or a reachable `by` moves a tentative one back (rescued, gc_refs := 1).
   */
  | {
      readonly kind: 'move';
      readonly object: GcObject;
      readonly step: 'reachable' | 'tentative' | 'rescued';
      readonly by: GcObject | null;
      readonly gcRefs: number;
    }
  | { readonly kind: 'weakref_callback'; readonly weakref: GcObject }
  | { readonly kind: 'finalize'; readonly object: GcObject }
  | { readonly kind: 'clear'; readonly object: GcObject }
  | {
      readonly kind: 'stop';
      readonly generation: number;
      readonly collected: number;
      readonly uncollectable: number;
    };

export interface CollectorHooks {
  readonly runtime: GcRuntime;
  /** PyTuple_CheckExact / PyDict_CheckExact: which objects untrack_tuples / untrack_dicts consider. */
  untrackKind(o: GcObject): 'tuple' | 'dict' | null;
  /** PyWeakref_Check: `o` as a weak reference, or null. */
  asWeakref(o: GcObject): WeakrefView | null;
  /** tp_del (legacy, pre-PEP 442 finalizers): no Python class has one; C types only. */
  hasLegacyFinalizer(o: GcObject): boolean;
  /** PyList_Append(gc.garbage, o): DEBUG_SAVEALL and legacy finalizers. The list takes a reference. */
  saveGarbage(o: GcObject): void;
  /** invoke_gc_callback: calls every function in gc.callbacks with (phase, info). */
  invokeCallbacks(phase: 'start' | 'stop', info: CollectionInfo): void;
  /** clear_freelists: a full collection empties the float/tuple/list/dict free lists. */
  clearFreelists(): void;
  /** Optional observer of every step (the Playground's phase player). */
  trace?(event: GcEvent): void;
}
