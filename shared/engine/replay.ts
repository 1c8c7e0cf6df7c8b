/**
 * Replay = fold apply over a log, on a copy of `initial` (which is not changed). The same initial
 * state and log always give the same hash.
 */
import type { Action } from './actions.ts';
import { apply } from './apply.ts';
import { cloneState } from './clone.ts';
import type { EngineError } from './errors.ts';
import { err, ok, type Result } from './result.ts';
import type { EngineState } from './types.ts';

export function replay(
  initial: EngineState,
  actions: readonly Action[],
): Result<EngineState, { index: number; error: EngineError }> {
  const state = cloneState(initial);
  for (let index = 0; index < actions.length; index++) {
    const r = apply(state, actions[index]!);
    if (!r.ok) return err({ index, error: r.error });
  }
  return ok(state);
}
