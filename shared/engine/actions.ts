/**
 * Every change to the heap is one of these actions. Each stands for one Python statement
 * (see shared/python/render.ts), so a log of actions is also a runnable program.
 *
 * Right-hand sides are already-evaluated `Value`s: the caller (the Python runner, or a game move)
 * reads names and attributes itself, and the engine checks that every referenced id is alive.
 */
import type { ObjId, Value } from './types.ts';

/** Where a reference is stored: a name in the current frame (or module), or a slot of an object. */
export type Place =
  | { kind: 'name'; name: string; scope: 'frame' | 'global' }
  | { kind: 'item'; obj: ObjId; index: number }
  | { kind: 'key'; obj: ObjId; key: string }
  | { kind: 'attr'; obj: ObjId; name: string };

export type NewObject =
  /**
   * `constant`: a display of 3+ literals (`[None, 1, 2]`), which CPython 3.11 compiles to
   * LIST_EXTEND of a constant tuple: capacity rounds up to even (`[None, 1, 2]` is 88 bytes, not 80).
   */
  | { kind: 'list'; items: Value[]; constant?: boolean }
  | { kind: 'dict'; entries: [string, Value][] }
  | { kind: 'instance'; cls: string };

export type Action =
  /** `class C: pass` or `class C: __slots__ = (...)`. */
  | { type: 'defineClass'; name: string; slots: string[] | null }
  /** `X = []`, `X = [a, b]`, `X = {'k': a}`, `X = C()`: allocate, then store into `into`. */
  | { type: 'new'; object: NewObject; into: Place }
  /** `X = v`, `Y[i] = v`, `Y['k'] = v`, `Y.attr = v`: new reference first, old one released after. */
  | { type: 'store'; into: Place; value: Value }
  /** `del X`, `del Y[i]` (shifts later items), `del Y['k']`, `del Y.attr`. */
  | { type: 'delete'; at: Place }
  /** `Y.append(v)`. */
  | { type: 'append'; list: ObjId; value: Value }
  /** `X = Y.pop()` (into a place) or `Y.pop()` (into null: the item is dropped). */
  | { type: 'pop'; list: ObjId; into: Place | null }
  /** `Y.clear()` on a list or dict. */
  | { type: 'clear'; obj: ObjId }
  /** `X = weakref.ref(Y)`: reuses Y's live weakref object if it has one. */
  | { type: 'weakref'; referent: ObjId; into: Place }
  /** `X = W()`: the referent (a new strong reference) or None when it is dead. */
  | { type: 'deref'; weakref: ObjId; into: Place }
  /** Enter `fn(args)`: push a frame, bind each parameter to its argument (one new reference each). */
  | { type: 'call'; fn: string; params: string[]; locals: string[]; args: Value[] }
  /** Leave the innermost call with `value`: it is kept, locals are released, then it is stored in the caller. */
  | { type: 'return'; value: Value; into: Place | null }
  /** `gc.collect(generation)`; a plain `gc.collect()` is generation 2. */
  | { type: 'collect'; generation: 0 | 1 | 2 }
  | { type: 'gcEnable' }
  | { type: 'gcDisable' }
  /** `gc.set_threshold(a, b, c)`. */
  | { type: 'setThreshold'; thresholds: [number, number, number] };

export const nameAt = (name: string, scope: 'frame' | 'global' = 'frame'): Place => ({
  kind: 'name',
  name,
  scope,
});
export const itemAt = (obj: ObjId, index: number): Place => ({ kind: 'item', obj, index });
export const keyAt = (obj: ObjId, key: string): Place => ({ kind: 'key', obj, key });
export const attrAt = (obj: ObjId, name: string): Place => ({ kind: 'attr', obj, name });
export const ref = (id: ObjId): Value => ({ t: 'ref', id });
export const int = (v: number): Value => ({ t: 'int', v });
