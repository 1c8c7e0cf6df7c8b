/** `{**m}` (DICT_UPDATE) and `f(**m)` (DICT_MERGE, duplicate keys are an error). */
import { raise } from '../errors.ts';
import type { PyObject } from '../object.ts';
import { PyDict } from '../dict.ts';
import { repr } from './repr.ts';

function entriesOf(other: PyObject): { k: PyObject; v: PyObject }[] {
  if (!(other instanceof PyDict))
    raise('TypeError', `'${other.type.name}' object is not a mapping`);
  return [...other.map.values()];
}

export function dictUpdate(d: PyDict, other: PyObject): void {
  for (const e of entriesOf(other)) {
    e.k.rc++;
    e.v.rc++;
    d.set(e.k, e.v);
  }
}

export function dictMerge(d: PyDict, other: PyObject): void {
  for (const e of entriesOf(other)) {
    if (d.get(e.k)) raise('TypeError', `got multiple values for keyword argument ${repr(e.k)}`);
    e.k.rc++;
    e.v.rc++;
    d.set(e.k, e.v);
  }
}
