/** The `start`/`end` arguments of str.find, list.index and friends (adjust_indices). */
import type { PyObject } from '../object.ts';
import { asInt, isNone } from './helpers.ts';

/**
 * [start, end) as CPython's ADJUST_INDICES leaves them: negatives count from the end (not below
 * 0), end is capped at len, start is not (so it may lie past the end, or past `end`).
 */
export function window(len: number, start?: PyObject, end?: PyObject): [number, number] {
  const bound = (o: PyObject | undefined, dflt: number): number => {
    if (isNone(o)) return dflt;
    const v = Number(asInt(o!, 'an integer'));
    return v < 0 ? Math.max(0, v + len) : v;
  };
  return [bound(start, 0), Math.min(bound(end, len), len)];
}
