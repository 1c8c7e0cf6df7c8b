import { describe, expect, it } from 'vitest';
import type { Value } from '../../shared/engine/types.ts';
import { list, node, randomHeap, state } from './heaps.ts';
import { layoutHeap, discoveryOrder } from '../../client/view/layout.ts';
import type { HeapLayout } from '../../client/view/layout.ts';
import { overlaps, hatch, dashes, arrowCurve } from '../../client/view/geometry.ts';
import type { Rect } from '../../client/view/geometry.ts';

const ref = (id: number): Value => ({ t: 'ref', id });
const NONE: Value = { t: 'none' };

function cards(l: HeapLayout): Rect[] {
  return [
    ...l.frames.map((f) => f.rect),
    ...Object.values(l.nodes).map((n) => n.rect),
    ...l.tray.map((t) => t.rect),
    l.bin,
  ];
}

describe('layoutHeap', () => {
  it('places module globals at the bottom of the stack and the newest call on top', () => {
    const s = state([list(1, [])], { a: ref(1) }, [
      { fn: 'outer', varnames: ['p'], locals: { p: ref(1) } },
      { fn: 'inner', varnames: ['q'], locals: { q: NONE } },
    ]);
    const l = layoutHeap(s);
    expect(l.frames.map((f) => f.fn)).toEqual(['inner', 'outer', null]);
    const ys = l.frames.map((f) => f.rect.y);
    expect(ys[0]!).toBeLessThan(ys[1]!);
    expect(ys[1]!).toBeLessThan(ys[2]!);
  });

  it('only the innermost frame and the module are assignable', () => {
    const s = state([], { a: NONE }, [
      { fn: 'outer', varnames: ['p'], locals: { p: NONE } },
      { fn: 'inner', varnames: ['q'], locals: { q: NONE } },
    ]);
    const places = Object.fromEntries(layoutHeap(s).sources.map((src) => [src.id, src.place]));
    expect(places['g:a']).toEqual({ kind: 'name', name: 'a', scope: 'global' });
    expect(places['f1:q']).toEqual({ kind: 'name', name: 'q', scope: 'frame' });
    expect(places['f0:p']).toBeNull();
  });

  it('labels arrows by slot and draws weakref referents dashed', () => {
    const s = state(
      [
        list(1, [ref(2), NONE]),
        node(2, ref(1)),
        { id: 3, kind: 'weakref', rc: 1, gen: null, referent: 2 },
      ],
      { a: ref(1), w: ref(3) },
    );
    const arrows = layoutHeap(s).arrows.map((a) => [
      a.source,
      a.label,
      a.weak,
      'obj' in a.to ? a.to.obj : a.to.tray,
    ]);
    expect(arrows).toEqual([
      ['g:a', 'a', false, 1],
      ['g:w', 'w', false, 3],
      ['o1:[0]', '[0]', false, 2],
      ['o1:[1]', '[1]', false, 'None'],
      ['o2:.next', '.next', false, 1],
      ['o3:ref', '', true, 2],
    ]);
  });

  it('puts None and the small ints in use in the immortal tray, ascending', () => {
    const s = state(
      [
        list(1, [
          { t: 'int', v: 7 },
          { t: 'int', v: -3 },
        ]),
      ],
      { a: ref(1), n: { t: 'int', v: 7 } },
    );
    expect(layoutHeap(s).tray.map((t) => t.key)).toEqual(['None', '-3', '7']);
  });

  it('discovers objects breadth-first from the roots, then the unreachable ones by id', () => {
    const s = state([node(1, NONE), node(2, ref(4)), node(3, ref(3)), node(4, ref(1))], {
      b: ref(2),
    });
    expect(discoveryOrder(s)).toEqual([2, 4, 1, 3]);
  });

  it.each([1, 2, 3, 4, 6])(
    'never overlaps cards with 60 objects in %i columns (regular and compact)',
    (cols) => {
      for (let seed = 1; seed <= 20; seed++) {
        const l = layoutHeap(randomHeap(60, seed * 7919), undefined, {
          maxColumns: cols,
          compact: seed % 2 === 0,
        });
        const rects = cards(l);
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++)
            expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
        }
        expect(Object.keys(l.nodes)).toHaveLength(60);
        expect(new Set(Object.values(l.nodes).map((n) => n.column)).size).toBeLessThanOrEqual(cols);
      }
    },
  );

  it('is deterministic', () => {
    const s = randomHeap(30, 42);
    expect(layoutHeap(s)).toEqual(layoutHeap(s));
  });

  it('keeps existing objects where they were when a new object appears', () => {
    const before = state([node(1, ref(2)), node(2, NONE), list(3, [])], { a: ref(1), c: ref(3) });
    const first = layoutHeap(before);
    const after = state([node(1, ref(2)), node(2, NONE), list(3, []), list(4, [])], {
      a: ref(1),
      c: ref(3),
      d: ref(4),
    });
    const second = layoutHeap(after, first.memory);
    for (const id of [1, 2, 3]) expect(second.nodes[id]!.rect).toEqual(first.nodes[id]!.rect);
    expect(second.nodes[4]).toBeDefined();
  });

  it('keeps an object in its column after the reference that placed it is rebound', () => {
    const first = layoutHeap(state([node(1, ref(2)), node(2, NONE)], { a: ref(1) }));
    expect(first.nodes[2]!.column).toBe(1);
    const moved = layoutHeap(
      state([node(1, NONE), node(2, NONE)], { a: ref(1), b: ref(2) }),
      first.memory,
    );
    expect(moved.nodes[2]!.column).toBe(1);
    expect(
      layoutHeap(state([node(1, NONE), node(2, NONE)], { a: ref(1), b: ref(2) })).nodes[2]!.column,
    ).toBe(0);
  });

  it('folds a 60-node chain into the allowed columns instead of one tower', () => {
    const objects = Array.from({ length: 60 }, (_, i) => node(i + 1, i < 59 ? ref(i + 2) : NONE));
    const l = layoutHeap(state(objects, { head: ref(1) }), undefined, { maxColumns: 4 });
    const perColumn = [0, 1, 2, 3].map(
      (c) => Object.values(l.nodes).filter((n) => n.column === c).length,
    );
    expect(Math.max(...perColumn)).toBeLessThanOrEqual(17);
  });
});

