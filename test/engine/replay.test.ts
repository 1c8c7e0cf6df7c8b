/** Determinism: replay reproduces the hash bit for bit; rejected actions change nothing. */
import { describe, expect, it } from 'vitest';
import {
  apply,
  attrAt,
  canonicalJson,
  ENGINE_ERRORS,
  hashState,
  itemAt,
  keyAt,
  nameAt,
  replay,
  type Action,
  type EngineState,
} from '../../shared/engine/index.ts';
import { deepFreeze } from '../helpers/deepFreeze.ts';
import { Heap } from '../helpers/engine.ts';
import { randomLog } from '../helpers/randomLog.ts';

describe('replay and hashing', () => {
  it('replaying a log reproduces the final state hash exactly, twice', () => {
    for (const seed of [3, 17, 99]) {
      const { initial, log, final } = randomLog(seed, 200);
      const a = replay(initial, log);
      const b = replay(initial, JSON.parse(JSON.stringify(log)) as Action[]);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(hashState(a.value)).toBe(hashState(final));
      expect(hashState(b.value)).toBe(hashState(final));
    }
  });

  it('a golden log keeps its hash (guards accidental changes to the state format)', () => {
    const { initial, log } = randomLog(2026, 50);
    const r = replay(initial, log);
    expect(r.ok).toBe(true);
    if (r.ok) expect(hashState(r.value)).toMatchInlineSnapshot(`"a6ad2c52d3d73bd2"`);
  });

  it('the hash ignores key order and survives a JSON round trip', () => {
    const { final } = randomLog(5, 80);
    const roundTrip = JSON.parse(JSON.stringify(final)) as EngineState;
    expect(hashState(roundTrip)).toBe(hashState(final));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('replay reports the index and error of the first rejected action', () => {
    const s = new Heap().state;
    const r = replay(s, [
      { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('a') },
      { type: 'delete', at: nameAt('zz') },
    ]);
    expect(r).toEqual({
      ok: false,
      error: {
        index: 1,
        error: {
          code: 'name/unbound',
          message: "name 'zz' is not defined",
          python: "NameError: name 'zz' is not defined",
        },
      },
    });
  });
});

describe('rejected actions change nothing and say why', () => {
  const h = new Heap();
  const l = h.list('l');
  const d = h.dict('d');
  const n = h.obj('n');
  const s = h.obj('s', 'Slot');
  const frozen = deepFreeze(structuredClone(h.state));
  const before = hashState(frozen);

  const cases: [string, Action, string, string | undefined][] = [
    [
      'del of an unbound name',
      { type: 'delete', at: nameAt('nope') },
      ENGINE_ERRORS.NameUnbound,
      "NameError: name 'nope' is not defined",
    ],
    [
      'index out of range',
      { type: 'store', into: itemAt(l, 0), value: { t: 'none' } },
      ENGINE_ERRORS.IndexOutOfRange,
      'IndexError: list assignment index out of range',
    ],
    [
      'pop from empty list',
      { type: 'pop', list: l, into: null },
      ENGINE_ERRORS.PopFromEmpty,
      'IndexError: pop from empty list',
    ],
    [
      'missing key',
      { type: 'delete', at: keyAt(d, 'k') },
      ENGINE_ERRORS.KeyMissing,
      "KeyError: 'k'",
    ],
    [
      'missing attribute',
      { type: 'delete', at: attrAt(n, 'x') },
      ENGINE_ERRORS.AttributeMissing,
      "AttributeError: 'Node' object has no attribute 'x'",
    ],
    [
      'undeclared slot',
      { type: 'store', into: attrAt(s, 'foo'), value: { t: 'none' } },
      ENGINE_ERRORS.SlotNotDeclared,
      "AttributeError: 'Slot' object has no attribute 'foo'",
    ],
    [
      'weakref to a list',
      { type: 'weakref', referent: l, into: nameAt('w') },
      ENGINE_ERRORS.NotWeakrefable,
      "TypeError: cannot create weak reference to 'list' object",
    ],
    [
      'unknown object',
      { type: 'store', into: nameAt('x'), value: { t: 'ref', id: 999 } },
      ENGINE_ERRORS.UnknownObject,
      undefined,
    ],
    [
      'big int',
      { type: 'store', into: nameAt('x'), value: { t: 'int', v: 1000 } },
      ENGINE_ERRORS.InvalidInt,
      undefined,
    ],
    [
      'return without a call',
      { type: 'return', value: { t: 'none' }, into: null },
      ENGINE_ERRORS.NoFrame,
      undefined,
    ],
    [
      'wrong arity',
      { type: 'call', fn: 'f', params: ['p'], locals: [], args: [] },
      ENGINE_ERRORS.BadArity,
      "TypeError: f() missing 1 required positional argument: 'p'",
    ],
    [
      'append to a dict',
      { type: 'append', list: d, value: { t: 'none' } },
      ENGINE_ERRORS.WrongKind,
      undefined,
    ],
    [
      'unknown class',
      { type: 'new', object: { kind: 'instance', cls: 'Nope' }, into: nameAt('x') },
      ENGINE_ERRORS.UnknownClass,
      "NameError: name 'Nope' is not defined",
    ],
    [
      'bad generation',
      { type: 'collect', generation: 5 as 2 },
      ENGINE_ERRORS.BadGeneration,
      'ValueError: invalid generation',
    ],
    [
      'unknown action',
      { type: 'explode' } as unknown as Action,
      ENGINE_ERRORS.UnknownAction,
      undefined,
    ],
  ];

  for (const [name, action, code, python] of cases) {
    it(name, () => {
      const r = apply(frozen, action);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.message.length).toBeGreaterThan(10);
      expect(r.error.python).toBe(python);
      expect(hashState(frozen)).toBe(before);
      expect(frozen.version).toBe(h.state.version);
    });
  }
});
