/**
 * Weak references (Objects/weakrefobject.c of CPython 3.11): `weakref.ref` (ReferenceType) and
 * `weakref.proxy` (ProxyType / CallableProxyType) objects, the referent's list of them
 * (tp_weaklist, `o.weakrefs`) and PyObject_ClearWeakRefs at the referent's dealloc.
 *
 * List order (get_basic_refs / insert_head / insert_after): the basic ref (no callback) first,
 * then the basic proxy, then refs and proxies with callbacks, newest first. Both the collector's
 * handle_weakrefs and the dealloc path call callbacks in list order.
 * A weakref is a GC object (tracked at creation); it holds its callback strongly, never its referent.
 */
import type { GcObject } from './gcobject.ts';
import { decref, incref, PyObject, xdecref } from './object.ts';
import { T } from './registry.ts';
import { PyType } from './type.ts';
import { PyInstance } from './instance.ts';
import { PyTuple } from './containers.ts';
import { raise } from './errors.ts';
import type { WeakrefView } from './gc/types.ts';

export type WeakrefKind = 'ref' | 'proxy' | 'callableproxy';

/** Calls a callback with borrowed arguments, reporting an exception as "Exception ignored in". */
export const unraisableCall = {
  call: (_fn: PyObject, _args: PyObject[]): void => {},
};

const typeCache = { object: null as PyType | null, types: new Map<WeakrefKind, PyType>() };

const TYPE_NAMES: Record<WeakrefKind, string> = {
  ref: 'ReferenceType',
  proxy: 'ProxyType',
  callableproxy: 'CallableProxyType',
};

/** The weakref type objects of the current run (made on first use; a run makes new builtin types). */
export function weakrefType(kind: WeakrefKind): PyType {
  if (typeCache.object !== T.object) {
    typeCache.object = T.object;
    typeCache.types.clear();
  }
  let t = typeCache.types.get(kind);
  if (t === undefined) {
    t = new PyType(TYPE_NAMES[kind], [T.object], false);
    t.module = 'weakref';
    t.qualname = TYPE_NAMES[kind];
    typeCache.types.set(kind, t);
  }
  return t;
}

export class PyWeakref extends PyObject implements WeakrefView {
  referent: PyObject | null;
  callback: PyObject | null;
  readonly kind: WeakrefKind;

  /** new_weakref: takes a new reference to `callback`; the caller links it into the list. */
  constructor(referent: PyObject, callback: PyObject | null, kind: WeakrefKind) {
    super();
    this.referent = referent;
    this.callback = callback === null ? null : incref(callback);
    this.kind = kind;
    this.gcLink(true);
  }

  get type(): PyType {
    return weakrefType(this.kind);
  }

  /** `wr()`: a new reference to the referent, or to None once it is dead (the caller supplies None). */
  deref(none: PyObject): PyObject {
    return incref(this.referent ?? none);
  }

  /** A proxy's target for attribute access and calls; ReferenceError once dead. */
  target(): PyObject {
    if (this.referent === null)
      raise('ReferenceError', 'weakly-referenced object no longer exists');
    return this.referent;
  }

  override traverse(visit: (r: GcObject) => void): void {
    if (this.callback !== null) visit(this.callback);
  }

  /** gc_clear: unlink from the referent and drop the callback. */
  override clear(): void {
    this.clearRef();
    const cb = this.callback;
    this.callback = null;
    xdecref(cb);
  }

  /** _PyWeakref_ClearRef / clear_weakref's unlink: referent := None, the callback kept. */
  clearRef(): void {
    const list = this.referent?.weakrefs;
    if (list) {
      const at = list.indexOf(this);
      if (at >= 0) list.splice(at, 1);
    }
    this.referent = null;
  }

  protected override release(): void {
    this.clear();
  }
}

/** _PyType_SUPPORTS_WEAKREFS, for the object kinds the VM has. */
function supportsWeakrefs(o: PyObject): boolean {
  if (o instanceof PyWeakref) return false;
  const type = o.type as PyType;
  if (type.isHeap) return type.hasWeakref;
  return WEAKREFABLE_BUILTINS.has(type.name);
}

const WEAKREFABLE_BUILTINS = new Set([
  'type',
  'function',
  'builtin_function_or_method',
  'method',
  'set',
  'frozenset',
  'generator',
  'code',
  'module',
]);

function isBasic(wr: GcObject | undefined, kind: WeakrefKind): wr is PyWeakref {
  return (
    wr instanceof PyWeakref &&
    wr.callback === null &&
    (kind === 'ref' ? wr.kind === 'ref' : wr.kind !== 'ref')
  );
}

