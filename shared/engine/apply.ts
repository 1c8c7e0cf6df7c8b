/**
 * apply(state, action) → the same state, changed in place, with what happened and how to undo
 * it; or why the action was refused.
 *
 * Contracts:
 * - Transactional: an accepted action changes `state` in place and returns it (the same object)
 *   with its events and an undo log; its cost is what it touches, not the heap. A rejected
 *   action returns `{ ok: false, error }` and leaves the state exactly as it was (deep-equal,
 *   same hash): its writes are rolled back. Callers that need the state before a move keep a
 *   `cloneState` copy, or `revert(state, undo)` the move.
 * - Rule violations never throw; an exception escaping apply is an engine bug (the state is
 *   rolled back first).
 * - Every accepted action increments `version` by exactly 1.
 */
import type { Action } from './actions.ts';
import type { Ctx } from './ctx.ts';
import { ENGINE_ERRORS as E, type EngineError } from './errors.ts';
import type { EngineEvent } from './events.ts';
import { Rejection, reject } from './fail.ts';
import { applyCollect, applyDefineClass, applySetEnabled, applySetThreshold } from './ops-gc.ts';
import { applyAppend, applyClear, applyNew, applyPop, applyStore } from './ops-objects.ts';
import { applyCall, applyDeref, applyReturn, applyWeakref } from './ops-refs.ts';
import { deletePlace } from './places.ts';
import { err, ok, type Result } from './result.ts';
import type { EngineState } from './types.ts';
import { settle, working } from './working.ts';
import { beginUndo, endRemovals, undoAll, type Undo } from './write.ts';

export interface Applied {
  /** The state passed in, now changed by the action. */
  state: EngineState;
  events: EngineEvent[];
  /** Pass to revert(state, undo) to restore the state before the action. */
  undo: Undo;
}

/** Runs one action on a context (mutating it). Exposed for bulk work on a private state. */
function run(ctx: Ctx, action: Action): void {
  switch (action.type) {
    case 'defineClass':
      return applyDefineClass(ctx, action);
    case 'new':
      return applyNew(ctx, action);
    case 'store':
      return applyStore(ctx, action);
    case 'delete':
      return deletePlace(ctx, action.at);
    case 'append':
      return applyAppend(ctx, action);
    case 'pop':
      return applyPop(ctx, action);
    case 'clear':
      return applyClear(ctx, action);
    case 'weakref':
      return applyWeakref(ctx, action);
    case 'deref':
      return applyDeref(ctx, action);
    case 'call':
      return applyCall(ctx, action);
    case 'return':
      return applyReturn(ctx, action);
    case 'collect':
      applyCollect(ctx, action);
      return;
    case 'gcEnable':
      return applySetEnabled(ctx, true);
    case 'gcDisable':
      return applySetEnabled(ctx, false);
    case 'setThreshold':
      return applySetThreshold(ctx, action);
    default:
      return reject(
        E.UnknownAction,
        `unknown action ${JSON.stringify((action as { type?: unknown }).type)}`,
      );
  }
}

export function apply(state: EngineState, action: Action): Result<Applied, EngineError> {
  const undo = beginUndo(state);
  const ctx: Ctx = { s: state, events: [], record: true, undo, w: working(state) };
  try {
    run(ctx, action);
  } catch (e) {
    undoAll(state, ctx.w, undo);
    if (e instanceof Rejection) return err(e.error);
    throw e;
  }
  state.version += 1;
  settle(ctx.w, state);
  return ok({ state, events: ctx.events, undo });
}

/**
 * Undoes the last action applied to `state` (several: in reverse order), version included, in
 * O(what it touched). `undo` must come from apply() on this very state object.
 */
export function revert(state: EngineState, undo: Undo): void {
  undoAll(state, working(state), undo);
}

/** apply() for callers that know the action is legal (replays of verified logs, tests). */
export function applyOrThrow(state: EngineState, action: Action): Applied {
  const r = apply(state, action);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * Bulk variant (benchmarks, million-object tests): like apply(), without events or an undo log.
 * Returns the error of a rejected action; unlike apply(), a rejection may leave the state partly
 * changed, so use it only on a state the caller can throw away.
 */
export function applyInPlace(state: EngineState, action: Action): EngineError | null {
  const ctx: Ctx = { s: state, events: [], record: false, undo: null, w: working(state) };
  try {
    run(ctx, action);
  } catch (e) {
    endRemovals(state, ctx.w);
    settle(ctx.w, state);
    if (e instanceof Rejection) return e.error;
    throw e;
  }
  state.version += 1;
  settle(ctx.w, state);
  return null;
}
