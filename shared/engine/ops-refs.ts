/** Weak references, calls and returns. */
import type { Action } from './actions.ts';
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import { noteAllocation } from './collect.ts';
import { checkPlace, storeMoved, storeValue } from './places.ts';
import { decref, incref } from './refcount.ts';
import { innermostFrame } from './query.ts';
import type { Value, WeakrefObject } from './types.ts';
import { checkValue, liveObject, typeName } from './values.ts';
import { addObject, popFrame, pushFrame, touch } from './write.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

/**
 * `X = weakref.ref(Y)`: Y's count does not change. Without a callback CPython hands back Y's
 * existing weakref object while one is alive; otherwise a new (tracked) weakref is allocated.
 */
export function applyWeakref(ctx: Ctx, a: Of<'weakref'>): void {
  const target = liveObject(ctx.s, a.referent);
  const weakrefable = target.kind === 'instance' && ctx.s.classes[target.cls]?.weakrefable === true;
  if (!weakrefable || target.kind !== 'instance') {
    const t = typeName(ctx.s, target);
    reject(
      E.NotWeakrefable,
      `a ${t} cannot be weakly referenced`,
      `TypeError: cannot create weak reference to '${t}' object`,
    );
  }
  checkPlace(ctx, a.into);
  if (target.weakref !== null) {
    storeValue(ctx, a.into, { t: 'ref', id: target.weakref });
    return;
  }
  // The referent sits on CPython's value stack during the allocation (which may collect).
  incref(ctx, { t: 'ref', id: target.id });
  noteAllocation(ctx);
  const id = ctx.s.nextId++;
  const wr: WeakrefObject = { id, kind: 'weakref', rc: 1, gen: 0, referent: target.id };
  addObject(ctx, wr);
  touch(ctx, target);
  target.weakref = id;
  emit(ctx, { type: 'allocated', id, kind: 'weakref' });
  emit(ctx, { type: 'refcount', id, from: 0, to: 1 });
  storeMoved(ctx, a.into, { t: 'ref', id });
  decref(ctx, { t: 'ref', id: target.id });
}

/** `X = W()`: a new strong reference to the referent, or None once it is gone. */
export function applyDeref(ctx: Ctx, a: Of<'deref'>): void {
  const wr = liveObject(ctx.s, a.weakref);
  if (wr.kind !== 'weakref') {
    const t = typeName(ctx.s, wr);
    reject(
      E.NotAWeakref,
      `only a weakref can be called, not a ${t}`,
      `TypeError: '${t}' object is not callable`,
    );
  }
  const value: Value = wr.referent === null ? { t: 'none' } : { t: 'ref', id: wr.referent };
  storeValue(ctx, a.into, value);
}

/** Enter a call: one new reference per parameter (3.11 moves the argument into the frame). */
export function applyCall(ctx: Ctx, a: Of<'call'>): void {
  if (a.params.length !== a.args.length) {
    reject(
      E.BadArity,
      `${a.fn}() takes ${a.params.length} arguments but ${a.args.length} were given`,
      arityMessage(a),
    );
  }
  a.args.forEach((v) => checkValue(ctx.s, v));
  const varnames = [...a.params, ...a.locals.filter((n) => !a.params.includes(n))];
  const locals: Record<string, Value> = {};
  a.params.forEach((p, i) => {
    incref(ctx, a.args[i]!);
    locals[p] = a.args[i]!;
  });
  pushFrame(ctx, { fn: a.fn, varnames, locals });
  emit(ctx, { type: 'framePushed', fn: a.fn, depth: ctx.s.frames.length });
}

function arityMessage(a: Of<'call'>): string {
  const n = a.params.length;
  if (a.args.length < n) {
    const missing = a.params.slice(a.args.length).map((p) => `'${p}'`);
    const list =
      missing.length === 1
        ? missing[0]
        : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    return `TypeError: ${a.fn}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`;
  }
  const takes = `${n} positional argument${n === 1 ? '' : 's'}`;
  return `TypeError: ${a.fn}() takes ${takes} but ${a.args.length} ${a.args.length === 1 ? 'was' : 'were'} given`;
}

/**
 * Leave the innermost call. The returned value gets its reference before the locals are
 * released (so it survives, with everything it reaches); then it is stored in the caller, or
 * dropped for a bare call.
 */
export function applyReturn(ctx: Ctx, a: Of<'return'>): void {
  const frame = innermostFrame(ctx.s);
  if (!frame) reject(E.NoFrame, 'there is no running call to return from');
  checkValue(ctx.s, a.value);
  incref(ctx, a.value);
  popFrame(ctx);
  emit(ctx, { type: 'framePopped', fn: frame.fn, depth: ctx.s.frames.length + 1 });
  const extra = Object.keys(frame.locals).filter((n) => !frame.varnames.includes(n));
  for (const name of [...frame.varnames, ...extra]) {
    const v = frame.locals[name];
    if (!v) continue;
    emit(ctx, { type: 'removed', place: { kind: 'name', name, scope: 'frame' }, old: v });
    decref(ctx, v);
  }
  if (a.into === null) {
    decref(ctx, a.value);
    return;
  }
  checkPlace(ctx, a.into);
  storeMoved(ctx, a.into, a.value);
}
