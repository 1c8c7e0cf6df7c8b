/**
 * handle_weakrefs: weakrefs to trash are cleared before any Python code runs; callbacks of
 * reachable weakrefs run (newest callback ref first, as CPython's tp_weaklist orders them), before
 * the finalizers; trash weakrefs never call back. Expectations from python3 (tutorial 53 and the
 * scripts in /tmp quoted per test).
 */
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../../../shared/python/vm/gc/invariants.ts';
import type { FakeObject } from './fakeWorld.ts';
import { FakeWorld } from './fakeWorld.ts';

function callback(w: FakeWorld, name: string, call?: () => void): FakeObject {
  return w.make(name, { call });
}

describe('weak references in a collection', () => {
  it('callbacks fire first, see a dead referent, then __del__ runs (tutorial 53)', () => {
    const w = new FakeWorld();
    const del = (): void => {};
    const a = w.make('a', { del });
    const b = w.make('b', { del });
    w.link(a, b);
    w.link(b, a);
    const cbA = callback(w, 'gone_a');
    const cbB = callback(w, 'gone_b');
    const wa = w.weakref('wa', a, cbA);
    const wb = w.weakref('wb', b, cbB);
    w.decref(cbA);
    w.decref(cbB);
    w.decref(a);
    w.decref(b);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.log.slice(1, 5)).toEqual([
      'call gone_a(wa)',
      'call gone_b(wb)',
      '__del__ a',
      '__del__ b',
    ]);
    expect([wa.referent, wb.referent]).toEqual([null, null]);
    expect(wa.rc).toBe(1);
    checkInvariants(w.collector);
  });

  it('several callback refs to one object fire newest first (cb3, cb2, cb1)', () => {
    const w = new FakeWorld();
    const a = w.make('a');
    w.link(a, a);
    w.weakref('w0', a);
    for (const n of ['cb1', 'cb2', 'cb3']) w.weakref(`w_${n}`, a, callback(w, n));
    w.decref(a);
    expect(w.collector.collect(2)).toBe(1);
    expect(w.log.filter((l) => l.startsWith('call'))).toEqual([
      'call cb3(w_cb3)',
      'call cb2(w_cb2)',
      'call cb1(w_cb1)',
    ]);
  });

  it('a weakref that is itself trash is cleared silently; it and its callback are collected (3)', () => {
    const w = new FakeWorld();
    const x = w.make('x');
    w.link(x, x);
    const cb = callback(w, 'never');
    const wr = w.weakref('wr', x, cb);
    w.decref(cb);
    w.link(x, wr);
    w.decref(wr);
    w.decref(x);
    expect(w.collector.collect(2)).toBe(3);
    expect(w.log.some((l) => l.startsWith('call'))).toBe(false);
    checkInvariants(w.collector);
  });

  it('a callback that drops the last reference to its weakref: the weakref counts as collected (2)', () => {
    const w = new FakeWorld();
    const a = w.make('a');
    w.link(a, a);
    const d = w.make('d', { kind: 'dict' });
    let wr: FakeObject | null = null;
    const cb = callback(w, 'clear_d', () => w.unlink(d, wr!));
    wr = w.weakref('wr', a, cb);
    w.decref(cb);
    w.link(d, wr);
    w.decref(wr);
    w.decref(a);
    expect(w.collector.collect(2)).toBe(2);
    expect(w.freed).toContain('wr');
    checkInvariants(w.collector);
  });

  it("a surviving weakref whose callback ran moves to the collected generation's older list", () => {
    const w = new FakeWorld();
    // `a` is tracked only after the weakref and its callback reached generation 2.
    const a = w.make('a', { untracked: true });
    w.link(a, a);
    const cb = callback(w, 'cb');
    const wr = w.weakref('wr', a, cb);
    w.decref(cb);
    w.collector.collect(1);
    expect(wr.gc?.gen).toBe(2);
    w.collector.track(a);
    w.decref(a);
    expect(w.collector.collect(0)).toBe(1);
    expect(wr.gc?.gen).toBe(1);
    checkInvariants(w.collector);
  });
});
