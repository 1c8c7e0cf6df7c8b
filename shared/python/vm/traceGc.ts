/**
 * One VM collection as the gc player shows it (snapshot.ts `StepGc`), from the events the
 * collector reported (gc/types.ts `GcEvent`) while running: the gc_refs of every pictured object
 * at update_refs, each subtraction, the move_unreachable walk, untracked tuples, weakrefs cleared
 * and their callbacks, finalizers with what they printed, resurrection and the frees.
 *
 * Contract: only objects pictured in `before` (the heap drawn for the gc step) appear; every
 * gc_refs value shown is the collector's own. A reference the picture does not draw (a class's
 * method dict, a module's globals) is still subtracted: `subtractHidden` says how many, and the
 * drawn subtractions count them first, so every number on screen is one CPython had.
 */
import type { GcObject } from './gcobject.ts';
import type { GcEvent } from './gc/types.ts';
import type { Step, StepGc } from './snapshot.ts';

/** A collector event and how many chunks of stdout existed when it happened. */
export interface TimedGcEvent {
  event: GcEvent;
  out: number;
}

export function gcTrace(before: Step, timed: TimedGcEvent[], stdout: readonly string[]): StepGc {
  const idOf = (o: unknown): number | null => {
    const id = (o as { id?: number }).id;
    return typeof id === 'number' && before.objects[id] ? id : null;
  };
  const ids = (objects: readonly unknown[]): number[] =>
    objects.map(idOf).filter((id): id is number => id !== null);
  const events = timed.map((t) => t.event);
  // Events up to the first move_unreachable phase are the main deduce_unreachable; the second
  // one (handle_resurrected_objects) runs after finalize_garbage.
  const mainEnd = events.findIndex((e) => e.kind === 'phase' && e.phase === 'move_unreachable');
  const main = events.slice(0, mainEnd < 0 ? events.length : mainEnd);
  const phase = (name: string): number[] =>
    events.flatMap((e) => (e.kind === 'phase' && e.phase === name ? ids(e.objects) : []));
  /** What the program printed from event i until the collector's next event. */
  const printedAfter = (i: number): string =>
    stdout.slice(timed[i]!.out, timed[i + 1]?.out ?? stdout.length).join('');

  const updateRefs = main.flatMap((e) => {
    const id = e.kind === 'update_refs' ? idOf(e.object) : null;
    return id === null || e.kind !== 'update_refs' ? [] : [{ id, gcRefs: e.gcRefs }];
  });
  const { subtractRefs, subtractHidden } = subtractions(before, main, idOf, updateRefs);
  const moveUnreachable = main.flatMap((e) => {
    const id = e.kind === 'move' ? idOf(e.object) : null;
    if (id === null || e.kind !== 'move') return [];
    const by = e.by ? idOf(e.by) : null;
    return [{ id, step: e.step, ...(by !== null ? { by } : {}) }];
  });
  const unreachable = phase('move_unreachable');
  const survivorsAfterUntrack = new Set(phase('untrack_tuples'));
  const untrackedTuples = updateRefs
    .map((u) => u.id)
    .filter((id) => before.objects[id]!.type === 'tuple' && !unreachable.includes(id))
    .filter((id) => !survivorsAfterUntrack.has(id));
  const stillUnreachable = new Set(phase('handle_resurrected_objects'));
  const finalized: { id: number; printed: string }[] = [];
  const callbacks: { weakref: number; printed: string }[] = [];
  events.forEach((e, i) => {
    const id =
      e.kind === 'finalize'
        ? idOf(e.object)
        : e.kind === 'weakref_callback'
          ? idOf(e.weakref)
          : null;
    if (id === null) return;
    if (e.kind === 'finalize') finalized.push({ id, printed: printedAfter(i) });
    else callbacks.push({ weakref: id, printed: printedAfter(i) });
  });
  const start = events.find((e) => e.kind === 'start');
  const stop = events.find((e) => e.kind === 'stop');
  return {
    generation: (start?.kind === 'start' ? start.generation : 2) as 0 | 1 | 2,
    automatic: start?.kind === 'start' ? start.automatic : false,
    young: updateRefs.map((u) => u.id),
    updateRefs,
    subtractRefs,
    moveUnreachable,
    unreachable,
    promoted: [],
    untrackedDicts: [],
    weakrefsCleared: weakrefsCleared(before, unreachable),
    freed: phase('delete_garbage'),
    result: stop?.kind === 'stop' ? stop.collected + stop.uncollectable : 0,
    subtractHidden,
    untrackedTuples,
    callbacks,
    finalized,
    resurrected: finalized.length > 0 ? unreachable.filter((id) => !stillUnreachable.has(id)) : [],
  };
}

/**
 * subtract_refs split in two: drawn references (both ends pictured) become one step each, labelled
 * like the picture's arrow; the rest are counted per target and applied first, so the gc_refs a
 * drawn step shows is the value after every subtraction made so far plus all hidden ones.
 */
function subtractions(
  before: Step,
  main: GcEvent[],
  idOf: (o: GcObject) => number | null,
  updateRefs: { id: number; gcRefs: number }[],
): Pick<StepGc, 'subtractRefs'> & { subtractHidden: NonNullable<StepGc['subtractHidden']> } {
  const drawn: { from: number; to: number }[] = [];
  const hidden = new Map<number, number>();
  for (const e of main) {
    if (e.kind !== 'subtract') continue;
    const to = idOf(e.to);
    if (to === null) continue;
    const from = idOf(e.from);
    if (from === null) hidden.set(to, (hidden.get(to) ?? 0) + 1);
    else drawn.push({ from, to });
  }
  const refs = new Map(updateRefs.map((u) => [u.id, u.gcRefs - (hidden.get(u.id) ?? 0)]));
  const subtractHidden = [...hidden].map(([id, n]) => ({ id, n, gcRefs: refs.get(id) ?? 0 }));
  const used = new Map<string, number>();
  const subtractRefs = drawn.map(({ from, to }) => {
    const gcRefs = (refs.get(to) ?? 0) - 1;
    refs.set(to, gcRefs);
    const key = `${from}>${to}`;
    const nth = used.get(key) ?? 0;
    used.set(key, nth + 1);
    return { from, to, slot: slotLabel(before, from, to, nth), gcRefs };
  });
  return { subtractRefs, subtractHidden };
}

/** The picture's label for the nth reference from `from` to `to` (`.next`, `[0]`, `__class__`). */
function slotLabel(before: Step, from: number, to: number, nth: number): string {
  const source = before.objects[from]!;
  const edges = source.edges.filter((e) => !e.weak && e.to.t === 'obj' && e.to.id === to);
  const edge = edges[nth];
  if (edge) return edge.label;
  return before.objects[to]?.label === `class ${source.type}` ? '__class__' : '→';
}

/** Weakrefs whose referent is garbage: cleared by handle_weakrefs before anything is freed. */
function weakrefsCleared(before: Step, unreachable: number[]): StepGc['weakrefsCleared'] {
  return Object.values(before.objects).flatMap((o) =>
    o.edges
      .filter((e) => e.weak && e.to.t === 'obj' && unreachable.includes(e.to.id))
      .map((e) => ({ weakref: o.id, referent: (e.to as { id: number }).id })),
  );
}
