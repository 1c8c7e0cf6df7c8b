/**
 * A model of CPython 3.11's set hash table (Objects/setobject.c): open addressing from
 * `hash & mask`, runs of LINEAR_PROBES=9 neighbours, then perturbed jumps
 * (i = i*5 + 1 + (perturb >>= 5)); an add reuses the last dummy on its path (measured against 3.11.7); fill counts
 * active + dummy slots; the table grows when
 * fill*5 >= mask*3, to the smallest power of two (>= 8) above used*4 (used*2 past 50000).
 * It gives the iteration order of a set from its elements' hashes, and sys.getsizeof.
 * Keys are compared by hash only: the caller passes one key per distinct element.
 */
const LINEAR_PROBES = 9;
const MIN_SIZE = 8;
const MASK64 = (1n << 64n) - 1n;
const DUMMY = Symbol('dummy');

interface Slot<K> {
  key: K | typeof DUMMY;
  hash: bigint;
}

export interface SetTable<K> {
  slots: (Slot<K> | null)[];
  fill: number;
  used: number;
}

export function emptySetTable<K>(): SetTable<K> {
  return { slots: new Array<Slot<K> | null>(MIN_SIZE).fill(null), fill: 0, used: 0 };
}

/** The probe sequence of a hash: calls visit(index) until it returns true. */
function probe(hash: bigint, mask: number, visit: (i: number) => boolean): void {
  let perturb = hash & MASK64;
  let i = Number(perturb & BigInt(mask));
  for (;;) {
    const run = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    for (let j = 0; j <= run; j++) if (visit(i + j)) return;
    perturb >>= 5n;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** set_table_resize: the smallest power-of-two table above `minUsed`, entries reinserted. */
export function setResize<K>(t: SetTable<K>, minUsed: number): void {
  let size = MIN_SIZE;
  while (size <= minUsed) size <<= 1;
  const old = t.slots;
  t.slots = new Array<Slot<K> | null>(size).fill(null);
  t.fill = 0;
  t.used = 0;
  for (const slot of old) {
    if (slot === null || slot.key === DUMMY) continue;
    const s = slot;
    probe(s.hash, size - 1, (i) => {
      if (t.slots[i] !== null) return false;
      t.slots[i] = s;
      return true;
    });
    t.fill++;
    t.used++;
  }
}

/** set.add(key) where `hash` is hash(key) and `same(a)` says whether a stored key equals it. */
export function setAdd<K>(t: SetTable<K>, key: K, hash: bigint, same: (k: K) => boolean): void {
  const mask = t.slots.length - 1;
  let target = -1;
  let freeSlot = -1;
  let present = false;
  probe(hash, mask, (i) => {
    const slot = t.slots[i];
    if (slot === undefined || slot === null) {
      target = i;
      return true;
    }
    if (slot.key === DUMMY) {
      freeSlot = i; // measured: the LAST dummy on the path is reused, not the first
    } else if (slot.hash === hash && same(slot.key)) {
      present = true;
      return true;
    }
    return false;
  });
  if (present) return;
  t.used++;
  if (freeSlot >= 0) {
    t.slots[freeSlot] = { key, hash }; // a dummy is reused: fill is unchanged, no resize
    return;
  }
  t.slots[target] = { key, hash };
  t.fill++;
  if (t.fill * 5 < mask * 3) return;
  setResize(t, t.used > 50000 ? t.used * 2 : t.used * 4);
}

/** set.discard(key): the slot becomes a dummy (still counted in fill). */
export function setDiscard<K>(t: SetTable<K>, hash: bigint, same: (k: K) => boolean): boolean {
  const mask = t.slots.length - 1;
  let found = -1;
  probe(hash, mask, (i) => {
    const slot = t.slots[i];
    if (slot === undefined || slot === null) return true;
    if (slot.key !== DUMMY && slot.hash === hash && same(slot.key)) {
      found = i;
      return true;
    }
    return false;
  });
  if (found < 0) return false;
  t.slots[found] = { key: DUMMY, hash: -1n };
  t.used--;
  return true;
}

/** Keys in iteration order (table order). */
export function setKeys<K>(t: SetTable<K>): K[] {
  const out: K[] = [];
  for (const slot of t.slots) if (slot !== null && slot.key !== DUMMY) out.push(slot.key);
  return out;
}

/** sys.getsizeof(set or frozenset): 216, plus 16 bytes a slot once off the built-in 8 slots. */
export function setSizeof(t: SetTable<unknown>): number {
  return t.slots.length === MIN_SIZE ? 216 : 216 + 16 * t.slots.length;
}
