/** list and tuple methods (listobject.c / tupleobject.c), with list_resize's allocations. */
import { window } from './window.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { NativeFn } from '../callables.ts';
import { newInt, none } from '../scalars.ts';
import { PyList, type PyTuple } from '../containers.ts';
import { T } from '../registry.ts';
import { eq } from '../ops/arith.ts';
import { repr } from '../ops/repr.ts';
import { extendList } from '../ops/iter.ts';
import { asInt, defineMethods, exact, kwArg } from './helpers.ts';
import { sortList } from './sort.ts';

function l(self: PyObject | null): PyList {
  return self as PyList;
}

function indexIn(
  items: PyObject[],
  x: PyObject,
  what: string,
  start?: PyObject,
  end?: PyObject,
): number {
  const [from, to] = window(items.length, start, end);
  let i = -1;
  for (let j = from; j < to && j < items.length; j++) {
    if (eq(items[j]!, x)) {
      i = j;
      break;
    }
  }
  if (i < 0)
    raise(
      'ValueError',
      what === 'list' ? `${repr(x)} is not in list` : 'tuple.index(x): x not in tuple',
    );
  return i;
}

const LIST: Record<string, NativeFn> = {
  append: (a, k, self) => {
    exact('list.append', a, 1, k);
    a[0]!.rc++;
    l(self).append(a[0]!);
    return none();
  },
  extend: (a, _k, self) => {
    extendList(l(self), a[0]!);
    return none();
  },
  pop: (a, _k, self) => {
    const list = l(self);
    const n = list.items.length;
    if (n === 0) raise('IndexError', 'pop from empty list');
    let i = a[0] ? Number(asInt(a[0])) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise('IndexError', 'pop index out of range');
    const [v] = list.items.splice(i, 1);
    list.resize(list.items.length);
    return v!;
  },
  insert: (a, _k, self) => {
    exact('insert', a, 2);
    const list = l(self);
    const n = list.items.length;
    let i = Number(asInt(a[0]!));
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    a[1]!.rc++;
    list.resize(n + 1);
    list.items.splice(i, 0, a[1]!);
    return none();
  },
  remove: (a, _k, self) => {
    const list = l(self);
    const i = list.items.findIndex((v) => eq(v, a[0]!));
    if (i < 0) raise('ValueError', 'list.remove(x): x not in list');
    const [v] = list.items.splice(i, 1);
    list.resize(list.items.length);
    decref(v!);
    return none();
  },
  clear: (_a, _k, self) => {
    l(self).clear();
    return none();
  },
  index: (a, _k, self) => newInt(indexIn(l(self).items, a[0]!, 'list', a[1], a[2])),
  count: (a, _k, self) => newInt(l(self).items.filter((v) => eq(v, a[0]!)).length),
  reverse: (_a, _k, self) => {
    l(self).items.reverse();
    return none();
  },
  sort: (a, k, self) => {
    if (a.length > 0) raise('TypeError', 'sort() takes no positional arguments');
    sortList(l(self), kwArg(k, 'key'), kwArg(k, 'reverse'));
    return none();
  },
  copy: (_a, _k, self) => {
    const items = l(self).items.slice();
    for (const x of items) x.rc++;
    return new PyList(items);
  },
};

const TUPLE: Record<string, NativeFn> = {
  index: (a, _k, self) => newInt(indexIn((self as PyTuple).items, a[0]!, 'tuple', a[1], a[2])),
  count: (a, _k, self) => newInt((self as PyTuple).items.filter((v) => eq(v, a[0]!)).length),
};

export function installListMethods(): void {
  defineMethods(T.list, LIST);
  defineMethods(T.tuple, TUPLE);
}
