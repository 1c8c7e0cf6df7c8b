/**
 * The collector installed in the VM: implements the object model's `heap.ts` Collector on top of
 * `Collector` (./collector.ts), with the hooks that touch VM objects — gc.garbage and gc.callbacks
 * (Python lists the gc module exposes), free lists, `__del__`, weakref callbacks.
 * runScript installs a fresh one per run: `resetHeap(new VmCollector())`.
 */
import type { GcObject } from '../gcobject.ts';
import type { Collector as HeapCollector } from '../heap.ts';
import { decref, incref, type PyObject } from '../object.ts';
import { finalizerHook } from '../instance.ts';
import { clearFreeLists } from '../freelists.ts';
import { PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { T } from '../registry.ts';
import { newInt, newStr } from '../scalars.ts';
import { clearWeakrefsOnDealloc, PyWeakref, unraisableCall } from '../weakref.ts';
import { Collector } from './collector.ts';
import type { CollectionInfo, GcEvent } from './types.ts';

export class VmCollector implements HeapCollector {
  readonly core: Collector;
  /** gc.garbage and gc.callbacks: made by the gc module on import (null until then). */
  garbage: PyList | null = null;
  callbacks: PyList | null = null;
  /** The Playground's observer of collection steps. */
  trace: ((event: GcEvent) => void) | null = null;

  constructor() {
    this.core = new Collector({
      runtime: {
        incref: (o) => void incref(o as PyObject),
        decref: (o) => decref(o as PyObject),
        runFinalizer: (o) => finalizerHook.run(o as PyObject),
        callIgnoringErrors: (fn, args) => unraisableCall.call(fn as PyObject, args as PyObject[]),
      },
      untrackKind: (o) => untrackKind(o),
      asWeakref: (o) => (o instanceof PyWeakref ? o : null),
      hasLegacyFinalizer: () => false,
      saveGarbage: (o) => this.saveGarbage(o as PyObject),
      invokeCallbacks: (phase, info) => this.invokeCallbacks(phase, info),
      clearFreelists: () => clearFreeLists(),
      trace: (event) => this.trace?.(event),
    });
  }

  onAlloc(): void {
    this.core.link();
  }
  onFree(o: GcObject): void {
    this.core.free(o);
  }
  track(o: GcObject): void {
    this.core.track(o);
  }
  untrack(o: GcObject): void {
    this.core.untrack(o);
  }
  clearWeakrefs(o: GcObject): void {
    clearWeakrefsOnDealloc(o as PyObject);
  }

  private saveGarbage(o: PyObject): void {
    if (this.garbage === null) this.garbage = new PyList([]);
    this.garbage.append(incref(o));
  }

  /**
   * invoke_gc_callback: nothing is allocated when gc.callbacks is empty; otherwise one info dict
   * {"generation", "collected", "uncollectable"} is shared by every call of this phase. The list is
   * walked by index, so callbacks that edit it affect this very walk, as in CPython.
   */
  private invokeCallbacks(phase: 'start' | 'stop', info: CollectionInfo): void {
    const callbacks = this.callbacks;
    if (callbacks === null || callbacks.items.length === 0) return;
    const dict = new PyDict();
    dict.set(newStr('generation'), newInt(info.generation));
    dict.set(newStr('collected'), newInt(info.collected));
    dict.set(newStr('uncollectable'), newInt(info.uncollectable));
    for (let i = 0; i < callbacks.items.length; i++) {
      const cb = incref(callbacks.items[i] as PyObject);
      const phaseStr = newStr(phase);
      unraisableCall.call(cb, [phaseStr, dict]);
      decref(phaseStr);
      decref(cb);
    }
    decref(dict);
  }
}

/** PyTuple_CheckExact / PyDict_CheckExact. */
function untrackKind(o: GcObject): 'tuple' | 'dict' | null {
  if (o instanceof PyTuple && o.type === T.tuple) return 'tuple';
  if (o instanceof PyDict && o.type === T.dict) return 'dict';
  return null;
}
