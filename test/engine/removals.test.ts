/**
 * Frees of one cascade or one collection leave the `objects` record in one batch (write.ts
 * endRemovals): key by key when few, by rebuilding the record from the survivors when many.
 * Either way the JSON, hashState, stateDigest and revert() must be what deleting one by one gave.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  cloneState,
  createState,
  hashState,
  nameAt,
  revert,
  stateDigest,
  type Action,
  type EngineState,
} from '../../shared/engine/index.ts';

function must(s: EngineState, action: Action) {
  const r = apply(s, action);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const newList = (s: EngineState, name: string, items: EngineState['globals'][string][] = []) =>
  must(s, { type: 'new', object: { kind: 'list', items }, into: nameAt(name) });

/** keep1, keep2, then a chain of `n` lists under `head` (each holds the previous one). */
function heapWithChain(n: number): EngineState {
  const s = createState({ gcEnabled: false });
  newList(s, 'keep1');
  newList(s, 'keep2');
  newList(s, 'head');
  for (let i = 1; i < n; i++) newList(s, 'head', [s.globals.head!]);
  return s;
}

const ids = (s: EngineState): number[] => Object.keys(s.objects).map(Number);

describe('batched removal of freed objects', () => {
  it('a cascade freeing most of the heap rebuilds the record: survivors only, and revert restores it', () => {
    const s = heapWithChain(200);
    stateDigest(s);
    const before = cloneState(s);
    const record = s.objects;
    const { undo, events } = must(s, { type: 'delete', at: nameAt('head') });
    expect(events.filter((e) => e.type === 'freed')).toHaveLength(200);
    expect(ids(s)).toEqual([1, 2]);
    expect(s.objects).not.toBe(record); // rebuilt, not 200 deletes
    expect(stateDigest(s)).toBe(stateDigest(cloneState(s)));
    revert(s, undo);
    expect(s).toEqual(before);
    expect(hashState(s)).toBe(hashState(before));
    expect(stateDigest(s)).toBe(stateDigest(before));
  });

  it('a small free deletes from the record in place', () => {
    const s = heapWithChain(200);
    const record = s.objects;
    must(s, { type: 'delete', at: nameAt('keep1') });
    expect(s.objects).toBe(record);
    expect(ids(s)).toHaveLength(201);
    expect(s.objects[1]).toBeUndefined();
  });

  it('a collection freeing a third of the heap: the same JSON as the one-by-one reference', () => {
    const s = createState({ gcEnabled: false });
    newList(s, 'keep');
    for (let i = 0; i < 30; i++) {
      newList(s, 'a');
      newList(s, 'b', [s.globals.a!]);
      must(s, { type: 'append', list: (s.globals.a as { id: number }).id, value: s.globals.b! });
      if (i % 3 === 0)
        must(s, {
          type: 'append',
          list: (s.globals.keep as { id: number }).id,
          value: s.globals.a!,
        });
    }
    must(s, { type: 'delete', at: nameAt('a') });
    must(s, { type: 'delete', at: nameAt('b') });
    stateDigest(s);
    const before = cloneState(s);
    const { undo, events } = must(s, { type: 'collect', generation: 2 });
    const collected = events.find((e) => e.type === 'collected');
    expect(collected?.type === 'collected' && collected.trace.result).toBe(40);
    // Every third pair is kept by `keep`: ids 1 (keep) and the kept pairs survive.
    const kept = [1];
    for (let i = 0; i < 30; i += 3) kept.push(2 + 2 * i, 3 + 2 * i);
    expect(ids(s)).toEqual(kept);
    expect(JSON.stringify(Object.keys(s.objects))).toBe(JSON.stringify(kept.map(String)));
    expect(stateDigest(s)).toBe(stateDigest(cloneState(s)));
    revert(s, undo);
    expect(s).toEqual(before);
    expect(hashState(s)).toBe(hashState(before));
  });
});
