/** Reference counts, frees, frames and sizes: exact numbers from SEMANTICS.md §1, §7 (3.11). */
import { describe, expect, it } from 'vitest';
import { applyInPlace } from '../../shared/engine/apply.ts';
import {
  createState,
  itemAt,
  nameAt,
  ref,
  sizeOf,
  heapBytes,
  type Action,
} from '../../shared/engine/index.ts';
import { Heap } from '../helpers/engine.ts';

const call = (
  fn: string,
  params: string[],
  args: string[],
  h: Heap,
  locals: string[] = [],
): Action => ({
  type: 'call',
  fn,
  params,
  locals,
  args: args.map((a) => h.v(a)),
});

describe('sys.getrefcount (count + 1)', () => {
  it('one name: 2; a second name: 3; self-append: 3', () => {
    const h = new Heap();
    h.list('a');
    expect(h.getrefcount('a')).toBe(2);
    h.do({ type: 'store', into: nameAt('b'), value: h.v('a') });
    expect(h.getrefcount('a')).toBe(3);
    h.del('b');
    h.append('a', 'a');
    expect(h.getrefcount('a')).toBe(3);
  });

  it('inside f(p) called with a module name: 3; after q = p: 4; h(p) inside g: 4', () => {
    const h = new Heap();
    h.obj('a');
    h.do(call('f', ['p'], ['a'], h, ['q']));
    expect(h.getrefcount('p')).toBe(3);
    h.do({ type: 'store', into: nameAt('q'), value: h.v('p') });
    expect(h.getrefcount('p')).toBe(4);
    h.do({ type: 'return', value: { t: 'none' }, into: null });
    expect(h.getrefcount('a')).toBe(2);
    h.do(call('g', ['p'], ['a'], h));
    h.do(call('h', ['q'], ['p'], h));
    expect(h.getrefcount('q')).toBe(4);
  });

  it('a fresh local is 2, and it is freed when the call returns', () => {
    const h = new Heap();
    h.do({ type: 'call', fn: 'f', params: [], locals: ['t'], args: [] });
    const t = h.list('t');
    expect(h.getrefcount('t')).toBe(2);
    h.do({ type: 'return', value: { t: 'none' }, into: null });
    expect(h.alive(t)).toBe(false);
    expect(h.lastEvents).toContainEqual({ type: 'freed', id: t, cause: 'refcount' });
  });

  it('a returned object survives the frame; a returned cycle member keeps its cycle', () => {
    const h = new Heap();
    h.do({ type: 'call', fn: 'pair', params: [], locals: ['t', 'u'], args: [] });
    const t = h.obj('t');
    const u = h.obj('u');
    h.attr('t', 'next', 'u');
    h.attr('u', 'next', 't');
    h.do({ type: 'return', value: ref(u), into: nameAt('keep') });
    expect(h.getrefcount('keep')).toBe(3);
    expect(h.collect()).toBe(0);
    h.del('keep');
    expect(h.collect()).toBe(2);
    expect([h.alive(t), h.alive(u)]).toEqual([false, false]);
  });

  it('gc.collect() inside a call sees the locals as roots', () => {
    const h = new Heap();
    h.do({ type: 'call', fn: 'build', params: [], locals: ['t', 'u'], args: [] });
    h.obj('t');
    h.obj('u');
    h.attr('t', 'next', 'u');
    h.attr('u', 'next', 't');
    expect(h.collect()).toBe(0);
    h.do({ type: 'return', value: { t: 'none' }, into: null });
    expect(h.collect()).toBe(2);
  });
});

describe('freeing by refcount', () => {
  it('cascades in CPython order: list items last to first', () => {
    const h = new Heap();
    const x = h.list('x');
    const y = h.list('y');
    const outer = h.list('outer', 'x', 'y');
    h.del('x', 'y');
    h.del('outer');
    const freed = h.lastEvents
      .filter((e) => e.type === 'freed')
      .map((e) => (e.type === 'freed' ? e.id : 0));
    expect(freed).toEqual([outer, y, x]);
  });

  it('rebinding releases the old value after binding the new one', () => {
    const h = new Heap();
    const a = h.list('a');
    h.do({ type: 'store', into: nameAt('a'), value: { t: 'none' } });
    expect(h.alive(a)).toBe(false);
    expect(h.lastEvents.map((e) => e.type)).toEqual(['stored', 'refcount', 'freed']);
  });

  it('a 1,000,000-long chain frees without stack overflow', () => {
    const s = createState({ gcEnabled: false });
    expect(
      applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('head') }),
    ).toBe(null);
    for (let i = 0; i < 999_999; i++) {
      const head = s.globals.head!;
      applyInPlace(s, {
        type: 'new',
        object: { kind: 'list', items: [head] },
        into: nameAt('head'),
      });
    }
    expect(Object.keys(s.objects).length).toBe(1_000_000);
    expect(applyInPlace(s, { type: 'delete', at: nameAt('head') })).toBe(null);
    expect(Object.keys(s.objects).length).toBe(0);
  });
});

describe('sys.getsizeof (64-bit CPython 3.11)', () => {
  it('lists over-allocate like list_resize; dicts grow their tables', () => {
    const h = new Heap();
    const a = h.list('a');
    expect(sizeOf(h.state, a)).toBe(56);
    const sizes: number[] = [];
    h.obj('n');
    for (let i = 0; i < 9; i++) {
      h.append('a', 'n');
      sizes.push(sizeOf(h.state, a));
    }
    expect(sizes).toEqual([88, 88, 88, 88, 120, 120, 120, 120, 184]);
    h.do({ type: 'pop', list: a, into: null });
    expect(sizeOf(h.state, a)).toBe(184);
    h.do({ type: 'clear', obj: a });
    expect(sizeOf(h.state, a)).toBe(56);
    const d = h.dict('d');
    expect(sizeOf(h.state, d)).toBe(64);
    const dictSizes: number[] = [];
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']) {
      h.set({ kind: 'key', obj: d, key: k }, { t: 'int', v: 1 });
      dictSizes.push(sizeOf(h.state, d));
    }
    expect(dictSizes).toEqual([184, 184, 184, 184, 184, 272, 272, 272, 272, 272, 464]);
  });

  it('instances: plain 56, Slot(next, prev, __weakref__) 56, one slot 40, weakref 80', () => {
    const h = new Heap();
    h.do({ type: 'defineClass', name: 'S2', slots: ['a'] });
    const n = h.obj('n');
    const s = h.obj('s', 'Slot');
    const s2 = h.obj('s2', 'S2');
    h.weak('w', 'n');
    expect([n, s, s2, h.id('w')].map((id) => sizeOf(h.state, id))).toEqual([56, 56, 40, 80]);
    expect(heapBytes(h.state)).toBe(56 + 56 + 40 + 80);
  });

  it('a list display is allocated exactly: [a, b] is 72 bytes', () => {
    const h = new Heap();
    h.obj('a');
    h.obj('b');
    const l = h.list('l', 'a', 'b');
    expect(sizeOf(h.state, l)).toBe(72);
    h.do({ type: 'delete', at: itemAt(h.id('l'), 0) });
    expect(sizeOf(h.state, h.id('l'))).toBe(72);
  });
});