describe('geometry', () => {
  it('hatches stay inside their rectangle', () => {
    const r = { x: 10, y: 20, w: 50, h: 30 };
    const lines = hatch(r, 10);
    expect(lines.length).toBe(7);
    for (const [a, b] of lines) {
      for (const p of [a, b]) {
        expect(p.x).toBeGreaterThanOrEqual(10);
        expect(p.x).toBeLessThanOrEqual(60);
        expect(p.y).toBeGreaterThanOrEqual(20);
        expect(p.y).toBeLessThanOrEqual(50);
      }
    }
  });

  it('dashes a 100px line into 8px dashes with 6px gaps', () => {
    const d = dashes(
      [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
      ],
      8,
      6,
    );
    expect(d.map(([a, b]) => [a.x, b.x])).toEqual([
      [0, 8],
      [14, 22],
      [28, 36],
      [42, 50],
      [56, 64],
      [70, 78],
      [84, 92],
      [98, 100],
    ]);
  });

  it('enters targets on the right from their left edge and back edges from the right', () => {
    expect(arrowCurve({ x: 0, y: 50 }, { x: 100, y: 0, w: 50, h: 100 }).to).toEqual({
      x: 100,
      y: 50,
    });
    expect(arrowCurve({ x: 200, y: 50 }, { x: 100, y: 0, w: 50, h: 100 }).to).toEqual({
      x: 150,
      y: 50,
    });
  });
});