/** get_basic_refs: the callback-less ref and proxy at the head of the list, if any. */
function basicRefs(list: GcObject[]): { ref: PyWeakref | null; proxy: PyWeakref | null } {
  const ref = isBasic(list[0], 'ref') ? list[0] : null;
  const next = list[ref === null ? 0 : 1];
  return { ref, proxy: isBasic(next, 'proxy') ? next : null };
}

/**
 * weakref.ref(ob, callback) / weakref.proxy(ob, callback): a new reference. Without a callback
 * the existing basic ref (or proxy) is returned again; None as callback means none.
 */
export function newWeakref(ob: PyObject, callback: PyObject | null, proxy: boolean): PyWeakref {
  if (!supportsWeakrefs(ob)) {
    raise('TypeError', `cannot create weak reference to '${ob.type.name}' object`);
  }
  const list = (ob.weakrefs ??= []);
  const basic = basicRefs(list);
  const existing = proxy ? basic.proxy : basic.ref;
  if (callback === null && existing !== null) return incref(existing);
  const kind: WeakrefKind = !proxy ? 'ref' : isCallable(ob) ? 'callableproxy' : 'proxy';
  const wr = new PyWeakref(ob, callback, kind);
  const prev = callback === null && proxy ? basic.ref : (basic.proxy ?? basic.ref);
  if (callback === null && !proxy) list.unshift(wr);
  else list.splice(prev === null ? 0 : list.indexOf(prev) + 1, 0, wr);
  return wr;
}

function isCallable(o: PyObject): boolean {
  if (o instanceof PyInstance) return o.cls.lookup('__call__') !== null;
  return (
    o instanceof PyType ||
    ['function', 'builtin_function_or_method', 'method'].includes(o.type.name)
  );
}

/** weakref.getweakrefcount(ob). */
export function weakrefCount(ob: PyObject): number {
  return ob.weakrefs?.length ?? 0;
}

/**
 * PyObject_ClearWeakRefs, at the referent's dealloc: clear every weakref (dropping callbacks),
 * then call the callbacks of those still alive, in list order. With more than one weakref CPython
 * first collects (weakref, callback) pairs in a tuple — a GC allocation the gen-0 count sees.
 */
export function clearWeakrefsOnDealloc(ob: PyObject): void {
  const list = ob.weakrefs;
  if (list === null || list.length === 0) return;
  if (list.length === 1) {
    const wr = list[0] as PyWeakref;
    const cb = wr.callback;
    wr.callback = null;
    wr.clearRef();
    if (cb !== null) {
      if (wr.rc > 0) unraisableCall.call(cb, [wr]);
      decref(cb);
    }
    return;
  }
  const pairs: PyObject[] = [];
  for (const wr of [...list] as PyWeakref[]) {
    const cb = wr.callback;
    wr.callback = null;
    wr.clearRef();
    if (cb !== null) pairs.push(incref(wr), cb);
  }
  const tuple = new PyTuple(pairs);
  for (let i = 0; i < pairs.length; i += 2) {
    unraisableCall.call(pairs[i + 1] as PyObject, [pairs[i] as PyObject]);
  }
  decref(tuple);
}

/** weakref.getweakrefs(ob): a list of its weakrefs and proxies, in list order. */
export function weakrefsOf(ob: PyObject): PyObject[] {
  return (ob.weakrefs ?? []) as PyObject[];
}

/**
 * weakref_richcompare / proxy_richcompare, for the VM's PyObject_RichCompare to consult first.
 * null: not a weakref comparison (the usual rules apply — identity for == and !=, TypeError for
 * ordering). Two refs compare with == and != by their referents while both are alive, else by
 * identity (`same`); proxies compare as their referents (ReferenceError when dead).
 */
export function weakrefComparison(
  l: PyObject,
  r: PyObject,
  arg: number,
): { same: boolean } | { operands: [PyObject, PyObject] } | null {
  const isRef = (o: PyObject): o is PyWeakref => o instanceof PyWeakref && o.kind === 'ref';
  const isProxy = (o: PyObject): o is PyWeakref => o instanceof PyWeakref && o.kind !== 'ref';
  if (isRef(l) || isRef(r)) {
    if (!isRef(l) || !isRef(r) || (arg !== 2 && arg !== 3)) return null;
    if (l.referent === null || r.referent === null) return { same: l === r };
    return { operands: [l.referent, r.referent] };
  }
  if (!isProxy(l) && !isProxy(r)) return null;
  return { operands: [isProxy(l) ? l.target() : l, isProxy(r) ? r.target() : r] };
}
