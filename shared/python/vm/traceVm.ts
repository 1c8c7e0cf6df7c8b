/**
 * The trace recorder on the teaching VM: runs a program once through `runScript` with its
 * execution hooks and records a snapshot (snapshotVm.ts) at every new line, call and return,
 * and one per collection, drawn over the heap just before it with the phases the collector
 * reported. The module frame's return is the `end` step (the last line's effects included).
 *
 * A refusal (`unsupported: X at line N`) keeps no step: the VM discards the output of a program
 * it cannot finish exactly, and the picture of a half run would be just as wrong.
 */
import type { GcTrace } from '../../engine/events.ts';
import { runScript, vm } from './index.ts';
import type { RunOptions, RunResult } from './index.ts';
import type { Frame } from './frame.ts';
import { VmCollector } from './gc/vm.ts';
import type { GcEvent } from './gc/types.ts';
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
    };
  };
  let last: { event: StepEvent; line: number; frame: Frame } | null = null;
  const add = (event: StepEvent, frame: Frame): void => {
    const line = frame.lineno;
    // A call's first line shows what the call step just showed: one step, not two.
    const repeat = event === 'line' && last?.event === 'call' && last.frame === frame;
    if (full || line <= 0 || (repeat && last?.line === line)) return;
    last = { event, line, frame };
    if (!builder.add(data(event, frame))) full = true;
  };
  // The gc step goes in when the collection starts (finalizers it runs come after it, as they
  // run); its phases are filled in when the collector reports the end.
  let collection: { step: Step; events: GcEvent[] } | null = null;
  const onGc = (e: GcEvent): void => {
    if (e.kind === 'start') {
      collection = null;
      if (full || !builder.add(data('gc', vm.frame))) full = true;
      else collection = { step: builder.steps[builder.steps.length - 1]!, events: [] };
    }
    collection?.events.push(e);
    if (e.kind === 'stop' && collection) {
      collection.step.gc = gcTrace(collection.step, collection.events);
      collection = null;
    }
  };
  const result = runSafely(source, {
    hooks: {
      onLine: (f) => add('line', f),
      onCall: (f) => {
        if (f.back !== null) add('call', f); // the module's own start is its first line
      },
      onReturn: (f) => {
        if (f.back !== null || f.func !== null) return add('return', f);
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

/**
 * The collection as the gc player shows it, from what the collector reported: which pictured
 * objects it found unreachable, which weakrefs it cleared, what it freed and in which order,
 * and the count. (gc_refs are scratch values the collector does not report; they stay unshown.)
 */
function gcTrace(before: Step, events: GcEvent[]): GcTrace {
  const shown = (o: unknown): number | null => {
    const id = (o as { id?: number }).id;
    return typeof id === 'number' && before.objects[id] ? id : null;
  };
  const ids = (objects: readonly unknown[]): number[] =>
    objects.map(shown).filter((id): id is number => id !== null);
  const phase = (name: string): number[] =>
    events.flatMap((e) => (e.kind === 'phase' && e.phase === name ? ids(e.objects) : []));
  const start = events.find((e) => e.kind === 'start');
  const stop = events.find((e) => e.kind === 'stop');
  const unreachable = phase('move_unreachable');
  const tracked = Object.values(before.objects)
    .filter((o) => o.tracked)
    .map((o) => o.id);
  return {
    generation: (start?.kind === 'start' ? start.generation : 2) as 0 | 1 | 2,
    automatic: start?.kind === 'start' ? start.automatic : false,
    young: tracked,
    updateRefs: [],
    subtractRefs: [],
    moveUnreachable: tracked.map((id) => ({
      id,
      step: unreachable.includes(id) ? ('tentative' as const) : ('reachable' as const),
    })),
    unreachable,
    promoted: [],
    untrackedDicts: [],
    weakrefsCleared: [],
    freed: phase('delete_garbage'),
    result: stop?.kind === 'stop' ? stop.collected + stop.uncollectable : 0,
  };
}
