/**
 * The engine's state: a plain-JSON model of CPython 3.11's heap.
 *
 * Contracts:
 * - Plain data only (no classes, Maps or `undefined` holes), so states clone, hash and cross the
 *   network as they are. `objects` is keyed by integer id, so iteration is ascending id order.
 * - `None` and small ints (-5..256) are immortal *values*, never heap objects: they have no id and
 *   no refcount (3.11 gives them a huge static count that no lesson should show).
 * - `rc` counts strong references from names (globals, frame locals), list items, dict values,
 *   attributes, and an instance's materialized `__dict__`. Weak references do not count.
 */

/** Heap object id: allocated from `EngineState.nextId`, never reused. */
export type ObjId = number;

/** What a name, list slot, dict value or attribute holds. */
export type Value =
  | { readonly t: 'none' }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'ref'; readonly id: ObjId };

export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;

/** Generation of a tracked object; `null` = not tracked by the cycle collector. */
export type Generation = 0 | 1 | 2;

export type ObjectKind = 'list' | 'dict' | 'instance' | 'weakref';

interface ObjectBase {
  readonly id: ObjId;
  /** Strong references to this object (sys.getrefcount(x) prints rc + 1). */
  rc: number;
  /** Generation list the object sits in, or null when untracked (only dicts can be). */
  gen: Generation | null;
}

export interface ListObject extends ObjectBase {
  kind: 'list';
  items: Value[];
  /** Allocated slots (CPython's over-allocation); drives sys.getsizeof. */
  capacity: number;
}

/** Dict entries in insertion order; keys are strings in the subset. */
export interface DictObject extends ObjectBase {
  kind: 'dict';
  entries: [key: string, value: Value][];
  /** Size of the keys table (0 = the shared empty table of `{}`); drives sys.getsizeof. */
  tableSize: number;
  /** Entries written into the table since it was allocated, deleted ones included (dk_nentries). */
  filled: number;
}

export interface InstanceObject extends ObjectBase {
  kind: 'instance';
  cls: string;
  /**
   * Attributes in insertion order (plain classes, inline values) or declared slot order
   * (`__slots__` classes). Empty when `dict` is set: the attributes then live in that dict.
   */
  attrs: [name: string, value: Value][];
  /** A materialized `__dict__` (3.11 shared-key table exhausted), else null. */
  dict: ObjId | null;
  /** The callback-less weakref object to this instance, if one is alive. */
  weakref: ObjId | null;
}

export interface WeakrefObject extends ObjectBase {
  kind: 'weakref';
  /** The referent, or null once it has been freed (the weakref is "dead"). */
  referent: ObjId | null;
}

export type HeapObject = ListObject | DictObject | InstanceObject | WeakrefObject;

export interface ClassDef {
  name: string;
  /** Declared `__slots__` (without '__weakref__'), or null for a plain class. */
  slots: string[] | null;
  /** Plain classes always; slots classes only when '__weakref__' is declared. */
  weakrefable: boolean;
  /** 3.11 shared key table of a plain class (SEMANTICS §4): free slots and the names it holds. */
  sharedKeys: { usable: number; names: string[] };
}

/** A running call. Locals die (in `varnames` order) when the frame is popped. */
export interface Frame {
  fn: string;
  /** co_varnames order: parameters first, then other locals; release order on return. */
  varnames: string[];
  locals: Record<string, Value>;
}

export interface GcState {
  enabled: boolean;
  thresholds: [number, number, number];
  /** gen0: allocations minus frees since the last collection; gen1/gen2: collections of the younger gen. */
  counts: [number, number, number];
  longLivedPending: number;
  longLivedTotal: number;
  /** Number of collections run so far, per generation (like gc.get_stats()). */
  collections: [number, number, number];
  /** Total objects found unreachable so far, per generation. */
  collected: [number, number, number];
}

export interface EngineState {
  /** Incremented by every accepted action; clients send it back to detect stale moves. */
  version: number;
  nextId: ObjId;
  /** Seeded PRNG state (see rng.ts); only changed by actions that draw from it. */
  rng: number;
  objects: Record<ObjId, HeapObject>;
  globals: Record<string, Value>;
  /** Call stack, innermost last. The module frame is `globals`, not an entry here. */
  frames: Frame[];
  classes: Record<string, ClassDef>;
  gc: GcState;
}
