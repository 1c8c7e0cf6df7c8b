/** Installs how objects hash as dict/set keys (see hashhooks.ts): by kind and class. */
import { hashKindHook } from './hashhooks.ts';
import { hashHooks, hashKey } from './hashkey.ts';
import type { PyObject } from './object.ts';
import { PyList } from './containers.ts';
import { PyDict } from './dict.ts';
import { PySet } from './set.ts';
import { S } from './scalars.ts';
import { PyFunction } from './callables.ts';

function kindOf(o: PyObject): 'identity' | 'frozen' | 'unhashable' | 'custom' {
  if (o instanceof PySet) return o.frozen ? 'frozen' : 'unhashable';
  if (o instanceof PyList || o instanceof PyDict) return 'unhashable';
  const t = o.type;
  if (!t.isHeap) return 'identity';
  const h = t.lookup('__hash__');
  if (h === S.None) return 'unhashable';
  if (h instanceof PyFunction) return 'custom';
  return 'identity';
}

export function installHashing(): void {
  hashKindHook.of = kindOf;
  hashHooks.frozenKey = (o) =>
    [...(o as PySet).elems.keys()]
      .sort()
      .map((k) => `${k.length}:${k}`)
      .join('');
  void hashKey;
}
