/**
 * Random object graphs (seeded): after dropping the test's references to the non-roots and one
 * full collection, exactly the objects unreachable from the roots are gone — the ones freed by
 * refcounting plus the ones the collection returns — and the invariants hold after every step.
 * Some objects carry `__del__` (no resurrection), some weakrefs with callbacks: the outcome must
 * not change, and every finalizer of a freed object runs exactly once.
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';
import type { FakeObject } from './fakeWorld.ts';
import { FakeWorld } from './fakeWorld.ts';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reachable(roots: FakeObject[]): Set<FakeObject> {
  const seen = new Set<FakeObject>();
  const stack = [...roots];
  while (stack.length > 0) {
    const o = stack.pop() as FakeObject;
    if (seen.has(o)) continue;
    seen.add(o);
    stack.push(...o.refs);
  }
  return seen;
}

describe('random graphs: a full collection frees exactly the unreachable objects', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i', (seed) => {
    const r = prng(seed);
    const int = (n: number): number => Math.floor(r() * n);
    const w = new FakeWorld();
    const finalized = new Map<string, number>();
    const del = (self: FakeObject): void => {
      finalized.set(self.name, (finalized.get(self.name) ?? 0) + 1);
    };
    const objs = Array.from({ length: 3 + int(12) }, (_, i) =>
      w.make(`o${i}`, int(4) === 0 ? { del } : {}),
    );
    for (let e = int(objs.length * 2); e > 0; e--) {
      w.link(objs[int(objs.length)] as FakeObject, objs[int(objs.length)] as FakeObject);
    }
    const roots = objs.filter(() => int(3) === 0);
    for (const o of objs) {
      if (int(5) === 0) w.weakref(`w_${o.name}`, o, w.make(`cb_${o.name}`));
    }
    const live = reachable(roots);
    for (const o of objs) if (!roots.includes(o)) w.decref(o);
    checkInvariants(w.collector);
    const freedByRefcount = w.freed.filter((n) => n.startsWith('o')).length;
    const collected = w.collector.collect(2);
    checkInvariants(w.collector);
    const freed = new Set(w.freed.filter((n) => n.startsWith('o')));
    expect(objs.filter((o) => !live.has(o)).map((o) => o.name)).toEqual(
      objs.filter((o) => freed.has(o.name)).map((o) => o.name),
    );
    expect(collected).toBe(freed.size - freedByRefcount);
    for (const o of objs) {
      const expectedRuns = freed.has(o.name) && o.options.del ? 1 : 0;
      expect(finalized.get(o.name) ?? 0).toBe(expectedRuns);
    }
  });
});
