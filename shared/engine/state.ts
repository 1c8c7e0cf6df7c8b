/** Creating a fresh engine state: an empty heap and an interpreter just after start-up. */
import { seedRng } from './rng.ts';
import type { EngineState } from './types.ts';

export interface CreateStateOptions {
  /** Seed of the PRNG kept in the state (puzzle generation, shuffles). */
  seed?: number;
  /** gc.get_threshold(); CPython 3.11 starts with (700, 10, 10). */
  thresholds?: [number, number, number];
  /** CPython starts with the collector enabled; oracle scripts call gc.disable() first. */
  gcEnabled?: boolean;
}

const DEFAULT_THRESHOLDS: [number, number, number] = [700, 10, 10];

export function createState(opts: CreateStateOptions = {}): EngineState {
  return {
    version: 0,
    nextId: 1,
    rng: seedRng(opts.seed ?? 0),
    objects: {},
    globals: {},
    frames: [],
    classes: {},
    gc: {
      enabled: opts.gcEnabled ?? true,
      thresholds: [...(opts.thresholds ?? DEFAULT_THRESHOLDS)],
      counts: [0, 0, 0],
      longLivedPending: 0,
      longLivedTotal: 0,
      collections: [0, 0, 0],
      collected: [0, 0, 0],
    },
  };
}
