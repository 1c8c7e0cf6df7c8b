/** A seeded random source for the script generator, drawing from the engine's PRNG (rng.ts). */
import { nextRandom, seedRng } from '../../../shared/engine/index.ts';

export interface Rand {
  state: number;
}

export function makeRand(seed: number): Rand {
  return { state: seedRng(seed) };
}

/** A float in [0, 1). */
function float(r: Rand): number {
  const [v, next] = nextRandom(r.state);
  r.state = next;
  return v;
}

/** An integer in [0, n). */
export function int(r: Rand, n: number): number {
  return Math.floor(float(r) * n);
}

export function chance(r: Rand, p: number): boolean {
  return float(r) < p;
}

export function pick<T>(r: Rand, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[int(r, items.length)] as T;
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weighted<K extends string>(r: Rand, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = float(r) * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}
