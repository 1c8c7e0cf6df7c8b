/**
 * The engine's working index of a state: CPython's generation lists, kept beside the JSON state
 * (never serialized, never hashed). The per-object `gen` field stays the canonical record; the
 * lists are derived from it and then maintained by every write (write.ts), so a young
 * collection gathers its objects in O(young) instead of scanning the heap.
 *
 * Contracts:
 * - One index per state object, built lazily from the JSON the first time an action
 *   runs on a state that arrived from the wire, a replay or cloneState: O(heap), once.
 * - The index is trusted only while `version`, `nextId` and the `objects` record match the
 *   state's; changing a state's objects in place behind the engine's back (not through
 *   apply/applyInPlace/revert) without changing its version is not supported.
 * - Each generation is a doubly-linked list through per-id typed arrays (0 = no link; ids start
 *   at 1), so linking, unlinking and moving an object are O(1) and allocate nothing.
 */
import type { EngineState, Generation, ObjId } from './types.ts';

export interface Working {
  /** The `objects` record the lists were built for (a replaced record means a stale index). */
  objects: EngineState['objects'];
  version: number;
  nextId: number;
  next: Int32Array;
  prev: Int32Array;
  head: [number, number, number];
  tail: [number, number, number];
  size: [number, number, number];
  /** During a collection: dense young index + 1 of each young id; 0 otherwise. */
  slot: Int32Array;
  /** Objects the collector has read from the generation lists so far (tests: O(young) work). */
  gathered: number;
  /** Incremental digest cache (digest.ts), created on first use. */
  digest: DigestCache | null;
  /**
   * While a free cascade or a collection runs (`removing`): the ids freed so far, doomed[0..
   * doomedCount), still in `objects` until the batch ends (write.ts removeObject, endRemovals).
   */
  removing: boolean;
  doomed: Int32Array;
  doomedCount: number;
}

/** Per-object hashes summed order-independently; `dirty` ids are rehashed on the next read. */
export interface DigestCache {
  dirty: ObjId[];
  hi: Uint32Array;
  lo: Uint32Array;
  has: Uint8Array;
  sumHi: number;
  sumLo: number;
}

/**
 * The index rides on its state as a non-enumerable symbol property: JSON, canonicalJson,
 * cloneState and deep equality never see it, and it dies with its state.
 */
const INDEX = Symbol('working index');
type Indexed = EngineState & { [INDEX]?: Working };

function attach(s: EngineState, w: Working): void {
  if (!Object.isExtensible(s)) return; // a frozen state (tests) gets a fresh index per action
  Object.defineProperty(s, INDEX, { value: w, writable: true, enumerable: false });
}

function grown(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Makes room for ids below `nextId`. */
export function ensureCapacity(w: Working, nextId: number): void {
  if (nextId <= w.next.length) return;
  const size = Math.max(nextId, w.next.length * 2);
  w.next = grown(w.next, size);
  w.prev = grown(w.prev, size);
  w.slot = grown(w.slot, size);
}

export function link(w: Working, id: ObjId, gen: Generation): void {
  const tail = w.tail[gen];
  w.prev[id] = tail;
  w.next[id] = 0;
  if (tail === 0) w.head[gen] = id;
  else w.next[tail] = id;
  w.tail[gen] = id;
  w.size[gen] += 1;
}

export function unlink(w: Working, id: ObjId, gen: Generation): void {
  const p = w.prev[id]!;
  const n = w.next[id]!;
  if (p === 0) w.head[gen] = n;
  else w.next[p] = n;
  if (n === 0) w.tail[gen] = p;
  else w.prev[n] = p;
  w.prev[id] = 0;
  w.next[id] = 0;
  w.size[gen] -= 1;
}

function build(s: EngineState): Working {
  const cap = Math.max(16, s.nextId);
  const w: Working = {
    objects: s.objects,
    version: s.version,
    nextId: s.nextId,
    next: new Int32Array(cap),
    prev: new Int32Array(cap),
    head: [0, 0, 0],
    tail: [0, 0, 0],
    size: [0, 0, 0],
    slot: new Int32Array(cap),
    gathered: 0,
    digest: null,
    removing: false,
    doomed: new Int32Array(64),
    doomedCount: 0,
  };
  for (const key in s.objects) {
    const obj = s.objects[key as unknown as number]!;
    if (obj.gen !== null) link(w, obj.id, obj.gen);
  }
  return w;
}

/** The state's index, rebuilt from the JSON when missing or out of date. */
export function working(s: EngineState): Working {
  let w = (s as Indexed)[INDEX];
  if (!w || w.version !== s.version || w.nextId !== s.nextId || w.objects !== s.objects) {
    w = build(s);
    attach(s, w);
  }
  return w;
}

/**
 * Gives `copy` (a fresh deep copy of `s`, cloneState) a copy of `s`'s index and digest cache when
 * `s` has a current one: O(id range) of typed-array copies instead of a rebuild from the JSON, so
 * a copied board keeps an incremental digest from its first move.
 */
export function copyIndex(s: EngineState, copy: EngineState): void {
  const w = (s as Indexed)[INDEX];
  if (!w || w.version !== s.version || w.nextId !== s.nextId || w.objects !== s.objects) return;
  const d = w.digest;
  attach(copy, {
    objects: copy.objects,
    version: w.version,
    nextId: w.nextId,
    next: w.next.slice(),
    prev: w.prev.slice(),
    head: [...w.head],
    tail: [...w.tail],
    size: [...w.size],
    slot: new Int32Array(w.slot.length),
    gathered: 0,
    digest: d && {
      dirty: d.dirty.slice(),
      hi: d.hi.slice(),
      lo: d.lo.slice(),
      has: d.has.slice(),
      sumHi: d.sumHi,
      sumLo: d.sumLo,
    },
    removing: false,
    doomed: new Int32Array(64),
    doomedCount: 0,
  });
}

/** Records that the index matches the state again (after an action, a rollback or a revert). */
export function settle(w: Working, s: EngineState): void {
  w.version = s.version;
  w.nextId = s.nextId;
}

/** The ids of generations 0..gen, ascending (the order CPython's young list has in the model). */
export function youngIds(w: Working, gen: Generation): Int32Array {
  let n = 0;
  for (let g = 0; g <= gen; g++) n += w.size[g]!;
  const ids = new Int32Array(n);
  let i = 0;
  let sorted = true;
  // Oldest generation first: older lists hold older (smaller) ids, so the walk is usually
  // already ascending and the sort is skipped.
  for (let g = gen; g >= 0; g--) {
    for (let id = w.head[g]!; id !== 0; id = w.next[id]!) {
      if (i > 0 && ids[i - 1]! > id) sorted = false;
      ids[i++] = id;
    }
  }
  w.gathered += n;
  if (!sorted) ids.sort();
  return ids;
}

/**
 * The members of one generation in list order, from the index as it is (not rebuilt), or null
 * when the state has no index yet (checkInvariants compares them with the `gen` fields).
 */
export function generationMembers(s: EngineState, gen: Generation): ObjId[] | null {
  const w = (s as Indexed)[INDEX];
  if (!w) return null;
  const out: ObjId[] = [];
  for (let id = w.head[gen]!; id !== 0; id = w.next[id]!) out.push(id);
  return out;
}
