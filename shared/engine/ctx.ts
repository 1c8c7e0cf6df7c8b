/**
 * The mutable context an accepted action runs in: a private copy of the state and the event log.
 * Only apply.ts creates one (after cloning), so the caller's state is never touched.
 */
import type { EngineEvent } from './events.ts';
import type { EngineState, ObjId } from './types.ts';

export interface Ctx {
  s: EngineState;
  events: EngineEvent[];
  /** False for bulk work (benchmarks, 1M-object tests): no event objects are built. */
  record: boolean;
  /** When set, every freed id is appended (the collector uses it to list its frees). */
  freed?: ObjId[];
  /** True while the collector deletes garbage: frees are then reported with cause 'gc'. */
  collecting?: boolean;
}

export function emit(ctx: Ctx, event: EngineEvent): void {
  if (ctx.record) ctx.events.push(event);
}
