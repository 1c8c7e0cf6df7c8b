/**
 * Generation lists: a young collection reads only the young objects, however large the old
 * generation is (counted through the trace and the index's gathered counter, not timed).
 */
import { describe, expect, it } from 'vitest';
import { applyInPlace } from '../../shared/engine/apply.ts';
import {
  apply,
  checkInvariants,
  createState,
  nameAt,
  type EngineState,
  type GcTrace,
} from '../../shared/engine/index.ts';
import { generationMembers, working } from '../../shared/engine/working.ts';

function must(error: unknown): void {
  if (error) throw new Error(JSON.stringify(error));
}

/** `old` lists kept alive by one root list and promoted to generation 2 by gc.collect(). */
function heapWithOld(old: number): EngineState {
  const s = createState({ gcEnabled: false });
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('keep') }));
  const keep = (s.globals.keep as { id: number }).id;
  for (let i = 0; i < old; i++) {
    must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('t') }));
    must(applyInPlace(s, { type: 'append', list: keep, value: s.globals.t! }));
  }
  must(applyInPlace(s, { type: 'delete', at: nameAt('t') }));
  must(applyInPlace(s, { type: 'collect', generation: 2 }));
  return s;
}

/** Three young lists, two of them a garbage cycle, then gc.collect(0): the trace and the work. */
function youngCollection(s: EngineState): { trace: GcTrace; gathered: number } {
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('a') }));
  const a = s.globals.a!;
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [a] }, into: nameAt('b') }));
  must(applyInPlace(s, { type: 'append', list: (a as { id: number }).id, value: s.globals.b! }));
  must(applyInPlace(s, { type: 'delete', at: nameAt('b') }));
  must(applyInPlace(s, { type: 'delete', at: nameAt('a') }));
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('c') }));
  const before = working(s).gathered;
  const r = apply(s, { type: 'collect', generation: 0 });
  if (!r.ok) throw new Error(r.error.message);
  const e = r.value.events.find((x) => x.type === 'collected');
  if (e?.type !== 'collected') throw new Error('no collection');
  return { trace: e.trace, gathered: working(s).gathered - before };
}

describe('generation lists', () => {
  it('a gen-0 collection reads the 3 young objects whether 10 or 20,000 are old', () => {
    for (const old of [10, 20_000]) {
      const s = heapWithOld(old);
      expect(generationMembers(s, 2)).toHaveLength(old + 1);
      const { trace, gathered } = youngCollection(s);
      expect(gathered).toBe(3);
      expect(trace.young).toHaveLength(3);
      expect(trace.updateRefs).toHaveLength(3);
      expect(trace.moveUnreachable).toHaveLength(3);
      expect(trace.result).toBe(2);
      expect(generationMembers(s, 1)).toEqual([trace.young[2]]);
      expect(generationMembers(s, 2)).toHaveLength(old + 1);
      expect(checkInvariants(s)).toEqual([]);
    }
  });

  it('are rebuilt from the gen fields of a state that arrives as JSON', () => {
    const s = heapWithOld(5);
    youngCollection(s);
    const wire = JSON.parse(JSON.stringify(s)) as EngineState;
    expect(generationMembers(wire, 1)).toBeNull();
    expect(applyInPlace(wire, { type: 'gcEnable' })).toBeNull();
    expect(generationMembers(wire, 1)).toEqual(generationMembers(s, 1));
    expect(generationMembers(wire, 2)).toEqual(generationMembers(s, 2));
  });
});
