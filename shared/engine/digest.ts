/**
 * stateDigest(state): a cheap fingerprint of a state, meant for per-move comparison, updated in
 * O(what changed) instead of serializing the heap (hashState stays the canonical hash for
 * replays and verification; the two are different numbers). Rooms mirror it after every move
 * (server/rooms/LiveBoard.ts); results store hashState.
 *
 * Each live object hashes on its own (FNV-1a 64 of its canonical JSON, which includes its id);
 * the heap's part is the sum of those hashes, half by half modulo 2^32, so it does not depend
 * on order and an object's change is "subtract its old hash, add its new one". The writes of
 * every action mark the objects they touch (write.ts); the next read rehashes only those. The
 * rest of the state (names, frames, classes, gc, counters) is small and hashed whole each time.
 */
import { canonicalJson, fnv1a64, fnvHalves, halves } from './hash.ts';
import type { EngineState, ObjId } from './types.ts';
import { working, type DigestCache } from './working.ts';

function fresh(size: number): DigestCache {
  return {
    dirty: [],
    hi: new Uint32Array(size),
    lo: new Uint32Array(size),
    has: new Uint8Array(size),
    sumHi: 0,
    sumLo: 0,
  };
}

function grow(d: DigestCache, size: number): DigestCache {
  if (size <= d.has.length) return d;
  const g = fresh(Math.max(size, d.has.length * 2));
  g.hi.set(d.hi);
  g.lo.set(d.lo);
  g.has.set(d.has);
  return { ...g, dirty: d.dirty, sumHi: d.sumHi, sumLo: d.sumLo };
}

/** Replaces the hash of `id` with that of its current object (or none, once it is freed). */
function rehash(d: DigestCache, s: EngineState, id: ObjId): void {
  if (d.has[id] === 1) {
    d.sumHi = (d.sumHi - d.hi[id]!) >>> 0;
    d.sumLo = (d.sumLo - d.lo[id]!) >>> 0;
    d.has[id] = 0;
  }
  const obj = s.objects[id];
  if (!obj) return;
  fnvHalves(canonicalJson(obj));
  d.hi[id] = halves.hi;
  d.lo[id] = halves.lo;
  d.has[id] = 1;
  d.sumHi = (d.sumHi + halves.hi) >>> 0;
  d.sumLo = (d.sumLo + halves.lo) >>> 0;
}

/** The digest of a state: equal states (deep-equal) always give equal digests. */
export function stateDigest(s: EngineState): string {
  const w = working(s);
  let d = w.digest;
  if (d === null) {
    d = fresh(s.nextId);
    for (const key in s.objects) rehash(d, s, Number(key));
  } else {
    d = grow(d, s.nextId);
    for (const id of d.dirty) rehash(d, s, id);
    d.dirty.length = 0;
  }
  w.digest = d;
  const { version, nextId, rng, globals, frames, classes, gc } = s;
  const rest = canonicalJson({ version, nextId, rng, globals, frames, classes, gc });
  return fnv1a64(`${rest}|${d.sumHi}|${d.sumLo}`);
}
