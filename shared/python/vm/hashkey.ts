/**
 * hashKey: a string equal for exactly the Python objects that are equal dict/set keys.
 * Numbers that compare equal share a key (1 == 1.0 == True); str, bytes and tuples by value;
 * everything else hashable by identity. Unhashable objects raise TypeError as CPython does;
 * user-defined __hash__/__eq__ are refused (the VM does not call them for keys).
 */
import { raise, refuse } from './errors.ts';
import type { PyObject } from './object.ts';
import { PyBytes, PyFloat, PyInt, PyStr, S } from './scalars.ts';
import { PyTuple } from './containers.ts';
import { userHashKind } from './hashhooks.ts';

export function hashKey(o: PyObject): string {
  // A builtin subclass hashes as its builtin value unless its class changes __hash__/__eq__.
  if (o.gc !== null && o.type.isHeap && userHashKind(o) !== 'identity') return heapHashKey(o);
  if (o instanceof PyStr) return 's' + o.v;
  if (o instanceof PyInt) return 'n' + o.v.toString();
  if (o instanceof PyFloat) {
    if (Number.isInteger(o.v)) return 'n' + BigInt(o.v).toString();
    if (Number.isNaN(o.v)) return 'o' + o.id;
    return 'f' + o.v.toString();
  }
  if (o === S.None) return 'N';
  if (o instanceof PyTuple) {
    let k = 't' + o.items.length + '(';
    for (const it of o.items) {
      const part = hashKey(it);
      k += part.length + ':' + part;
    }
    return k + ')';
  }
  if (o instanceof PyBytes) return 'b' + o.v;
  const kind = userHashKind(o);
  if (kind === 'identity') return 'o' + o.id;
  if (kind === 'frozen') return 'F' + userHashKindFrozen(o);
  if (kind === 'custom') refuse('a dict or set key with a user-defined __hash__ or __eq__');
  raise('TypeError', `unhashable type: '${o.type.name}'`);
}

function heapHashKey(o: PyObject): string {
  const kind = userHashKind(o);
  if (kind === 'frozen') return 'F' + userHashKindFrozen(o);
  if (kind === 'custom') refuse('a dict or set key with a user-defined __hash__ or __eq__');
  raise('TypeError', `unhashable type: '${o.type.name}'`);
}

function userHashKindFrozen(o: PyObject): string {
  return hashHooks.frozenKey(o);
}

export const hashHooks = {
  frozenKey: (_o: PyObject): string => '',
};
