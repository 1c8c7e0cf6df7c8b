/**
 * The gc module's introspection, after gcmodule.c: get_objects, get_referrers, get_referents,
 * is_tracked. They read the generation lists in order (0, 1, 2; never the permanent generation),
 * so results come out in CPython's order.
 */
import type { GcObject } from '../gcobject.ts';
import type { Collector } from './collector.ts';
import { NUM_GENERATIONS } from './collector.ts';

/** gc.get_objects(generation=None): tracked objects of one generation, or of all three. */
export function getObjects(collector: Collector, generation: number | null): GcObject[] {
  if (generation !== null && generation >= NUM_GENERATIONS) {
    throw new RangeError(
      `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`,
    );
  }
  if (generation !== null && generation < 0) {
    throw new RangeError('generation parameter cannot be negative');
  }
  const gens = generation === null ? collector.generations : [collector.gen(generation)];
  return gens.flatMap((g) => g.list.snapshot());
}

/**
 * gc.get_referrers(*objs): every tracked object whose traverse visits one of `targets`, once each.
 * `exclude` are the call's own objects (its argument tuple, its result list), skipped as CPython does.
 */
export function getReferrers(
  collector: Collector,
  targets: readonly GcObject[],
  exclude: readonly GcObject[],
): GcObject[] {
  const wanted = new Set(targets);
  const skip = new Set(exclude);
  const found: GcObject[] = [];
  for (const gen of collector.generations) {
    for (const o of gen.list.items) {
      if (skip.has(o)) continue;
      let hit = false;
      o.traverse((r) => {
        if (!hit && wanted.has(r)) hit = true;
      });
      if (hit) found.push(o);
    }
  }
  return found;
}

/** gc.get_referents(*objs): what each GC object's traverse visits, in order; non-GC objects add nothing. */
export function getReferents(objs: readonly GcObject[]): GcObject[] {
  const found: GcObject[] = [];
  for (const o of objs) {
    if (o.gc === null) continue;
    o.traverse((r) => found.push(r));
  }
  return found;
}

/** gc.is_tracked(obj). */
export function isTracked(o: GcObject): boolean {
  return o.gc !== null && o.gc.tracked;
}
