/**
 * The collector's phases on tiny graphs, each expectation measured on CPython 3.11.7 with the same
 * shape of Python objects (tutorial 31–49 and the scripts quoted in each test).
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';
import { DEBUG_SAVEALL } from '../../../../shared/python/vm/gc/collector.ts';
import type { FakeObject } from './fakeWorld.ts';
import { FakeWorld } from './fakeWorld.ts';

/** a ↔ b, both names dropped. */
function pair(w: FakeWorld, del?: (self: FakeObject) => void): [FakeObject, FakeObject] {
  const a = w.make('a', { del });
  const b = w.make('b', { del });
  w.link(a, b);
  w.link(b, a);
  return [a, b];
}

describe('cycles (update_refs, subtract_refs, move_unreachable, delete_garbage)', () => {
  it("a dropped pair is freed by tp_clear: b dies inside a's clear, then a", () => {
    const w = new FakeWorld();
    const [a, b] = pair(w);
    w.decref(a);
    w.decref(b);
    expect(w.freed).toEqual([]);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.freed).toEqual(['b', 'a']);
    expect(w.log).toEqual(['start gen2 0/0', 'clear_freelists', 'stop gen2 2/0']);
    checkInvariants(w.collector);
  });

  it('a cycle still named survives and moves to the next generation', () => {
    const w = new FakeWorld();
    const [a, b] = pair(w);
    w.decref(b);
    expect(w.collector.collect(0)).toBe(0);
    expect([a.gc?.gen, b.gc?.gen]).toEqual([1, 1]);
    expect(w.collector.collect(1)).toBe(0);
    expect([a.gc?.gen, b.gc?.gen]).toEqual([2, 2]);
    checkInvariants(w.collector);
  });

  it('a tail hanging off a cycle goes with it; a tail object referenced from outside stays', () => {
    const w = new FakeWorld();
    const [a, b] = pair(w);
    const tail = w.make('tail');
    const kept = w.make('kept');
    w.link(b, tail);
    w.link(tail, kept);
    w.decref(tail);
    w.decref(a);
    w.decref(b);
    expect(w.collector.collect(2)).toBe(3);
    expect(w.freed).toEqual(['tail', 'b', 'a']);
    expect(kept.rc).toBe(1);
    checkInvariants(w.collector);
  });

  it('reachability found late moves an object back from unreachable (visit_reachable)', () => {
    // Allocation order puts the cycle before its only outside holder.
    const w = new FakeWorld();
    const [a, b] = pair(w);
    const holder = w.make('holder');
    w.link(holder, b);
    w.decref(a);
    w.decref(b);
    expect(w.collector.collect(2)).toBe(0);
    expect(w.collector.generations[2].list.snapshot()).toEqual([holder, b, a]);
    checkInvariants(w.collector);
  });

  it('objects of older generations are outside a young collection', () => {
    const w = new FakeWorld();
    const [a, b] = pair(w);
    w.collector.collect(0);
    w.decref(a);
    w.decref(b);
    expect(w.collector.collect(0)).toBe(0);
    expect(w.collector.collect(1)).toBe(2);
  });

  it('DEBUG_SAVEALL: garbage goes to gc.garbage uncleared, still counted (saveall: 1 1)', () => {
    const w = new FakeWorld();
    w.collector.debug = DEBUG_SAVEALL;
    const y = w.make('y');
    w.link(y, y);
    w.decref(y);
    expect(w.collector.collect(2)).toBe(1);
    expect(w.garbage).toEqual([y]);
    expect(y.rc).toBe(2);
    expect(y.gc?.gen).toBe(2);
    checkInvariants(w.collector);
  });

  it('a legacy finalizer (tp_del) makes its cycle uncollectable, reported and saved', () => {
    const w = new FakeWorld();
    const a = w.make('a', { legacy: true });
    const b = w.make('b');
    w.link(a, b);
    w.link(b, a);
    w.decref(a);
    w.decref(b);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.log.at(-1)).toBe('stop gen2 0/2');
    expect(w.garbage).toEqual([a]);
    expect(w.freed).toEqual([]);
    checkInvariants(w.collector);
  });
});

describe('finalizers (PEP 442: finalize_garbage, handle_resurrected_objects)', () => {
  it('every __del__ of a ring runs once, in list order, before anything is cleared', () => {
    const w = new FakeWorld();
    const seen: string[] = [];
    const del = (self: FakeObject): void => {
      seen.push(`${self.name}->${self.refs[0]?.name}`);
    };
    const [a, b, c] = ['A', 'B', 'C'].map((n) => w.make(n, { del }));
    w.link(a!, b!);
    w.link(b!, c!);
    w.link(c!, a!);
    for (const o of [a!, b!, c!]) w.decref(o);
    expect(w.collector.collect(2)).toBe(3);
    expect(seen).toEqual(['A->B', 'B->C', 'C->A']);
    expect(w.freed).toHaveLength(3);
    checkInvariants(w.collector);
  });

  it('a finalizer that resurrects one member keeps the whole cycle; it is never finalized again', () => {
    const w = new FakeWorld();
    const saved = w.make('saved');
    const [z1, z2] = pair(w, (self) => {
      if (self.name === 'a') w.link(saved, self);
    });
    w.decref(z1);
    w.decref(z2);
    expect(w.collector.collect(2)).toBe(0);
    expect(w.log.filter((l) => l.startsWith('__del__'))).toEqual(['__del__ a', '__del__ b']);
    expect(w.freed).toEqual([]);
    checkInvariants(w.collector);
    w.unlink(saved, z1);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.log.filter((l) => l.startsWith('__del__'))).toHaveLength(2);
    expect(w.freed).toEqual(['b', 'a']);
    checkInvariants(w.collector);
  });

  it('a finalizer that frees another trash member mid-walk: del a, del c, del b; collected 2', () => {
    const w = new FakeWorld();
    const del = (self: FakeObject): void => {
      if (self.name === 'a') w.unlink(self, c);
    };
    const a = w.make('a', { del });
    const b = w.make('b', { del });
    const c = w.make('c', { del });
    w.link(a, b);
    w.link(b, a);
    w.link(a, c);
    w.link(c, a);
    for (const o of [a, b, c]) w.decref(o);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.log.filter((l) => l.startsWith('__del__'))).toEqual([
      '__del__ a',
      '__del__ c',
      '__del__ b',
    ]);
    expect(w.freed).toEqual(['c', 'b', 'a']);
    checkInvariants(w.collector);
  });

  it('a refcount-zero __del__ that resurrects (tutorial 44): later collections find nothing', () => {
    const w = new FakeWorld();
    const graveyard = w.make('graveyard');
    const p = w.make('p', { del: (self) => w.link(graveyard, self) });
    w.decref(p);
    expect(p.rc).toBe(1);
    w.unlink(graveyard, p);
    expect(w.freed).toEqual(['p']);
    expect(w.collector.collect(2)).toBe(0);
  });
});
