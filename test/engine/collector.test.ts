/**
 * CPython-style tiny-graph tests: each builds the smallest heap showing one behaviour and
 * asserts exactly what gc.collect() returns and which objects are freed (SEMANTICS.md §2, 3.11).
 */
import { describe, expect, it } from 'vitest';
import { attrAt, int, keyAt } from '../../shared/engine/index.ts';
import { Heap } from '../helpers/engine.ts';

describe('gc.collect() on garbage left behind (3.11 column)', () => {
  it('two lists containing each other: 2, both freed', () => {
    const h = new Heap();
    const a = h.list('a');
    const b = h.list('b', 'a');
    h.append('a', 'b');
    h.del('a', 'b');
    const t = h.collectTrace();
    expect(t.result).toBe(2);
    expect(t.unreachable).toEqual([a, b]);
    expect(h.liveIds()).toEqual([]);
  });

  it('a list containing itself: 1', () => {
    const h = new Heap();
    h.list('a');
    h.append('a', 'a');
    expect(h.getrefcount('a')).toBe(3);
    h.del('a');
    expect(h.collect()).toBe(1);
  });

  it('two dicts: 2; one self-dict: 1', () => {
    const h = new Heap();
    h.dict('a');
    h.dict('b', [['k', h.v('a')]]);
    h.set(keyAt(h.id('a'), 'k'), h.v('b'));
    h.del('a', 'b');
    expect(h.collect()).toBe(2);
    h.dict('d');
    h.set(keyAt(h.id('d'), 'me'), h.v('d'));
    h.del('d');
    expect(h.collect()).toBe(1);
  });

  it('two plain instances: 2 (3.11 keeps attributes inline, no __dict__ object)', () => {
    const h = new Heap();
    h.obj('a');
    h.obj('b');
    h.attr('a', 'next', 'b');
    h.attr('b', 'next', 'a');
    h.del('a', 'b');
    expect(h.collect()).toBe(2);
  });

  it('an instance with n.me = n: 1', () => {
    const h = new Heap();
    h.obj('n');
    h.attr('n', 'me', 'n');
    h.del('n');
    expect(h.collect()).toBe(1);
  });

  it('two __slots__ instances: 2', () => {
    const h = new Heap();
    h.obj('a', 'Slot');
    h.obj('b', 'Slot');
    h.attr('a', 'next', 'b');
    h.attr('b', 'prev', 'a');
    h.del('a', 'b');
    expect(h.collect()).toBe(2);
  });

  it('2-list cycle with a list→list tail hanging off it: 4 (tails are counted)', () => {
    const h = new Heap();
    h.list('a');
    h.list('b', 'a');
    h.append('a', 'b');
    h.list('t2');
    h.list('t1', 't2');
    h.append('a', 't1');
    h.del('a', 'b', 't1', 't2');
    expect(h.collect()).toBe(4);
    expect(h.liveIds()).toEqual([]);
  });

  it('self-cycle + tail {} (untracked): 1, and the dict is freed too', () => {
    const h = new Heap();
    h.list('a');
    h.append('a', 'a');
    const d = h.dict('d');
    h.append('a', 'd');
    h.del('a', 'd');
    const t = h.collectTrace();
    expect(t.result).toBe(1);
    expect(t.freed).toContain(d);
    expect(h.alive(d)).toBe(false);
  });

  it("self-cycle + tail {'k': 5}: 1 (a dict of ints stays untracked)", () => {
    const h = new Heap();
    h.list('a');
    h.append('a', 'a');
    h.dict('d', [['k', int(5)]]);
    h.append('a', 'd');
    h.del('a', 'd');
    expect(h.collect()).toBe(1);
  });

  it("self-cycle + tail {'x': []}: 3 (a list value tracks the dict)", () => {
    const h = new Heap();
    h.list('a');
    h.append('a', 'a');
    h.list('inner');
    h.dict('d', [['x', h.v('inner')]]);
    h.del('inner');
    h.append('a', 'd');
    h.del('a', 'd');
    expect(h.collect()).toBe(3);
  });

  it('self-cycle + a weakref object stored in it: 2', () => {
    const h = new Heap();
    h.obj('n');
    h.list('a');
    h.append('a', 'a');
    h.weak('w', 'n');
    h.append('a', 'w');
    h.del('a', 'w');
    expect(h.collect()).toBe(2);
    expect(h.getrefcount('n')).toBe(2);
  });

  it('a = []; b = [a]; del a, b: 0 (refcounting freed them)', () => {
    const h = new Heap();
    h.list('a');
    h.list('b', 'a');
    h.del('a', 'b');
    expect(h.liveIds()).toEqual([]);
    expect(h.collect()).toBe(0);
  });

  it('a cycle still reachable from a live name is not garbage: 0', () => {
    const h = new Heap();
    h.list('a');
    h.list('b', 'a');
    h.append('a', 'b');
    h.del('b');
    const t = h.collectTrace();
    expect(t.result).toBe(0);
    expect(t.moveUnreachable.filter((s) => s.step === 'rescued').map((s) => s.id)).toEqual([]);
  });

  it('a garbage cycle holding a live object: only the cycle counts, the live rc drops', () => {
    const h = new Heap();
    h.obj('live');
    h.list('a', 'live');
    h.append('a', 'a');
    expect(h.getrefcount('live')).toBe(3);
    h.del('a');
    expect(h.collect()).toBe(1);
    expect(h.getrefcount('live')).toBe(2);
  });

  it('moveUnreachable rescues a tentatively unreachable object reached later in the walk', () => {
    const h = new Heap();
    const x = h.list('x');
    const y = h.list('y', 'x'); // y → x; x was walked first with gc_refs 0 after y is the root
    h.append('x', 'y');
    h.del('x');
    const t = h.collectTrace();
    expect(t.result).toBe(0);
    expect(t.moveUnreachable).toEqual([
      { id: x, step: 'tentative' },
      { id: y, step: 'reachable' },
      { id: x, step: 'rescued', by: y },
      { id: x, step: 'reachable' },
    ]);
  });
});

