/** Public API of the heap engine. */
export * from './types.ts';
export * from './actions.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './result.ts';
export { apply, applyOrThrow, revert } from './apply.ts';
export type { Undo } from './write.ts';
export { cloneState } from './clone.ts';
export { createState } from './state.ts';
export { replay } from './replay.ts';
export { hashState, canonicalJson } from './hash.ts';
export { stateDigest } from './digest.ts';
export { checkInvariants } from './invariants.ts';
export { sizeOf, heapBytes } from './sizes.ts';
export { lookupName, reachableFromRoots } from './query.ts';
export { nextRandom, seedRng } from './rng.ts';
