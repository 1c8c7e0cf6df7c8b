/**
 * One table of per-kind behaviour, like CPython's type slots: the collector, the deallocator,
 * sys.getsizeof, cloning and the undo log all dispatch through `slotsOf(obj)`, so for those a new
 * object kind (str, tuple, function, frame, …) is one new entry here; its type (types.ts), the
 * actions that make and change it, and checkInvariants still need their own lines.
 *
 * Contracts:
 * - `traverse` (tp_traverse) visits the strong references the collector sees, in order.
 * - `release` visits the strong references in the order the deallocator drops them.
 * - `clear` (tp_clear) empties the outgoing strong references; the caller has collected them
 *   with `release` first and drops them itself.
 * - `contents`/`restore`: a copy of every mutable field except rc and gen, and putting one back
 *   (the undo log); `clone` is a deep copy of the whole object.
 */
import type {
  ClassDef,
  DictObject,
  HeapObject,
  InstanceObject,
  ListObject,
  ObjId,
  ObjectKind,
  Value,
  WeakrefObject,
} from './types.ts';
import { dictBytes } from './sizes.ts';

export type Visit = (id: ObjId) => void;
export type VisitLabelled = (id: ObjId, slot: string) => void;

export interface KindSlots<O extends HeapObject> {
  traverse(obj: O, visit: Visit): void;
  traverseLabelled(obj: O, visit: VisitLabelled): void;
  release(obj: O, visit: Visit): void;
  clear(obj: O): void;
  /** sys.getsizeof, GC header included; `cls` is the instance's class, if any. */
  sizeof(obj: O, cls: ClassDef | undefined): number;
  /** Whether a new object starts in generation 0 (else untracked, as `{}` of atoms). */
  trackedAtBirth(obj: O): boolean;
  /** A full collection untracks a survivor for which this returns true (3.11 untrack_dicts). */
  untrackAfterFullCollection(obj: O): boolean;
  contents(obj: O): Partial<O>;
  restore(obj: O, contents: Partial<O>): void;
  clone(obj: O): O;
}

const holdsRef = (pairs: readonly [string, Value][]): boolean =>
  pairs.some(([, v]) => v.t === 'ref');
const copyPairs = <K>(pairs: [K, Value][]): [K, Value][] => pairs.map(([k, v]) => [k, v]);

const list: KindSlots<ListObject> = {
  traverse(obj, visit) {
    for (const v of obj.items) if (v.t === 'ref') visit(v.id);
  },
  traverseLabelled(obj, visit) {
    obj.items.forEach((v, i) => v.t === 'ref' && visit(v.id, `[${i}]`));
  },
  /** list_dealloc: last item first. */
  release(obj, visit) {
    for (let i = obj.items.length - 1; i >= 0; i--) {
      const v = obj.items[i]!;
      if (v.t === 'ref') visit(v.id);
    }
  },
  clear(obj) {
    obj.items = [];
    obj.capacity = 0;
  },
  sizeof: (obj) => 56 + 8 * obj.capacity,
  trackedAtBirth: () => true,
  untrackAfterFullCollection: () => false,
  contents: (obj) => ({ items: obj.items.slice(), capacity: obj.capacity }),
  restore(obj, c) {
    obj.items = c.items!;
    obj.capacity = c.capacity!;
  },
  clone: (obj) => ({ ...obj, items: obj.items.slice() }),
};

const dict: KindSlots<DictObject> = {
  traverse(obj, visit) {
    for (const [, v] of obj.entries) if (v.t === 'ref') visit(v.id);
  },
  traverseLabelled(obj, visit) {
    for (const [k, v] of obj.entries) if (v.t === 'ref') visit(v.id, `'${k}'`);
  },
  /** free_keys_object: values first to last. */
  release(obj, visit) {
    for (const [, v] of obj.entries) if (v.t === 'ref') visit(v.id);
  },
  clear(obj) {
    obj.entries = [];
    obj.tableSize = 0;
    obj.filled = 0;
  },
  sizeof: (obj) => dictBytes(obj.tableSize),
  trackedAtBirth: (obj) => holdsRef(obj.entries),
  untrackAfterFullCollection: (obj) => !holdsRef(obj.entries),
  contents: (obj) => ({
    entries: copyPairs(obj.entries),
    tableSize: obj.tableSize,
    filled: obj.filled,
  }),
  restore(obj, c) {
    obj.entries = c.entries!;
    obj.tableSize = c.tableSize!;
    obj.filled = c.filled!;
  },
  clone: (obj) => ({ ...obj, entries: copyPairs(obj.entries) }),
};

const instance: KindSlots<InstanceObject> = {
  traverse(obj, visit) {
    for (const [, v] of obj.attrs) if (v.t === 'ref') visit(v.id);
    if (obj.dict !== null) visit(obj.dict);
  },
  traverseLabelled(obj, visit) {
    for (const [k, v] of obj.attrs) if (v.t === 'ref') visit(v.id, `.${k}`);
    if (obj.dict !== null) visit(obj.dict, '.__dict__');
  },
  /** subtype_dealloc: attributes in order, then a materialized __dict__. */
  release(obj, visit) {
    instance.traverse(obj, visit);
  },
  clear(obj) {
    obj.attrs = [];
    obj.dict = null;
  },
  sizeof: (_obj, cls) =>
    !cls || cls.slots === null ? 56 : 32 + 8 * cls.slots.length + (cls.weakrefable ? 8 : 0),
  trackedAtBirth: () => true,
  untrackAfterFullCollection: () => false,
  contents: (obj) => ({ attrs: copyPairs(obj.attrs), dict: obj.dict, weakref: obj.weakref }),
  restore(obj, c) {
    obj.attrs = c.attrs!;
    obj.dict = c.dict!;
    obj.weakref = c.weakref!;
  },
  clone: (obj) => ({ ...obj, attrs: copyPairs(obj.attrs) }),
};

/** A weakref holds no strong reference: nothing to traverse, release or clear. */
const weakref: KindSlots<WeakrefObject> = {
  traverse() {},
  traverseLabelled() {},
  release() {},
  clear() {},
  sizeof: () => 80,
  trackedAtBirth: () => true,
  untrackAfterFullCollection: () => false,
  contents: (obj) => ({ referent: obj.referent }),
  restore(obj, c) {
    obj.referent = c.referent!;
  },
  clone: (obj) => ({ ...obj }),
};

const KINDS: { [K in ObjectKind]: KindSlots<Extract<HeapObject, { kind: K }>> } = {
  list,
  dict,
  instance,
  weakref,
};

/** The slots of an object's kind. */
export function slotsOf(obj: HeapObject): KindSlots<HeapObject> {
  return KINDS[obj.kind] as KindSlots<HeapObject>;
}
