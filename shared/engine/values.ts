/** Validating values and naming types the way CPython's messages do. */
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import type { EngineState, HeapObject, Value } from './types.ts';
import { SMALL_INT_MAX, SMALL_INT_MIN } from './types.ts';

export function liveObject(s: EngineState, id: number): HeapObject {
  const obj = s.objects[id];
  if (!obj) reject(E.UnknownObject, `object #${id} does not exist (it may have been freed)`);
  return obj;
}

/** type(x).__name__ as CPython prints it in error messages. */
export function typeName(s: EngineState, obj: HeapObject): string {
  if (obj.kind === 'instance') return s.classes[obj.cls] ? obj.cls : 'object';
  if (obj.kind === 'weakref') return 'weakref.ReferenceType';
  return obj.kind;
}

/** A value may be stored only if it is None, a cached small int, or a live object. */
export function checkValue(s: EngineState, v: Value): void {
  if (v.t === 'ref') liveObject(s, v.id);
  else if (
    v.t === 'int' &&
    (!Number.isInteger(v.v) || v.v < SMALL_INT_MIN || v.v > SMALL_INT_MAX)
  ) {
    reject(
      E.InvalidInt,
      `only the cached small ints ${SMALL_INT_MIN}..${SMALL_INT_MAX} are modelled, not ${v.v}`,
    );
  }
}
