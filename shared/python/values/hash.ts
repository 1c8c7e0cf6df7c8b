/**
 * hash() of the values whose hash is deterministic in CPython 3.11: int, bool, float (not NaN:
 * its hash depends on the object's address since 3.10) and tuples of those. str/bytes hashes
 * are randomised per process (PYTHONHASHSEED), so they have no place here.
 * Numbers hash to value mod the Mersenne prime 2**61 - 1 (the documented numeric hash).
 */
import { Unsupported } from './errors.ts';
import type { Num } from './errors.ts';
import { floatParts } from './float.ts';

const MODULUS = (1n << 61n) - 1n;
const INF_HASH = 314159n;

function fixMinusOne(h: bigint): bigint {
  return h === -1n ? -2n : h;
}

function intHash(n: bigint): bigint {
  const h = (n < 0n ? -n : n) % MODULUS;
  return fixMinusOne(n < 0n ? -h : h);
}

function floatHash(x: number): bigint {
  if (Number.isNaN(x)) throw new Unsupported('hash(nan) depends on the object identity');
  if (!Number.isFinite(x)) return x > 0 ? INF_HASH : -INF_HASH;
  const { mant, exp } = floatParts(x);
  const m = (mant < 0n ? -mant : mant) % MODULUS;
  // 2**61 == 1 (mod P), so 2**-k == 2**(61 - k mod 61)
  const shift = exp >= 0 ? BigInt(exp % 61) : BigInt((61 - (-exp % 61)) % 61);
  const h = (m << shift) % MODULUS;
  return fixMinusOne(mant < 0n ? -h : h);
}

/** A hashable value of this layer: a number or a tuple of them. */
export type HashableValue = Num | readonly HashableValue[];

const MASK64 = (1n << 64n) - 1n;
const PRIME1 = 11400714785074694791n;
const PRIME2 = 14029467366897019727n;
const PRIME5 = 2870177450012600261n;

function toSigned64(u: bigint): bigint {
  return u >= 1n << 63n ? u - (1n << 64n) : u;
}

/** The xxHash-style tuple hash of CPython 3.8+ (64-bit build). */
function tupleHash(items: readonly HashableValue[]): bigint {
  let acc = PRIME5;
  for (const item of items) {
    const lane = pyHash(item) & MASK64;
    acc = (acc + lane * PRIME2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * PRIME1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (PRIME5 ^ 3527539n))) & MASK64;
  return acc === MASK64 ? 1546275796n : toSigned64(acc);
}

export function pyHash(v: HashableValue): bigint {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint') return intHash(v);
  if (typeof v === 'number') return floatHash(v);
  return tupleHash(v);
}
