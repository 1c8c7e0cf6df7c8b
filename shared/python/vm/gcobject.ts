/**
 * The contract between the VM's objects (object model, eval loop: `vm/*.ts`) and its cycle
 * collector (`vm/gc/**`, after CPython 3.11's Modules/gcmodule.c). Two engineers build the two
 * sides at once; this file is what they agree on. Change it only together.
 *
 * Reference counts are CPython's exactly: `rc` is `ob_refcnt`, so `sys.getrefcount(x)` prints
 * `x.rc` as CPython would (including the argument's own reference). Allocation and free update
 * the generation-0 count as `_PyObject_GC_Link` / `PyObject_GC_Del` do (free lists skip both;
 * see docs/python-vm.md "Object facts").
 */

/** gcmodule.c's PyGC_Head, plus the PEP 442 "finalized" bit CPython keeps beside it. */
export interface GcHead {
  /** Whether the object is in a generation list (`_PyObject_GC_IS_TRACKED`). */
  tracked: boolean;
  /** Which list holds it while tracked: 0, 1, 2, or 3 for the permanent generation (gc.freeze). */
  gen: 0 | 1 | 2 | 3;
  /** Scratch `gc_refs` used only during a collection (update_refs / subtract_refs). */
  gcRefs: number;
  /** `_PyGC_FINALIZED`: its `__del__` already ran once (PEP 442); never runs again. */
  finalized: boolean;
}

/** What the collector needs of any object. The object model's base class implements it. */
export interface GcObject {
  /** ob_refcnt. */
  rc: number;
  /** Non-null exactly for objects of GC types (`Py_TPFLAGS_HAVE_GC`), tracked or not. */
  readonly gc: GcHead | null;
  /** tp_traverse: calls `visit` once per strong reference this object holds, in CPython's order. */
  traverse(visit: (referent: GcObject) => void): void;
  /**
   * tp_clear: drops the references that can break a cycle (CPython's per-type choice), through
   * the object model's decref so frees cascade. Called by delete_garbage.
   */
  clear(): void;
  /** True when the type defines `__del__` (tp_finalize). */
  hasFinalizer(): boolean;
  /** Weak references to this object, oldest first (tp_weaklist); null when none / not weakrefable. */
  weakrefs: GcObject[] | null;
}

/**
 * What the collector calls back into the VM for. Running Python code (finalizers, weakref
 * callbacks, gc.callbacks) goes through here so the collector needs no eval loop of its own.
 */
export interface GcRuntime {
  incref(o: GcObject): void;
  decref(o: GcObject): void;
  /** Runs `o.__del__()` (PEP 442 finalize); an exception is printed as CPython's "Exception ignored in". */
  runFinalizer(o: GcObject): void;
  /** Calls a weakref callback / gc callback with the given arguments; errors reported, not raised. */
  callIgnoringErrors(callable: GcObject, args: GcObject[]): void;
}
