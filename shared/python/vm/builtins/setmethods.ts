/** set / frozenset methods (setobject.c). */
import { raise } from '../errors.ts';
import { decref, incref, type PyObject } from '../object.ts';
import type { NativeFn } from '../callables.ts';
import { bool, none } from '../scalars.ts';
import { newTuple } from '../containers.ts';
import { PySet } from '../set.ts';
import type { PyDict } from '../dict.ts';
import { T } from '../registry.ts';
import { PyRaise } from '../errors.ts';
import { EXC } from '../registry.ts';
import { PyException } from '../instance.ts';
import { setContext } from '../ops/exc.ts';
import { defineMethods } from './helpers.ts';
import { forEach } from './functions.ts';

/**
 * set_update_internal: another set's table merges in (set_merge); an exact dict's keys go in
 * after one resize for all of them; any other iterable's items go in one by one.
 */
export function setUpdateFrom(s: PySet, o: PyObject): void {
  if (o instanceof PySet) return s.mergeFrom(o);
  if (o.type === T.dict) s.reserveFor((o as PyDict).map.size);
  forEach(o, (v) => void s.add(incref(v)));
}

function st(self: PyObject | null): PySet {
  return self as PySet;
}

function toSet(o: PyObject): PySet {
  const s = new PySet();
  forEach(o, (v) => {
    v.rc++;
    s.add(v);
  });
  return s;
}

function combine(
  self: PyObject | null,
  others: PyObject[],
  keep: (x: PyObject, o: PySet) => boolean,
  addOthers: boolean,
): PySet {
  const base = st(self);
  const out = new PySet(base.frozen);
  let current = base.ordered();
  // copy() and union() start as set_merge does (the same slots when the sizes match).
  if (addOthers || others.length === 0) out.mergeFrom(base);
  else {
    for (const x of current) {
      x.rc++;
      out.add(x);
    }
  }
  for (const o of others) {
    const os = toSet(o);
    current = out.ordered();
    for (const x of current) if (!keep(x, os)) out.discard(x);
    if (addOthers) for (const x of os.ordered()) out.add(incref(x));
    decref(os);
  }
  return out;
}

const SET: Record<string, NativeFn> = {
  add: (a, _k, self) => {
    a[0]!.rc++;
    st(self).add(a[0]!);
    return none();
  },
  remove: (a, _k, self) => {
    if (!st(self).discard(a[0]!)) {
      a[0]!.rc++;
      throw new PyRaise(setContext(new PyException(EXC.KeyError!, newTuple([a[0]!]))));
    }
    return none();
  },
  discard: (a, _k, self) => (st(self).discard(a[0]!), none()),
  pop: (_a, _k, self) => {
    const s = st(self);
    const first = s.ordered()[0];
    if (!first) raise('KeyError', 'pop from an empty set');
    first.rc++;
    s.discard(first);
    return first;
  },
  clear: (_a, _k, self) => (st(self).clear(), none()),
  update: (a, _k, self) => {
    for (const o of a) setUpdateFrom(st(self), o);
    return none();
  },
  union: (a, _k, self) => combine(self, a, () => true, true),
  intersection: (a, _k, self) => combine(self, a, (x, o) => o.has(x), false),
  difference: (a, _k, self) => combine(self, a, (x, o) => !o.has(x), false),
  symmetric_difference: (a, _k, self) => {
    const other = toSet(a[0]!);
    const out = new PySet(st(self).frozen);
    for (const x of st(self).ordered()) if (!other.has(x)) out.add(incref(x));
    for (const x of other.ordered()) if (!st(self).has(x)) out.add(incref(x));
    decref(other);
    return out;
  },
  issubset: (a, _k, self) => {
    const o = toSet(a[0]!);
    const r = st(self)
      .ordered()
      .every((x) => o.has(x));
    decref(o);
    return bool(r);
  },
  issuperset: (a, _k, self) => {
    const o = toSet(a[0]!);
    const r = o.ordered().every((x) => st(self).has(x));
    decref(o);
    return bool(r);
  },
  isdisjoint: (a, _k, self) => {
    const o = toSet(a[0]!);
    const r = o.ordered().every((x) => !st(self).has(x));
    decref(o);
    return bool(r);
  },
  copy: (_a, _k, self) => combine(self, [], () => true, false),
};

export function installSetMethods(): void {
  defineMethods(T.set, SET);
  const frozen: Record<string, NativeFn> = {};
  for (const name of [
    'union',
    'intersection',
    'difference',
    'symmetric_difference',
    'issubset',
    'issuperset',
    'isdisjoint',
    'copy',
  ]) {
    frozen[name] = SET[name]!;
  }
  defineMethods(T.frozenset, frozen);
}
