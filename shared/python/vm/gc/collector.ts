/**
 * The VM's cycle collector, after CPython 3.11's Modules/gcmodule.c: three generations plus the
 * permanent one (gc.freeze), gen-0 counting on allocation and free, automatic collections at the
 * allocation that pushes the count past threshold 0, and gc_collect_main's phases (./phases.ts).
 *
 * Invariants (checkInvariants, ./invariants.ts):
 * - a tracked object is in exactly one generation list and `o.gc.gen` names it; an untracked
 *   object is in none; outside a collection no object is in a scratch list;
 * - every object in a generation has rc > 0;
 * - generation counts are ≥ 0; gen 0's counts allocations minus frees since its last collection,
 *   gen 1 and 2 count collections of the generation below since their own last collection.
 */
import type { GcObject } from '../gcobject.ts';
import { GcList, ListRegistry } from './lists.ts';
import {
  deleteGarbage,
  finalizeGarbage,
  handleLegacyFinalizers,
  handleResurrectedObjects,
  handleWeakrefs,
  moveLegacyFinalizers,
  tracePhase,
  untrackContainers,
} from './phases.ts';
import type { Pass } from './phases.ts';
import type { CollectorHooks } from './types.ts';
import { deduceUnreachable } from './unreachable.ts';

export const NUM_GENERATIONS = 3;
export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

export interface Generation {
  readonly list: GcList;
  threshold: number;
  count: number;
}

