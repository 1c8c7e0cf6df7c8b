/**
 * The Playground's recorder: runs a program once and returns its trace (snapshot.ts).
 * The campaign engine's runner records it today (traceEngine.ts); the teaching VM's recorder
 * (traceVm.ts) takes over as soon as the VM runs programs, with the engine kept for what the
 * VM still refuses and the engine runs exactly.
 */
import { recordEngineTrace } from './traceEngine.ts';
import type { Trace } from './snapshot.ts';

export function recordTrace(source: string, limit?: number): Trace {
  return recordEngineTrace(source, limit);
}
