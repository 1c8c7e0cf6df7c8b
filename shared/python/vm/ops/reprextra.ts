/** repr() of the remaining builtin kinds (range, slices, iterators, frames...); null if unknown. */
import type { PyObject } from '../object.ts';

export const reprExtraHooks: ((o: PyObject) => string | null)[] = [];

export function reprExtra(o: PyObject): string | null {
  for (const h of reprExtraHooks) {
    const r = h(o);
    if (r !== null) return r;
  }
  return null;
}
