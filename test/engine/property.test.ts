/**
 * Seeded property tests: 1,000 random action sequences run in place on one state. After every
 * step the invariants hold (generation lists included); every full collection frees exactly
 * what a naive reachability search from the roots calls garbage, and returns the number of
 * tracked objects among it; a young collection only ever frees garbage; a rejected action
 * leaves the state deep-equal with the same hash; revert(state, undo) of every accepted action
 * gives back the state before it; the incremental digest equals a from-scratch one.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  checkInvariants,
  cloneState,
  createState,
  ENGINE_ERRORS,
  hashState,
  reachableFromRoots,
  revert,
  stateDigest,
  type Action,
  type EngineState,
  type GcTrace,
} from '../../shared/engine/index.ts';
import { Rand, randomAction } from '../helpers/randomActions.ts';

function start(): EngineState {
  const s = createState({ gcEnabled: false });
  const classes: Action[] = [
    { type: 'defineClass', name: 'Node', slots: null },
    { type: 'defineClass', name: 'Slot', slots: ['next', 'prev', '__weakref__'] },
  ];
  for (const a of classes) {
    const r = apply(s, a);
    if (!r.ok) throw new Error(r.error.message);
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

/**
 * The generator's actions, plus one it never makes: storing an undeclared attribute on a
 * `__slots__` instance, which is refused only after the value's reference was taken (so the
 * rollback has a write to undo).
 */
function nextAction(r: Rand, s: EngineState): Action {
  const slotted = Object.values(s.objects).find((o) => o.kind === 'instance' && o.cls === 'Slot');
  if (slotted && r.chance(0.05)) {
    const target = r.pick(Object.values(s.objects));
    return {
      type: 'store',
      into: { kind: 'attr', obj: slotted.id, name: 'spare' },
      value: { t: 'ref', id: target.id },
    };
  }
  return randomAction(r, s);
}

function expectSame(s: EngineState, before: EngineState, what: string): void {
  expect(s, what).toEqual(before);
  expect(hashState(s), what).toBe(hashState(before));
  const problems = checkInvariants(s);
  if (problems.length) throw new Error(`${what}: ${problems.join('; ')}`);
}

describe('random heaps against the naive reachability oracle', () => {
  it('1,000 seeded sequences of 60 actions keep every invariant', () => {
    let accepted = 0;
    let rejected = 0;
    let rejectedAfterWrites = 0;
    let fullCollections = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const r = new Rand(seed * 7919);
      const s = start();
      for (let step = 0; step < 60; step++) {
        const action = nextAction(r, s);
        const before = cloneState(s);
        const where = `seed ${seed} step ${step} ${JSON.stringify(action)}`;
        const res = apply(s, action);
        if (!res.ok) {
          rejected++;
          if (res.error.code === ENGINE_ERRORS.SlotNotDeclared) rejectedAfterWrites++;
          expect(res.error.code).toMatch(/^[a-z]+\/[a-z_]+$/);
          expectSame(s, before, where);
          continue;
        }
        accepted++;
        expect(res.value.state).toBe(s);
        expect(s.version).toBe(before.version + 1);
        const problems = checkInvariants(s);
        if (problems.length) throw new Error(`${where}: ${problems.join('; ')}`);
        for (const e of res.value.events) {
          if (e.type !== 'collected') continue;
          if (e.trace.generation === 2 && !e.trace.automatic) fullCollections++;
          checkCollection(before, s, e.trace);
        }
        if (step % 3 === 0) {
          const after = cloneState(s);
          revert(s, res.value.undo);
          expectSame(s, before, `revert of ${where}`);
          const again = apply(s, action);
          expect(again.ok).toBe(true);
          expect(hashState(s)).toBe(hashState(after));
        }
        if (seed % 10 === 0) expect(stateDigest(s), where).toBe(stateDigest(cloneState(s)));
      }
    }
    expect(accepted).toBeGreaterThan(20_000);
    expect(rejected).toBeGreaterThan(1_000);
    expect(rejectedAfterWrites).toBeGreaterThan(100);
    expect(fullCollections).toBeGreaterThan(1_000);
  }, 180_000);

  it('reverting a whole random log, last move first, gives back the start state', () => {
    for (const seed of [5, 6, 7, 8]) {
      const r = new Rand(seed);
      const s = start();
      for (let i = 0; i < 100; i++) apply(s, nextAction(r, s));
      const initial = cloneState(s);
      const undos = [];
      while (undos.length < 300) {
        const res = apply(s, nextAction(r, s));
        if (res.ok) undos.push(res.value.undo);
      }
      for (const undo of undos.reverse()) revert(s, undo);
      expectSame(s, initial, `seed ${seed}`);
    }
  });
});
