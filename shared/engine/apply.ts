/**
 * apply(state, action) → the next state and what happened, or why the action was refused.
 *
 * Contracts:
 * - Pure: the input state is never mutated (apply works on a private copy).
 * - A rejected action returns `{ ok: false, error }` and changes nothing. Rule violations never
 *   throw; an exception escaping apply is an engine bug.
 * - Every accepted action increments `version` by exactly 1.
 */
import type { Action } from './actions.ts';
import { cloneState } from './clone.ts';
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

export interface Applied {
  state: EngineState;
  events: EngineEvent[];
}

/** Runs one action on a context (mutating it). Exposed for bulk work on a private state. */
export function run(ctx: Ctx, action: Action): void {
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
  const ctx: Ctx = { s: cloneState(state), events: [], record: true };
  try {
    run(ctx, action);
  } catch (e) {
    if (e instanceof Rejection) return err(e.error);
    throw e;
  }
  ctx.s.version += 1;
  return ok({ state: ctx.s, events: ctx.events });
}

/** apply() for callers that know the action is legal (replays of verified logs, tests). */
export function applyOrThrow(state: EngineState, action: Action): Applied {
  const r = apply(state, action);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * Mutating variant for bulk work (benchmarks, million-object tests): runs actions in place on
 * a state the caller owns, without recording events. Returns the error of a rejected action;
 * unlike apply(), a rejection may leave the state partly changed, so use it only on owned state.
 */
export function applyInPlace(state: EngineState, action: Action): EngineError | null {
  const ctx: Ctx = { s: state, events: [], record: false };
  try {
    run(ctx, action);
  } catch (e) {
    if (e instanceof Rejection) return e.error;
    throw e;
  }
  state.version += 1;
  return null;
}
