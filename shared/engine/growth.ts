/**
 * CPython 3.11's over-allocation rules, so that sys.getsizeof and the heap meter move exactly
 * as they do in CPython (listobject.c list_resize, dictobject.c insertion_resize).
 */
import type { DictObject, ListObject } from './types.ts';
import { dictUsable } from './sizes.ts';

/** list_resize(newsize): keeps the buffer while newsize fits and is at least half of it. */
export function resizeList(list: ListObject, newSize: number): void {
  const allocated = list.capacity;
  if (allocated >= newSize && newSize >= allocated >> 1) return;
  if (newSize === 0) {
    list.capacity = 0;
    return;
  }
  let next = (newSize + (newSize >> 3) + 6) & ~3;
  if (newSize - list.items.length > next - newSize) next = (newSize + 3) & ~3;
  list.capacity = next;
}

/** Smallest power-of-two table (≥ 8) for `minSize` slots (calculate_log2_keysize). */
function tableFor(minSize: number): number {
  let size = 8;
  while (size < minSize) size *= 2;
  return size;
}

/** Makes room for one new key (insertion_resize to used*3 when the table has no usable entry). */
export function growDictForInsert(dict: DictObject): void {
  if (dict.tableSize === 0) {
    dict.tableSize = 8;
    dict.filled = 0;
  } else if (dict.filled >= dictUsable(dict.tableSize)) {
    dict.tableSize = tableFor(dict.entries.length * 3);
    dict.filled = dict.entries.length;
  }
  dict.filled += 1;
}

/** Table of a dict built from a display of `n` items (_PyDict_NewPresized, then inserts). */
export function presizedDict(n: number): { tableSize: number; filled: number } {
  if (n === 0) return { tableSize: 0, filled: 0 };
  if (n <= 5) return { tableSize: 8, filled: n };
  return { tableSize: tableFor((n * 3 + 1) >> 1), filled: n };
}
