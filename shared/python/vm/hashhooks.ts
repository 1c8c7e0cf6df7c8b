/**
 * How a non-builtin-scalar object hashes: by identity (object's default), by value (frozenset),
 * not at all (list, dict, set, or a class defining __eq__ without __hash__), or by a user
 * __hash__ (refused). Filled by type.ts so hashkey.ts stays free of the type machinery.
 */
import type { PyObject } from './object.ts';

export type HashKind = 'identity' | 'frozen' | 'unhashable' | 'custom';

export const hashKindHook = { of: (_o: PyObject): HashKind => 'identity' };

export function userHashKind(o: PyObject): HashKind {
  return hashKindHook.of(o);
}