describe('dict tracking (3.11)', () => {
  it('a dict that held a list stays tracked after the value is deleted, until a full collection', () => {
    const h = new Heap();
    h.list('a');
    h.append('a', 'a');
    const d = h.dict('d');
    h.list('l');
    h.set(keyAt(d, 'k'), h.v('l'));
    h.del('l');
    h.do({ type: 'delete', at: keyAt(d, 'k') });
    expect(h.state.objects[d]!.gen).toBe(0);
    h.append('a', 'd');
    h.del('a', 'd');
    expect(h.collect()).toBe(2); // the list and the still-tracked dict
  });

  it('a full collection untracks surviving dicts without GC values', () => {
    const h = new Heap();
    const d = h.dict('d');
    h.list('l');
    h.set(keyAt(d, 'k'), h.v('l'));
    h.do({ type: 'delete', at: keyAt(d, 'k') });
    const t = h.collectTrace();
    expect(t.untrackedDicts).toEqual([d]);
    expect(h.state.objects[d]!.gen).toBe(null);
  });

  it('an empty dict value counts as a GC value', () => {
    const h = new Heap();
    h.dict('e');
    const d = h.dict('d', [['k', h.v('e')]]);
    expect(h.state.objects[d]!.gen).toBe(0);
    h.collect();
    expect(h.state.objects[d]!.gen).toBe(2);
  });
});

describe('weak references', () => {
  it('weakref.ref(x) does not change the count and is shared while alive', () => {
    const h = new Heap();
    h.obj('x');
    h.weak('w1', 'x');
    h.weak('w2', 'x');
    expect(h.getrefcount('x')).toBe(2);
    expect(h.id('w1')).toBe(h.id('w2'));
  });

  it('freed by refcount: cleared at that statement', () => {
    const h = new Heap();
    h.obj('x');
    h.weak('w', 'x');
    h.del('x');
    expect(h.dead('w')).toBe(true);
  });

  it('in cyclic garbage: alive until gc.collect(), then cleared', () => {
    const h = new Heap();
    const x = h.obj('x');
    h.obj('y');
    h.attr('x', 'next', 'y');
    h.attr('y', 'next', 'x');
    h.weak('w', 'x');
    h.del('x', 'y');
    expect(h.dead('w')).toBe(false);
    const t = h.collectTrace();
    expect(t.result).toBe(2);
    expect(t.weakrefsCleared).toEqual([{ weakref: h.id('w'), referent: x }]);
    expect(h.dead('w')).toBe(true);
  });

  it('lists, dicts and slots without __weakref__ cannot be weakly referenced', () => {
    const h = new Heap();
    h.do({ type: 'defineClass', name: 'S2', slots: ['a'] });
    h.list('l');
    h.obj('s', 'S2');
    for (const [name, type] of [
      ['l', 'list'],
      ['s', 'S2'],
    ] as const) {
      const r = h.state;
      expect(() => h.weak('w', name)).toThrow('weakref/not_weakrefable');
      expect(h.state).toBe(r);
      void type;
    }
  });

  it('a dead weakref gives None; a new weakref.ref makes a new object after the old one died', () => {
    const h = new Heap();
    h.obj('x');
    h.weak('w', 'x');
    const first = h.id('w');
    h.del('w');
    expect(h.alive(first)).toBe(false);
    expect(h.state.objects[h.id('x')]).toMatchObject({ weakref: null });
    h.weak('w', 'x');
    expect(h.id('w')).not.toBe(first);
  });
});

describe('3.11 shared-key tables (SEMANTICS §4)', () => {
  it('after 29 instances a second attribute name materializes a __dict__ that gc counts', () => {
    const h = new Heap();
    for (let i = 0; i < 28; i++) h.obj(`o${i}`);
    h.obj('a');
    h.attr('a', 'first', 'a');
    expect(h.state.objects[h.id('a')]).toMatchObject({ dict: null });
    h.attr('a', 'second', 'a');
    const dict = h.state.objects[h.id('a')];
    expect(dict && dict.kind === 'instance' && dict.dict).not.toBe(null);
    h.del('a');
    expect(h.collect()).toBe(2); // the instance and its materialized dict
  });

  it('after 25 instances the 6th attribute name materializes', () => {
    const h = new Heap();
    for (let i = 0; i < 24; i++) h.obj(`o${i}`);
    const a = h.obj('a');
    for (const n of ['p', 'q', 'r', 's', 't']) h.set(attrAt(a, n), int(1));
    expect(h.state.objects[a]).toMatchObject({ dict: null });
    h.set(attrAt(a, 'u'), int(1));
    expect(h.state.objects[a]).not.toMatchObject({ dict: null });
  });
});
