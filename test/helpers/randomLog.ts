/** A seeded log of accepted actions from the standard test heap (Node and Slot defined). */
import { apply, cloneState, type Action, type EngineState } from '../../shared/engine/index.ts';
import { Heap } from './engine.ts';
import { Rand, randomAction } from './randomActions.ts';

export function randomLog(
  seed: number,
  length: number,
): { initial: EngineState; log: Action[]; final: EngineState } {
  const initial = new Heap().state;
  const r = new Rand(seed);
  const log: Action[] = [];
  const s = cloneState(initial); // apply() changes it in place
  while (log.length < length) {
    const a = randomAction(r, s);
    if (!apply(s, a).ok) continue;
    log.push(a);
  }
  return { initial, log, final: s };
}
