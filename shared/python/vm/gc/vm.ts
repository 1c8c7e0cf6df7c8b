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
import { atexitCallbacks } from './atexit.ts';
import type { CollectionInfo, CollectorHooks, GcEvent } from './types.ts';

/** gc.get_count() at a script's first line under `python3 script.py` (CPython 3.11.7). */
const START_COUNTS = [248, 0, 2] as const;

export class VmCollector implements HeapCollector {
  readonly core: Collector;
  /** gc.garbage and gc.callbacks: made by the gc module on import (null until then). */
  garbage: PyList | null = null;
  callbacks: PyList | null = null;
  private readonly hooks: CollectorHooks;

  constructor() {
    atexitCallbacks.length = 0;
    this.hooks = {
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
    };
    this.core = new Collector(this.hooks);
  }

  /** The Playground's observer of collection steps (null: none, and no event is even built). */
  get trace(): ((event: GcEvent) => void) | null {
    return this.hooks.trace ?? null;
  }
  set trace(observer: ((event: GcEvent) => void) | null) {
    if (observer) this.hooks.trace = observer;
    else delete this.hooks.trace;
  }

  /**
   * The script's first line. The VM's own start-up objects (builtins, types) join the oldest
   * generation, and the counts become CPython's there: `python3 script.py` starting with
   * `import gc; print(gc.get_count())` prints (249, 0, 2) on 3.11.7 every run — 248 before the
   * import's one allocation. An explicit gc.collect() in the program makes the count exact from
   * then on; before it, automatic collections fall where this estimate puts them
   * (docs/python-vm.md "Automatic collections in the VM").
   */
  startScript(): void {
    const [gen0, gen1, gen2] = this.core.generations;
    this.core.lists.merge(gen0.list, gen2.list);
    this.core.lists.merge(gen1.list, gen2.list);
    gen0.count = START_COUNTS[0];
    gen1.count = START_COUNTS[1];
    gen2.count = START_COUNTS[2];
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
      // PyObject_CallFunction(cb, "sO", phase, info) builds its arguments as a tuple.
      const args = new PyTuple([newStr(phase), incref(dict)]);
      unraisableCall.call(cb, args.items);
      decref(args);
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