/** gc.get_stats(): one entry per generation. */
export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export class Collector {
  readonly lists = new ListRegistry();
  readonly generations: readonly [Generation, Generation, Generation] = [
    { list: new GcList('generation 0', 0), threshold: 700, count: 0 },
    { list: new GcList('generation 1', 1), threshold: 10, count: 0 },
    { list: new GcList('generation 2', 2), threshold: 10, count: 0 },
  ];
  readonly permanent = new GcList('permanent generation', 3);
  readonly stats: readonly [GenerationStats, GenerationStats, GenerationStats] = [
    { collections: 0, collected: 0, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
  ];
  enabled = true;
  /** gcstate->collecting: a collection is running (gc.collect() then returns 0 at once). */
  collecting = false;
  debug = 0;
  /** Objects that survived a gen-1 collection since the last full one, and the full one's survivors. */
  longLivedPending = 0;
  longLivedTotal = 0;
  /** PREV_MASK_COLLECTING, for the collection in progress. */
  readonly collectingSet = new Set<GcObject>();

  readonly hooks: CollectorHooks;

  constructor(hooks: CollectorHooks) {
    this.hooks = hooks;
  }

  /** The generation `i` (0–2). */
  gen(i: number): Generation {
    const g = this.generations[i];
    if (g === undefined) throw new RangeError('invalid generation');
    return g;
  }

  /** _PyObject_GC_Link: a GC object was allocated (not from a free list). May collect. */
  link(): void {
    const gen0 = this.generations[0];
    gen0.count++;
    if (gen0.count > gen0.threshold && this.enabled && gen0.threshold !== 0 && !this.collecting) {
      this.collecting = true;
      try {
        this.collectGenerations();
      } finally {
        this.collecting = false;
      }
    }
  }

  /** PyObject_GC_Del: a GC object's memory is released (not to a free list). */
  free(o: GcObject): void {
    this.untrack(o);
    const gen0 = this.generations[0];
    if (gen0.count > 0) gen0.count--;
  }

  /** _PyObject_GC_TRACK: join the youngest generation. */
  track(o: GcObject): void {
    if (o.gc === null) throw new Error('gc: tracking a non-GC object');
    if (o.gc.tracked) throw new Error('gc: object already tracked');
    o.gc.tracked = true;
    this.lists.append(o, this.generations[0].list);
  }

  /** PyObject_GC_UnTrack (idempotent). */
  untrack(o: GcObject): void {
    if (o.gc === null || !o.gc.tracked) return;
    this.lists.remove(o);
    o.gc.tracked = false;
  }

  /** gc.collect(generation): nothing (0) when a collection is already running. */
  collect(generation: number): number {
    if (generation < 0 || generation >= NUM_GENERATIONS) throw new RangeError('invalid generation');
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collectWithCallback(generation, false);
    } finally {
      this.collecting = false;
    }
  }

  /** gc_collect_generations: the oldest generation whose count exceeds its threshold. */
  private collectGenerations(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      const gen = this.gen(i);
      if (gen.count <= gen.threshold) continue;
      // Full collections wait until a quarter of the long-lived objects are new (issue #4074).
      if (
        i === NUM_GENERATIONS - 1 &&
        this.longLivedPending < Math.floor(this.longLivedTotal / 4)
      ) {
        continue;
      }
      return this.collectWithCallback(i, true);
    }
    return 0;
  }

  /** gc_collect_with_callback: gc.callbacks "start", the collection, "stop". */
  private collectWithCallback(generation: number, automatic: boolean): number {
    this.hooks.trace?.({ kind: 'start', generation, automatic });
    this.hooks.invokeCallbacks('start', { generation, collected: 0, uncollectable: 0 });
    const { collected, uncollectable } = this.collectMain(generation);
    this.hooks.trace?.({ kind: 'stop', generation, collected, uncollectable });
    this.hooks.invokeCallbacks('stop', { generation, collected, uncollectable });
    return collected + uncollectable;
  }

  /** gc_collect_main: one collection of `generation` and every younger one. */
  private collectMain(generation: number): { collected: number; uncollectable: number } {
    if (generation + 1 < NUM_GENERATIONS) this.gen(generation + 1).count += 1;
    for (let i = 0; i <= generation; i++) this.gen(i).count = 0;
    const young = this.gen(generation).list;
    for (let i = 0; i < generation; i++) this.lists.merge(this.gen(i).list, young);
    const old = generation < NUM_GENERATIONS - 1 ? this.gen(generation + 1).list : young;
    const pass = this.pass();
    const unreachable = new GcList('unreachable');
    deduceUnreachable(pass, young, unreachable);
    tracePhase(pass, 'move_unreachable', unreachable);

    untrackContainers(pass, young, 'tuple');
    if (young !== old) {
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += young.size;
      this.lists.merge(young, old);
    } else {
      untrackContainers(pass, young, 'dict');
      this.longLivedPending = 0;
      this.longLivedTotal = young.size;
    }

    const finalizers = new GcList('finalizers');
    moveLegacyFinalizers(pass, unreachable, finalizers);
    let collected = handleWeakrefs(pass, unreachable, old);
    finalizeGarbage(pass, unreachable);
    const finalUnreachable = new GcList('final_unreachable');
    handleResurrectedObjects(pass, unreachable, finalUnreachable, old);
    collected += finalUnreachable.size;
    deleteGarbage(pass, finalUnreachable, old);
    const uncollectable = finalizers.size;
    handleLegacyFinalizers(pass, finalizers, old);

    this.collectingSet.clear();
    if (generation === NUM_GENERATIONS - 1) this.hooks.clearFreelists();
    const stats = this.stats[generation] as GenerationStats;
    stats.collections++;
    stats.collected += collected;
    stats.uncollectable += uncollectable;
    return { collected, uncollectable };
  }

  private pass(): Pass {
    return {
      lists: this.lists,
      collecting: this.collectingSet,
      hooks: this.hooks,
      trace: this.hooks.trace ? (event) => this.hooks.trace?.(event) : undefined,
      saveAll: (this.debug & DEBUG_SAVEALL) !== 0,
      untrack: (o) => this.untrack(o),
    };
  }

  /** gc.freeze(): every tracked object moves to the permanent generation; gen-0 count := 0. */
  freeze(): void {
    for (const gen of this.generations) this.lists.merge(gen.list, this.permanent);
    this.generations[0].count = 0;
  }

  /** gc.unfreeze(): the permanent generation joins the oldest one. */
  unfreeze(): void {
    this.lists.merge(this.permanent, this.generations[2].list);
  }

  /** gc.get_count(). */
  counts(): [number, number, number] {
    const [g0, g1, g2] = this.generations;
    return [g0.count, g1.count, g2.count];
  }
}
