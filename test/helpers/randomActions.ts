/**
 * Seeded random action sequences over a small heap (the engine's own PRNG, so every failure
 * reproduces from its seed). Most actions are legal; some are deliberately not, to exercise
 * rejections.
 */
import {
  nextRandom,
  type Action,
  type EngineState,
  type ObjId,
  type Place,
  type Value,
} from '../../shared/engine/index.ts';

export class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seed;
  }
  next(): number {
    const [v, n] = nextRandom(this.state);
    this.state = n;
    return v;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'g'];
const ATTRS = ['next', 'prev'];
const KEYS = ['k', 'x'];

function liveIds(s: EngineState): ObjId[] {
  return Object.values(s.objects).map((o) => o.id);
}

function someValue(r: Rand, s: EngineState): Value {
  const ids = liveIds(s).filter((id) => s.objects[id]!.kind !== 'weakref' || r.chance(0.2));
  if (ids.length === 0 || r.chance(0.1))
    return r.chance(0.5) ? { t: 'none' } : { t: 'int', v: r.pick([0, 7, 256, -5]) };
  return { t: 'ref', id: r.pick(ids) };
}

function somePlace(r: Rand, s: EngineState): Place {
  const ids = liveIds(s);
  if (ids.length === 0 || r.chance(0.45))
    return { kind: 'name', name: r.pick(NAMES), scope: r.chance(0.8) ? 'frame' : 'global' };
  const obj = s.objects[r.pick(ids)]!;
  if (obj.kind === 'list') return { kind: 'item', obj: obj.id, index: r.int(obj.items.length + 1) };
  if (obj.kind === 'dict') return { kind: 'key', obj: obj.id, key: r.pick(KEYS) };
  return { kind: 'attr', obj: obj.id, name: r.pick(ATTRS) };
}

function newObject(r: Rand, s: EngineState): Action {
  const into = somePlace(r, s);
  const kind = r.int(4);
  if (kind === 0)
    return {
      type: 'new',
      object: { kind: 'list', items: r.chance(0.5) ? [] : [someValue(r, s)] },
      into,
    };
  if (kind === 1)
    return {
      type: 'new',
      object: { kind: 'dict', entries: r.chance(0.5) ? [] : [['k', someValue(r, s)]] },
      into,
    };
  return { type: 'new', object: { kind: 'instance', cls: kind === 2 ? 'Node' : 'Slot' }, into };
}

/** One random action for state `s` (call defineClass for Node and Slot first). */
export function randomAction(r: Rand, s: EngineState): Action {
  const ids = liveIds(s);
  const anyId = (): ObjId => (ids.length ? r.pick(ids) : 1);
  switch (r.int(12)) {
    case 0:
    case 1:
      return newObject(r, s);
    case 2:
    case 3:
      return { type: 'store', into: somePlace(r, s), value: someValue(r, s) };
    case 4:
    case 5:
      return { type: 'delete', at: somePlace(r, s) };
    case 6:
      return { type: 'append', list: anyId(), value: someValue(r, s) };
    case 7:
      return r.chance(0.5)
        ? { type: 'pop', list: anyId(), into: r.chance(0.5) ? somePlace(r, s) : null }
        : { type: 'clear', obj: anyId() };
    case 8:
      return r.chance(0.6)
        ? { type: 'weakref', referent: anyId(), into: somePlace(r, s) }
        : { type: 'deref', weakref: anyId(), into: somePlace(r, s) };
    case 9:
      if (s.frames.length < 3 && r.chance(0.5)) {
        return {
          type: 'call',
          fn: `f${s.frames.length}`,
          params: ['p'],
          locals: ['t'],
          args: [someValue(r, s)],
        };
      }
      return {
        type: 'return',
        value: someValue(r, s),
        into: r.chance(0.5) ? somePlace(r, s) : null,
      };
    case 10:
      return { type: 'collect', generation: r.pick([0, 1, 2, 2] as const) };
    default:
      return r.chance(0.5)
        ? { type: 'gcEnable' }
        : { type: 'setThreshold', thresholds: [r.int(6) + 1, r.int(3) + 1, r.int(3) + 1] };
  }
}
