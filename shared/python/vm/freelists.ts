/**
 * CPython's free lists for GC types (Objects/{tuple,list,dict}object.c): an object taken from or
 * returned to a free list skips `_PyObject_GC_Link` / `PyObject_GC_Del`, so it does not move
 * gen-0's count. A full collection empties them all (`clear_freelists`): call `clearFreeLists`.
 */
const TUPLE_MAX_SAVE = 2000;
const TUPLE_MAX_SIZE = 20;
const LIST_MAX = 80;
const DICT_MAX = 80;

const state = { tuples: new Array<number>(TUPLE_MAX_SIZE).fill(0), lists: 0, dicts: 0 };

export function clearFreeLists(): void {
  state.tuples.fill(0);
  state.lists = 0;
  state.dicts = 0;
}

export type FreeListKind = 'list' | 'dict';

/** Allocation: true when the object comes from a free list. */
export function takeFree(kind: FreeListKind): boolean {
  if (kind === 'list' ? state.lists === 0 : state.dicts === 0) return false;
  if (kind === 'list') state.lists--;
  else state.dicts--;
  return true;
}

/** Free: true when the object goes to a free list. */
export function giveFree(kind: FreeListKind): boolean {
  if (kind === 'list') {
    if (state.lists >= LIST_MAX) return false;
    state.lists++;
  } else {
    if (state.dicts >= DICT_MAX) return false;
    state.dicts++;
  }
  return true;
}

export function takeFreeTuple(size: number): boolean {
  if (size <= 0 || size >= TUPLE_MAX_SIZE || state.tuples[size] === 0) return false;
  state.tuples[size]!--;
  return true;
}

export function giveFreeTuple(size: number): boolean {
  if (size <= 0 || size >= TUPLE_MAX_SIZE || state.tuples[size]! >= TUPLE_MAX_SAVE) return false;
  state.tuples[size]!++;
  return true;
}
