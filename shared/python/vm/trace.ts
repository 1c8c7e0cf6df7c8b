/**
 * The Playground's recorder: runs a program once and returns its trace (snapshot.ts).
 * The teaching VM records it (traceVm.ts: every line, call, return and collection). What the VM
 * refuses but the campaign engine's runner runs exactly (its puzzle subset) is recorded there
 * instead (traceEngine.ts); a program both refuse shows the VM's refusal.
 */
import { recordEngineTrace } from './traceEngine.ts';
import { recordVmTrace } from './traceVm.ts';
import type { Trace } from './snapshot.ts';

export function recordTrace(source: string, limit?: number): Trace {
  const vm = recordVmTrace(source, limit);
  if (!vm.error?.text.startsWith('unsupported:')) return vm;
  const engine = recordEngineTrace(source, limit);
  return engine.error?.text.includes('unsupported:') ? vm : engine;
}
