/** Replay = fold apply over a log. The same initial state and log always give the same hash. */
import type { Action } from './actions.ts';
import { apply } from './apply.ts';
import type { EngineError } from './errors.ts';
import { err, ok, type Result } from './result.ts';
import type { EngineState } from './types.ts';

export function replay(
  initial: EngineState,
  actions: readonly Action[],
): Result<EngineState, { index: number; error: EngineError }> {
  let state = initial;
  for (let index = 0; index < actions.length; index++) {
    const r = apply(state, actions[index]!);
    if (!r.ok) return err({ index, error: r.error });
    state = r.value.state;
  }
  return ok(state);
}
