/**
 * The context an action runs in: the state it changes in place, the event log, the undo log
 * (under apply(); null for bulk work) and the state's working index. Every change to the state
 * goes through write.ts, which keeps the undo log and the index in step.
 */
import type { EngineEvent } from './events.ts';
import type { EngineState, ObjId } from './types.ts';
import type { Working } from './working.ts';
import type { Undo } from './write.ts';

export interface Ctx {
  s: EngineState;
  events: EngineEvent[];
  /** False for bulk work (benchmarks, 1M-object tests): no event objects are built. */
  record: boolean;
  /** The undo log of this action, or null when nobody will roll it back (applyInPlace). */
  undo: Undo | null;
  w: Working;
  /** When set, every freed id is appended (the collector uses it to list its frees). */
  freed?: ObjId[];
  /** True while the collector deletes garbage: frees are then reported with cause 'gc'. */
  collecting?: boolean;
}

export function emit(ctx: Ctx, event: EngineEvent): void {
  if (ctx.record) ctx.events.push(event);
}
