/**
 * Seeded property tests: 1,000 random action sequences. After every step the invariants hold;
 * every full collection frees exactly what a naive reachability search from the roots calls
 * garbage, and returns the number of tracked objects among it; a young collection only ever
 * frees garbage; a rejected action leaves the (deep-frozen) state untouched.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  checkInvariants,
  createState,
  reachableFromRoots,
  type Action,
  type EngineState,
  type GcTrace,
} from '../../shared/engine/index.ts';
import { deepFreeze } from '../helpers/deepFreeze.ts';
import { Rand, randomAction } from '../helpers/randomActions.ts';

function start(): EngineState {
  let s = createState({ gcEnabled: false });
  const classes: Action[] = [
    { type: 'defineClass', name: 'Node', slots: null },
    { type: 'defineClass', name: 'Slot', slots: ['next', 'prev', '__weakref__'] },
  ];
  for (const a of classes) {
    const r = apply(s, a);
    if (!r.ok) throw new Error(r.error.message);
    s = r.value.state;
  }
  return s;
}

/** The naive oracle: live objects unreachable from the roots, and which of them are tracked. */
function garbage(s: EngineState): { all: number[]; tracked: number } {
  const live = reachableFromRoots(s);
  const all = Object.values(s.objects).filter((o) => !live.has(o.id));
  return { all: all.map((o) => o.id), tracked: all.filter((o) => o.gen !== null).length };
}

function checkCollection(before: EngineState, after: EngineState, trace: GcTrace): void {
  const g = garbage(before);
  const freed = Object.values(before.objects)
    .filter((o) => !after.objects[o.id])
    .map((o) => o.id);
  if (trace.generation === 2 && !trace.automatic) {
    expect(trace.result).toBe(g.tracked);
    expect(freed).toEqual(g.all);
    expect(garbage(after).all).toEqual([]);
  }
  for (const id of trace.unreachable) expect(g.all).toContain(id);
}

describe('random heaps against the naive reachability oracle', () => {
  it('1,000 seeded sequences of 60 actions keep every invariant', () => {
    let accepted = 0;
    let rejected = 0;
    let fullCollections = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const r = new Rand(seed * 7919);
      let s = start();
      for (let step = 0; step < 60; step++) {
        const action = randomAction(r, s);
        const frozen = deepFreeze(s);
        const res = apply(frozen, action);
        if (!res.ok) {
          rejected++;
          expect(res.error.code).toMatch(/^[a-z]+\/[a-z_]+$/);
          continue;
        }
        accepted++;
        const next = res.value.state;
        expect(next.version).toBe(s.version + 1);
        const problems = checkInvariants(next);
        if (problems.length)
          throw new Error(
            `seed ${seed} step ${step} ${JSON.stringify(action)}: ${problems.join('; ')}`,
          );
        for (const e of res.value.events) {
          if (e.type !== 'collected') continue;
          if (e.trace.generation === 2 && !e.trace.automatic) fullCollections++;
          checkCollection(s, next, e.trace);
        }
        s = next;
      }
    }
    expect(accepted).toBeGreaterThan(20_000);
    expect(rejected).toBeGreaterThan(1_000);
    expect(fullCollections).toBeGreaterThan(1_000);
  });
});
