/**
 * The trace recorder on the teaching VM: runs a program once through `runScript` with its
 * execution hooks and records a snapshot (snapshotVm.ts) at every new line, call and return,
 * and one per collection, drawn over the heap just before it with the phases the collector
 * reported. The module frame's return is the `end` step (the last line's effects included).
 *
 * A refusal (`unsupported: X at line N`) keeps no step: the VM discards the output of a program
 * it cannot finish exactly, and the picture of a half run would be just as wrong.
 */
import { runScript, vm } from './index.ts';
import type { RunOptions, RunResult } from './index.ts';
import type { Frame } from './frame.ts';
import { VmCollector } from './gc/vm.ts';
import type { GcEvent } from './gc/types.ts';
import { gcTrace } from './traceGc.ts';
import type { TimedGcEvent } from './traceGc.ts';
import { newPictureMemory, pictureOf } from './snapshotVm.ts';
import type { Step, StepData, StepEvent, Trace } from './snapshot.ts';
import { TraceBuilder } from './snapshot.ts';

const FILENAME = 'playground.py';

export function recordVmTrace(source: string, limit?: number): Trace {
  const builder = new TraceBuilder(limit);
  const memory = newPictureMemory();
  let full = false;
  const data = (event: StepEvent, frame: Frame | null): StepData => {
    const pic = pictureOf(frame, memory);
    const line = frame?.lineno ?? 0;
    return {
      event,
      line,
      frames: pic.frames,
      objects: pic.objects,
      stdout: vm.out.join(''),
      gc: null,
      ...(pic.truncated ? { truncated: true } : {}),
      ...(pic.codeConsts.length > 0 ? { codeConsts: pic.codeConsts } : {}),
      ...(pic.arena.length > 0 ? { arena: pic.arena } : {}),
    };
  };
  let last: { event: StepEvent; line: number; frame: Frame } | null = null;
  // The program's own frames share its module's globals; library code written in Python (the
  // weakref module) runs in frames of its own globals and is not stepped.
  let main: Frame['globals'] | null = null;
  const ours = (f: Frame): boolean => {
    if (main === null && f.back === null) main = f.globals;
    return f.globals === main;
  };
  const innermostOurs = (f: Frame | null): Frame | null => {
    let g = f;
    while (g && !ours(g)) g = g.back;
    return g;
  };
  const add = (event: StepEvent, frame: Frame): void => {
    if (!ours(frame)) return;
    const line = frame.lineno;
    // A call's first line shows what the call step just showed: one step, not two.
    const repeat = event === 'line' && last?.event === 'call' && last.frame === frame;
    if (full || line <= 0 || (repeat && last?.line === line)) return;
    last = { event, line, frame };
    if (!builder.add(data(event, frame))) full = true;
  };
  // The gc step goes in when the collection starts (finalizers it runs come after it, as they
  // run); its phases are filled in when the collector reports the end.
  let collection: { step: Step; events: TimedGcEvent[] } | null = null;
  const onGc = (e: GcEvent): void => {
    if (e.kind === 'start') {
      collection = null;
      if (full || !builder.add(data('gc', innermostOurs(vm.frame)))) full = true;
      else collection = { step: builder.steps[builder.steps.length - 1]!, events: [] };
    }
    collection?.events.push({ event: e, out: vm.out.length });
    if (e.kind === 'stop' && collection) {
      collection.step.gc = gcTrace(collection.step, collection.events, vm.out);
      collection = null;
    }
  };
  const result = runSafely(source, {
    hooks: {
      onLoaded: (arena) => {
        memory.arena = arena;
      },
      onLine: (f) => add('line', f),
      onCall: (f) => {
        if (f.back !== null) add('call', f); // the module's own start is its first line
      },
      onReturn: (f) => {
        if (f.back !== null || f.func !== null || !ours(f)) return add('return', f);
        add('end', f);
        full = true; // interpreter shutdown (its collection, finalizers) is not stepped
      },
    },
    collector: () => {
      const c = new VmCollector();
      c.trace = onGc;
      return c;
    },
  });
  const trace = (error: Trace['error']): Trace => ({
    version: 1,
    source,
    engine: 'vm',
    steps: builder.steps,
    capped: builder.capped,
    error,
  });
  // What shutdown printed (finalizers of objects alive at exit) belongs to the end.
  const final = builder.steps[builder.steps.length - 1];
  if (final?.event === 'end' && result.stdout.startsWith(final.stdout))
    final.stdout = result.stdout;
  if (result.exitCode === 0 || result.stderr === '') return trace(null);
  const line = errorLine(result.stderr);
  if (result.stderr.startsWith('unsupported:') || builder.steps.length === 0) {
    builder.steps.length = 0;
    builder.add({ event: 'exception', line, frames: [], objects: {}, stdout: '', gc: null });
  } else {
    // The module frame's return was the exception leaving it.
    const lastStep = builder.steps[builder.steps.length - 1]!;
    if (lastStep.event === 'end') lastStep.event = 'exception';
  }
  return trace({ line, text: result.stderr });
}

/** runScript, with a VM failure (a bug: it must not throw) reported as a refusal, not a crash. */
function runSafely(source: string, options: RunOptions): RunResult {
  try {
    return runScript(source, FILENAME, options);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const text = message.startsWith('unsupported:') ? message : `unsupported: ${message}`;
    return { stdout: '', stderr: `${text}\n`, exitCode: 1 };
  }
}

/** The line an error report points at: the last `line N` in it (the innermost frame). */
function errorLine(stderr: string): number {
  const all = [...stderr.matchAll(/line (\d+)/g)];
  return Number(all.at(-1)?.[1] ?? 0);
}
