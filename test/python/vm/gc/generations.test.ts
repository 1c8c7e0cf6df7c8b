/**
 * Generations, counts, automatic collections, freeze, untracking, and the gc module's queries
 * (tutorial 83, 85–90 and the probes in docs/python-vm.md "Automatic collections").
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';
import {
  getObjects,
  getReferents,
  getReferrers,
  isTracked,
} from '../../../../shared/python/vm/gc/queries.ts';
import { FakeWorld } from './fakeWorld.ts';

const starts = (w: FakeWorld): string[] =>
  w.log.filter((l) => l.startsWith('start')).map((l) => l.split(' ')[1] ?? '');

describe('counts and generations', () => {
  it('allocation counts, frees uncount, collect(0) and a full collect reset (tutorial 83, 88)', () => {
    const w = new FakeWorld();
    const a = w.make('a');
    w.make('b');
    expect(w.collector.counts()).toEqual([2, 0, 0]);
    w.decref(a);
    expect(w.collector.counts()).toEqual([1, 0, 0]);
    w.collector.collect(0);
    expect(w.collector.counts()).toEqual([0, 1, 0]);
    w.collector.collect(1);
    expect(w.collector.counts()).toEqual([0, 0, 1]);
    w.collector.collect(2);
    expect(w.collector.counts()).toEqual([0, 0, 0]);
    w.decref(w.make('c'));
    w.decref(w.make('d'));
    expect(w.collector.counts()).toEqual([0, 0, 0]);
    expect(() => w.collector.collect(3)).toThrow('invalid generation');
  });

  it('collect(0) finds young garbage, then collect(1) what survived one collection (tutorial 88)', () => {
    const w = new FakeWorld();
    const b = w.make('b');
    w.link(b, b);
    expect(w.collector.collect(0)).toBe(0);
    w.decref(b);
    expect(w.collector.collect(0)).toBe(0);
    expect(w.collector.collect(1)).toBe(1);
  });

  it('gc.freeze moves everything to the permanent generation; collections ignore it (tutorial 89)', () => {
    const w = new FakeWorld();
    const old = w.make('old');
    w.link(old, old);
    w.collector.freeze();
    expect(old.gc?.gen).toBe(3);
    expect(w.collector.permanent.size).toBe(1);
    w.decref(old);
    expect(w.collector.collect(2)).toBe(0);
    const young = w.make('new');
    w.link(young, young);
    w.decref(young);
    expect(w.collector.collect(2)).toBe(1);
    w.collector.unfreeze();
    expect(old.gc?.gen).toBe(2);
    expect(w.collector.collect(2)).toBe(1);
    checkInvariants(w.collector);
  });
});

describe('automatic collections (_PyObject_GC_Link)', () => {
  it('start inside the allocation whose count exceeds threshold 0, before it is tracked', () => {
    const w = new FakeWorld();
    w.collector.generations[0].threshold = 3;
    const a = w.make('a');
    w.link(a, a);
    w.decref(a);
    w.make('b');
    w.make('c');
    expect(w.freed).toEqual([]);
    const d = w.make('d');
    expect(w.freed).toEqual(['a']);
    expect(w.log).toEqual(['start gen0 0/0', 'stop gen0 1/0']);
    expect(d.gc?.gen).toBe(0);
    // The allocation that started it was counted before the reset: CPython shows 0 too.
    expect(w.collector.counts()).toEqual([0, 1, 0]);
    checkInvariants(w.collector);
  });

  it('never when disabled or with threshold 0; frees never start one', () => {
    const w = new FakeWorld();
    w.collector.generations[0].threshold = 1;
    w.collector.enabled = false;
    for (let i = 0; i < 5; i++) w.make(`x${i}`);
    w.collector.enabled = true;
    w.collector.generations[0].threshold = 0;
    for (let i = 0; i < 5; i++) w.make(`y${i}`);
    expect(w.log).toEqual([]);
    w.collector.generations[0].threshold = 700;
    expect(w.collector.counts()[0]).toBe(10);
  });

  it('older generations by their counts: thresholds (1, 1, 1) give 0 0 1 0 0 1 2 0 0', () => {
    const w = new FakeWorld();
    for (const g of w.collector.generations) g.threshold = 1;
    for (let i = 0; i < 18; i++) w.make(`o${i}`);
    expect(starts(w)).toEqual([
      'gen0',
      'gen0',
      'gen1',
      'gen0',
      'gen0',
      'gen1',
      'gen2',
      'gen0',
      'gen0',
    ]);
    checkInvariants(w.collector);
  });

  it('a full automatic collection waits for a quarter of the long-lived objects to be new', () => {
    const w = new FakeWorld();
    for (let i = 0; i < 100; i++) w.make(`keep${i}`);
    w.collector.collect(2);
    expect(w.collector.longLivedTotal).toBe(100);
    for (const g of w.collector.generations) g.threshold = 1;
    for (let i = 0; i < 18; i++) w.make(`o${i}`);
    // Generation 2's count passes 1 after two gen-1 collections, but only 5 + 6 objects went
    // through them (< 100 / 4): generation 1 is collected instead.
    expect(starts(w)).toEqual([
      ...['gen2', 'gen0', 'gen0', 'gen1', 'gen0', 'gen0', 'gen1', 'gen0', 'gen0', 'gen1'],
    ]);
    expect(w.collector.longLivedPending).toBe(5 + 6 + 6);
  });

  it('no collection starts inside a collection (a finalizer allocating)', () => {
    const w = new FakeWorld();
    w.collector.generations[0].threshold = 1;
    const a = w.make('a', {
      del: () => ['i1', 'i2', 'i3'].forEach((n) => w.make(n)),
    });
    w.link(a, a);
    w.decref(a);
    w.make('b');
    expect(starts(w)).toEqual(['gen0']);
    expect(w.collector.counts()[0]).toBe(3 - 1);
  });
});

describe('untrack_tuples and untrack_dicts', () => {
  it('a tuple of untracked items is untracked by any collection; a dict only by a full one', () => {
    const w = new FakeWorld();
    const n = w.make('n', { atomic: true });
    const inner = w.make('inner', { kind: 'tuple' });
    w.link(inner, n);
    const outer = w.make('outer', { kind: 'tuple' });
    w.link(outer, inner);
    const holdsDict = w.make('holdsDict', { kind: 'tuple' });
    w.link(holdsDict, w.make('emptyDict', { kind: 'dict', untracked: true }));
    const d = w.make('d', { kind: 'dict' });
    w.link(d, n);
    w.collector.collect(0);
    expect([inner, outer, holdsDict, d].map(isTracked)).toEqual([false, false, true, true]);
    w.collector.collect(2);
    expect(isTracked(d)).toBe(false);
    checkInvariants(w.collector);
  });
});

describe('gc.get_objects, get_referrers, get_referents', () => {
  it('list tracked objects generation by generation, in list order', () => {
    const w = new FakeWorld();
    const a = w.make('a');
    w.collector.collect(0);
    const b = w.make('b');
    w.make('u', { untracked: true });
    expect(getObjects(w.collector, null)).toEqual([b, a]);
    expect(getObjects(w.collector, 1)).toEqual([a]);
    expect(() => getObjects(w.collector, 3)).toThrow(
      'less than the number of available generations (3)',
    );
  });

  it('referrers are tracked containers that traverse to the target (tutorial 86)', () => {
    const w = new FakeWorld();
    const token = w.make('token');
    const holder = w.make('holder');
    const registry = w.make('registry', { kind: 'dict' });
    const args = w.make('args', { kind: 'tuple' });
    for (const o of [holder, registry, args]) w.link(o, token);
    expect(getReferrers(w.collector, [token], [args])).toEqual([holder, registry]);
    w.unlink(holder, token);
    expect(getReferrers(w.collector, [token], [args])).toEqual([registry]);
  });

  it('referents are what traverse visits, non-GC ones included; a non-GC object has none (85)', () => {
    const w = new FakeWorld();
    const n = w.make('42', { atomic: true });
    const inner = w.make('inner');
    const outer = w.make('outer');
    w.link(outer, n);
    w.link(outer, inner);
    expect(getReferents([outer])).toEqual([n, inner]);
    expect(getReferents([n])).toEqual([]);
  });
});
