/**
 * Seeded PRNG (mulberry32). Its whole state is one 32-bit integer stored in the game state, so
 * every draw is a pure function `state → [value, nextState]` and replays draw the same numbers.
 */

/** Turns any integer seed into a well-mixed initial PRNG state (splitmix32 finaliser). */
export function seedRng(seed: number): number {
  let z = (seed | 0) + 0x9e3779b9;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** One draw: a float in [0, 1) and the next state. */
export function nextRandom(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** An integer in [0, n) and the next state. */
export function nextInt(rng: number, n: number): [value: number, next: number] {
  const [v, next] = nextRandom(rng);
  return [Math.floor(v * n), next];
}
