/** Small engine states for the view tests, and a deterministic generator of larger heaps. */
import type { EngineState, HeapObject, Value } from '../../shared/engine/types.ts';

const ref = (id: number): Value => ({ t: 'ref', id });
const NONE: Value = { t: 'none' };

export function state(
  objects: HeapObject[],
  globals: Record<string, Value>,
  frames: EngineState['frames'] = [],
): EngineState {
  return {
    version: 0,
    nextId: Math.max(0, ...objects.map((o) => o.id)) + 1,
    rng: 1,
    objects: Object.fromEntries(objects.map((o) => [o.id, o])),
    globals,
    frames,
    classes: {},
    gc: {
      enabled: true,
      thresholds: [700, 10, 10],
      counts: [0, 0, 0],
      longLivedPending: 0,
      longLivedTotal: 0,
      collections: [0, 0, 0],
      collected: [0, 0, 0],
    },
  };
}
export const node = (id: number, next: Value): HeapObject => ({
  id,
  kind: 'instance',
  rc: 1,
  gen: 0,
  cls: 'Node',
  attrs: [['next', next]],
  dict: null,
  weakref: null,
});
export const list = (id: number, items: Value[]): HeapObject => ({
  id,
  kind: 'list',
  rc: 1,
  gen: 0,
  items,
  capacity: items.length,
});

/** A deterministic pseudo-random heap of n objects (xorshift; no Math.random in tests either). */
export function randomHeap(n: number, seed: number): EngineState {
  let s = seed;
  const rand = (k: number): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return Math.abs(s) % k;
  };
  const objects: HeapObject[] = [];
  for (let id = 1; id <= n; id++) {
    const target = (): Value => (rand(3) === 0 ? NONE : ref(1 + rand(n)));
    const kind = rand(4);
    if (kind === 0) objects.push(list(id, Array.from({ length: rand(12) }, target)));
    else if (kind === 1)
      objects.push({
        id,
        kind: 'dict',
        rc: 1,
        gen: 0,
        tableSize: 8,
        filled: 2,
        entries: [
          ['k', target()],
          ['longer_key', target()],
        ],
      });
    else if (kind === 2)
      objects.push({
        id,
        kind: 'weakref',
        rc: 1,
        gen: null,
        referent: rand(2) ? 1 + rand(n) : null,
      });
    else objects.push(node(id, target()));
  }
  const globals: Record<string, Value> = {};
  for (let i = 0; i < Math.min(8, n); i++)
    globals[`v${i}`] = rand(4) === 0 ? { t: 'int', v: rand(9) } : ref(1 + rand(n));
  return state(objects, globals, [{ fn: 'f', varnames: ['x'], locals: { x: ref(1) } }]);
}
