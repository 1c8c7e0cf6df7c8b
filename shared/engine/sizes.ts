/**
 * sys.getsizeof() of CPython 3.11 on 64-bit, including the 16-byte GC header, as measured:
 * `[]` 56 (+8 per allocated slot), `{}` 64 (184 with an 8-slot table, 272 with 16, 464 with 32),
 * a plain-class instance 56, a `__slots__` instance 32 + 8 per slot (+8 with `__weakref__`),
 * a weakref 80. Each kind's size is its `sizeof` slot (kinds.ts); lists and dicts over-allocate
 * exactly as CPython does (growth.ts).
 */
import { slotsOf } from './kinds.ts';
import type { EngineState, HeapObject, ObjId } from './types.ts';

const DICT_BASE = 64;
const DICT_KEYS_HEADER = 32;
const DICT_ENTRY = 16;

/** Usable entries of a dict keys table of `size` slots (two thirds, as USABLE_FRACTION). */
export function dictUsable(size: number): number {
  return Math.floor((2 * size) / 3);
}

export function dictBytes(tableSize: number): number {
  if (tableSize === 0) return DICT_BASE;
  return DICT_BASE + DICT_KEYS_HEADER + tableSize + dictUsable(tableSize) * DICT_ENTRY;
}

function objectBytes(state: EngineState, obj: HeapObject): number {
  return slotsOf(obj).sizeof(obj, obj.kind === 'instance' ? state.classes[obj.cls] : undefined);
}

/** sys.getsizeof of a live object; 0 for an unknown id. */
export function sizeOf(state: EngineState, id: ObjId): number {
  const obj = state.objects[id];
  return obj ? objectBytes(state, obj) : 0;
}

/** Bytes held by every live object (the game's tracemalloc-style heap meter). */
export function heapBytes(state: EngineState): number {
  let total = 0;
  for (const obj of Object.values(state.objects)) total += objectBytes(state, obj);
  return total;
}
