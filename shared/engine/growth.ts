/**
 * CPython 3.11's over-allocation rules, so that sys.getsizeof and the heap meter move exactly
 * as they do in CPython (listobject.c list_resize, dictobject.c insertion_resize and
 * _PyDict_NewPresized, and how compile.c builds list and dict displays).
 */
import type { DictObject, ListObject } from './types.ts';
import { dictUsable } from './sizes.ts';

/**
 * Displays of more elements than this are built one element at a time (BUILD_LIST 0 +
 * LIST_APPEND, BUILD_MAP 0 + MAP_ADD) instead of from the value stack (STACK_USE_GUIDELINE).
 */
const STACK_USE_GUIDELINE = 30;

/** list_resize's new allocation when a list of `size` items must hold `newSize`. */
function listGrowth(size: number, allocated: number, newSize: number): number {
  if (allocated >= newSize && newSize >= allocated >> 1) return allocated;
  if (newSize === 0) return 0;
  const next = (newSize + (newSize >> 3) + 6) & ~3;
  return newSize - size > next - newSize ? (newSize + 3) & ~3 : next;
}

/** list_resize(newsize): keeps the buffer while newsize fits and is at least half of it. */
export function resizeList(list: ListObject, newSize: number): void {
  list.capacity = listGrowth(list.items.length, list.capacity, newSize);
}

/**
 * Allocated slots of a list display of `n` items. `constant`: 3+ literals, compiled to
 * LIST_EXTEND of a constant tuple into an empty list (list_preallocate_exact rounds up to even,
 * `[None, 1, 2]` is 88 bytes). Otherwise more than 30 items are appended one by one (31 names:
 * 312 bytes), and up to 30 are allocated exactly by BUILD_LIST n.
 */
export function displayCapacity(n: number, constant: boolean): number {
  if (constant) return (n + 1) & ~1;
  if (n <= STACK_USE_GUIDELINE) return n;
  let capacity = 0;
  for (let size = 0; size < n; size++) capacity = listGrowth(size, capacity, size + 1);
  return capacity;
}

/**
 * Table size for `minSize` slots, bit for bit as 3.11's calculate_log2_keysize computes it:
 * `bit_length(((minSize | 8) - 1) | 7)`. Not quite the smallest power of two ≥ minSize: any
 * minSize below 8 gives 16 (so a dict left with 1 or 2 keys after deletions resizes to 16 slots,
 * 272 bytes, on its next insert), and an exact power of two ≥ 16 gives the next one.
 */
export function tableFor(minSize: number): number {
  const bits = ((minSize | 8) - 1) | 7;
  return 2 ** (32 - Math.clz32(bits));
}

/** The parts of a dict that decide its size: table slots, dk_nentries, and live keys. */
interface Table {
  tableSize: number;
  filled: number;
}

/**
 * insertdict of a new key into a dict with `used` live keys: insertion_resize to
 * GROWTH_RATE = used*3 when no usable entry is left (deleted entries stay used up until then).
 */
function insertNew(t: Table, used: number): void {
  if (t.tableSize === 0) {
    t.tableSize = 8;
    t.filled = 0;
  } else if (t.filled >= dictUsable(t.tableSize)) {
    t.tableSize = tableFor(used * 3);
    t.filled = used;
  }
  t.filled += 1;
}

/** Makes room for one new key (call before appending it to `entries`). */
export function growDictForInsert(dict: DictObject): void {
  insertNew(dict, dict.entries.length);
}

/** _PyDict_NewPresized(n): the empty dict up to 5 items, else a table for (3n+1)/2 slots. */
function presized(n: number): Table {
  return n <= dictUsable(8)
    ? { tableSize: 0, filled: 0 }
    : { tableSize: tableFor((n * 3 + 1) >> 1), filled: 0 };
}

/** Table of a dict created presized for `n` distinct keys, then filled. */
export function presizedDict(n: number): Table {
  const t = presized(n);
  for (let used = 0; used < n; used++) insertNew(t, used);
  return t;
}

/**
 * Table of a dict display `{'k': a, ...}` with these keys in source order (duplicates
 * included), as compile.c's compiler_dict builds it: chunks of up to 16 entries, each a
 * BUILD_CONST_KEY_MAP (presized; 1 entry: BUILD_MAP 1) or, for a chunk of 16 or 17, BUILD_MAP 0
 * plus one MAP_ADD per entry; later chunks are merged in with DICT_UPDATE (dict_merge resizes
 * once for the whole chunk when the table's usable size is smaller than the chunk).
 */
export function dictDisplayTable(keys: string[]): Table {
  const live = new Set<string>();
  let table: Table | null = null;
  for (const chunk of displayChunks(keys.length)) {
    const chunkKeys = keys.slice(chunk.start, chunk.end);
    const big = chunkKeys.length * 2 > STACK_USE_GUIDELINE;
    if (table === null) {
      table = big ? { tableSize: 0, filled: 0 } : presized(chunkKeys.length);
    } else {
      const other = new Set(chunkKeys).size;
      if (dictUsable(table.tableSize) < other) {
        table.tableSize = tableFor(((live.size + other) * 3 + 1) >> 1);
        table.filled = live.size;
      }
    }
    for (const key of chunkKeys) {
      if (live.has(key)) continue;
      insertNew(table, live.size);
      live.add(key);
    }
  }
  return table ?? { tableSize: 0, filled: 0 };
}

/** compiler_dict's chunks: an entry is added until the pending count times 2 exceeds 30. */
function displayChunks(n: number): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let pending = 0;
  for (let i = 0; i < n; i++) {
    if (pending * 2 > STACK_USE_GUIDELINE) {
      chunks.push({ start: i - pending, end: i + 1 });
      pending = 0;
    } else pending += 1;
  }
  if (pending > 0) chunks.push({ start: n - pending, end: n });
  return chunks;
}
