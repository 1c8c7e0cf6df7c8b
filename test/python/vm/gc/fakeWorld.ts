/**
 * A tiny object model for testing the collector alone: objects with explicit strong references,
 * refcounts kept by hand, `__del__` as a JS function, weak references with callbacks, and a
 * dealloc that follows CPython's subtype_dealloc order (finalizer once, weakref callbacks,
 * drop references, PyObject_GC_Del). `rc` counts the test's own references ("roots") plus the
 * references of other fake objects.
 */
import type { GcHead, GcObject, GcRuntime } from '../../../../shared/python/vm/gcobject.ts';
import { Collector } from '../../../../shared/python/vm/gc/collector.ts';
import type { CollectionInfo, WeakrefView } from '../../../../shared/python/vm/gc/types.ts';

export interface FakeOptions {
  /** `__del__` body (tp_finalize). */
  del?: (self: FakeObject) => void;
  /** untrack_tuples / untrack_dicts candidate. */
  kind?: 'tuple' | 'dict';
  /** A C type with tp_del (uncollectable before PEP 442). */
  legacy?: boolean;
  /** Not a GC type (like int or str): no gc head, never tracked. */
  atomic?: boolean;
  /** Allocated but not tracked (like `{}` or a tuple built by the VM before tracking). */
  untracked?: boolean;
  /** When called (as a weakref callback or gc callback). */
  call?: (args: GcObject[]) => void;
}

export class FakeObject implements GcObject {
  rc = 1;
  readonly gc: GcHead | null;
  refs: FakeObject[] = [];
  weakrefs: GcObject[] | null = [];
  readonly name: string;
  readonly options: FakeOptions;

  constructor(name: string, options: FakeOptions) {
    this.name = name;
    this.options = options;
    this.gc = options.atomic ? null : { tracked: false, gen: 0, gcRefs: 0, finalized: false };
  }

  // These need the world, which sets itself below.
  world!: FakeWorld;

  traverse(visit: (referent: GcObject) => void): void {
    for (const r of this.refs) visit(r);
  }

  clear(): void {
    const dropped = this.refs;
    this.refs = [];
    for (const r of dropped) this.world.decref(r);
  }

  hasFinalizer(): boolean {
    return this.options.del !== undefined;
  }
}

export class FakeWeakref extends FakeObject implements WeakrefView {
  referent: FakeObject | null;
  callback: FakeObject | null;

  constructor(name: string, referent: FakeObject, callback: FakeObject | null) {
    super(name, {});
    this.referent = referent;
    this.callback = callback;
    this.weakrefs = null;
  }

  override traverse(visit: (referent: GcObject) => void): void {
    if (this.callback !== null) visit(this.callback);
  }

  override clear(): void {
    this.clearRef();
    const cb = this.callback;
    this.callback = null;
    if (cb !== null) this.world.decref(cb);
  }

  clearRef(): void {
    const list = this.referent?.weakrefs;
    if (list) list.splice(list.indexOf(this), 1);
    this.referent = null;
  }
}

export class FakeWorld implements GcRuntime {
  readonly log: string[] = [];
  readonly freed: string[] = [];
  readonly garbage: GcObject[] = [];
  readonly collector: Collector;

  constructor() {
    this.collector = new Collector({
      runtime: this,
      untrackKind: (o) => (o as FakeObject).options.kind ?? null,
      asWeakref: (o) => (o instanceof FakeWeakref ? o : null),
      hasLegacyFinalizer: (o) => (o as FakeObject).options.legacy === true,
      saveGarbage: (o) => {
        this.incref(o);
        this.garbage.push(o);
      },
      invokeCallbacks: (phase: string, info: CollectionInfo) =>
        this.log.push(`${phase} gen${info.generation} ${info.collected}/${info.uncollectable}`),
      clearFreelists: () => this.log.push('clear_freelists'),
    });
  }

  /** A new object held once by the test: PyObject_GC_New + (unless untracked) PyObject_GC_Track. */
  make(name: string, options: FakeOptions = {}): FakeObject {
    return this.adopt(new FakeObject(name, options));
  }

  /** weakref.ref(referent, callback): newest callback refs go first, as in CPython's list. */
  weakref(name: string, referent: FakeObject, callback: FakeObject | null = null): FakeWeakref {
    const wr = this.adopt(new FakeWeakref(name, referent, callback));
    if (callback !== null) this.incref(callback);
    const list = referent.weakrefs;
    if (list === null) throw new Error('not weakrefable');
    if (callback === null) list.unshift(wr);
    else list.splice(list.length > 0 && this.asPlain(list[0]) ? 1 : 0, 0, wr);
    return wr;
  }

  private asPlain(o: GcObject | undefined): boolean {
    return o instanceof FakeWeakref && o.callback === null;
  }

  private adopt<T extends FakeObject>(o: T): T {
    o.world = this;
    if (o.gc !== null) {
      this.collector.link();
      if (!o.options.untracked) this.collector.track(o);
    }
    return o;
  }

  /** `from.attr = to`: a strong reference the collector can see. */
  link(from: FakeObject, to: FakeObject): void {
    from.refs.push(to);
    this.incref(to);
  }

  /** Remove one reference from `from` to `to`. */
  unlink(from: FakeObject, to: FakeObject): void {
    from.refs.splice(from.refs.indexOf(to), 1);
    this.decref(to);
  }

  incref(o: GcObject): void {
    o.rc++;
  }

  decref(o: GcObject): void {
    if (o.rc <= 0) throw new Error(`decref of ${(o as FakeObject).name} at ${o.rc}`);
    o.rc--;
    if (o.rc === 0) this.dealloc(o as FakeObject);
  }

  /** subtype_dealloc: finalizer once (may resurrect), weakref callbacks, drop references, free. */
  private dealloc(o: FakeObject): void {
    if (o.gc !== null && o.hasFinalizer() && !o.gc.finalized) {
      o.gc.finalized = true;
      o.rc = 1;
      this.runFinalizer(o);
      o.rc--;
      if (o.rc > 0) return;
    }
    this.collector.untrack(o);
    for (let wr = o.weakrefs?.[0]; wr !== undefined; wr = o.weakrefs?.[0]) {
      const view = wr as FakeWeakref;
      view.clearRef();
      if (view.callback !== null) this.callIgnoringErrors(view.callback, [wr]);
    }
    o.clear();
    this.freed.push(o.name);
    if (o.gc !== null) this.collector.free(o);
  }

  runFinalizer(o: GcObject): void {
    const self = o as FakeObject;
    this.log.push(`__del__ ${self.name}`);
    self.options.del?.(self);
  }

  callIgnoringErrors(callable: GcObject, args: GcObject[]): void {
    const fn = callable as FakeObject;
    this.log.push(`call ${fn.name}(${args.map((a) => (a as FakeObject).name).join(', ')})`);
    this.incref(fn);
    fn.options.call?.(args);
    this.decref(fn);
  }
}
