/** list.sort / sorted: stable, `key` computed once per item, `reverse` keeps stability (listobject.c). */
import { decref, type PyObject } from '../object.ts';
import type { PyList } from '../containers.ts';
import { isTrue, richCompare } from '../ops/arith.ts';
import { callBorrowed } from '../ops/call.ts';
import { isNone } from './helpers.ts';

function lessThan(a: PyObject, b: PyObject): boolean {
  const r = richCompare(a, b, 0);
  const t = isTrue(r);
  decref(r);
  return t;
}

export function sortList(l: PyList, key: PyObject | null, reverse: PyObject | null): void {
  const items = l.items.slice();
  const keys = isNone(key) ? items : items.map((v) => callBorrowed(key!, [v]));
  const order = items.map((_, i) => i);
  const rev = !isNone(reverse) && isTrue(reverse!);
  if (rev) order.reverse();
  try {
    order.sort((i, j) =>
      lessThan(keys[i]!, keys[j]!) ? -1 : lessThan(keys[j]!, keys[i]!) ? 1 : 0,
    );
  } finally {
    if (keys !== items) for (const k of keys) decref(k);
  }
  if (rev) order.reverse();
  l.items = order.map((i) => items[i]!);
}
