/**
 * Turns a collection's trace into animation steps. The client never re-derives the algorithm: each
 * step shows exactly what the trace recorded, in gcmodule.c's phase order (update_refs,
 * subtract_refs, move_unreachable, untrack_tuples, handle_weakrefs and their callbacks,
 * finalize_garbage, handle_resurrected_objects, delete_garbage), then the returned count. The
 * campaign's engine reports the core phases; the teaching VM (StepGc) also the rest.
 */
import type { ObjId } from '../../shared/engine/types.ts';
import type { StepGc } from '../../shared/python/vm/snapshot.ts';
import type { MessageKey, Params } from '../i18n/index.ts';

type GcMark = 'young' | 'reachable' | 'tentative' | 'rescued' | 'freed';

export interface GcObjectMark {
  gcRefs: number | null;
  mark: GcMark;
}

export interface GcStep {
  caption: { key: MessageKey; params: Params };
  marks: Record<number, GcObjectMark>;
  /** The reference being subtracted in this step, if any. */
  edge: { from: ObjId; to: ObjId; slot: string } | null;
  /** Weakrefs cleared so far (drawn dead). */
  cleared: ObjId[];
}

export function gcSteps(trace: StepGc, name: (id: ObjId) => string): GcStep[] {
  const steps: GcStep[] = [];
  const marks: Record<number, GcObjectMark> = {};
  const cleared: ObjId[] = [];
  const push = (key: MessageKey, params: Params = {}, edge: GcStep['edge'] = null): void => {
    steps.push({
      caption: { key, params },
      marks: structuredClone(marks),
      edge,
      cleared: [...cleared],
    });
  };
  const names = (ids: ObjId[]): string => ids.map(name).join(', ');
  for (const u of trace.updateRefs) marks[u.id] = { gcRefs: u.gcRefs, mark: 'young' };
  push('gc.updateRefs');
  const hidden = trace.subtractHidden ?? [];
  for (const h of hidden) marks[h.id] = { gcRefs: h.gcRefs, mark: marks[h.id]?.mark ?? 'young' };
  if (hidden.length > 0) {
    const list = hidden.map((h) => `${name(h.id)} ${h.gcRefs + h.n} − ${h.n} = ${h.gcRefs}`);
    push('gc.subtractHidden', { list: list.join(', ') });
  }
  for (const s of trace.subtractRefs) {
    marks[s.to] = { gcRefs: s.gcRefs, mark: marks[s.to]?.mark ?? 'young' };
    push(
      'gc.subtract',
      { from: name(s.from), to: name(s.to), n: s.gcRefs },
      { from: s.from, to: s.to, slot: s.slot },
    );
  }
  for (const m of trace.moveUnreachable) {
    const before = marks[m.id]?.gcRefs ?? null;
    const wasRescued = marks[m.id]?.mark === 'rescued';
    marks[m.id] = { gcRefs: walkedRefs(before, m.step), mark: m.step };
    // A rescued object is walked again at the list's tail: its rescue step already said so.
    if (m.step === 'reachable' && wasRescued) continue;
    if (m.step === 'reachable' && before === 0) {
      push('gc.reachedEarlier', { obj: name(m.id) });
      continue;
    }
    if (m.step === 'rescued' && m.by === undefined) push('gc.rescuedHidden', { obj: name(m.id) });
    else if (m.step === 'rescued') push('gc.rescued', { obj: name(m.id), by: name(m.by!) });
    else push(m.step === 'reachable' ? 'gc.reachable' : 'gc.tentative', { obj: name(m.id) });
  }
  const untracked = trace.untrackedTuples ?? [];
  if (untracked.length > 0) push('gc.untrackTuples', { objs: names(untracked) });
  for (const w of trace.weakrefsCleared) {
    cleared.push(w.weakref);
    push('gc.weakref', { obj: name(w.referent) });
  }
  for (const c of trace.callbacks ?? [])
    push(...printing('gc.callback', name(c.weakref), c.printed));
  for (const f of trace.finalized ?? []) push(...printing('gc.finalize', name(f.id), f.printed));
  const resurrected = trace.resurrected ?? [];
  for (const id of resurrected) marks[id] = { gcRefs: marks[id]?.gcRefs ?? null, mark: 'rescued' };
  if (resurrected.length > 0) push('gc.resurrected', { objs: names(resurrected) });
  else if ((trace.finalized ?? []).length > 0) push('gc.notResurrected');
  if (trace.freed.length > 0) push('gc.freeing');
  for (const id of trace.freed) {
    marks[id] = { gcRefs: marks[id]?.gcRefs ?? null, mark: 'freed' };
    push('gc.freed', { obj: name(id) });
  }
  push('gc.result', { n: trace.result });
  return steps;
}

/**
 * gc_refs once move_unreachable's walk reaches an object: a rescued one is set to 1; a reachable
 * one has at least 1 (an earlier reachable object referencing it raised a 0 to 1 before the walk
 * got there). A tentative one keeps its 0.
 */
function walkedRefs(
  before: number | null,
  step: 'reachable' | 'tentative' | 'rescued',
): number | null {
  if (before === null) return null;
  if (step === 'rescued') return 1;
  return step === 'reachable' ? Math.max(1, before) : before;
}

/** A step for Python code the collector runs (a callback, a finalizer), with what it printed. */
function printing(
  key: 'gc.callback' | 'gc.finalize',
  obj: string,
  printed: string,
): [MessageKey, Params] {
  const out = printed.trimEnd();
  return out === ''
    ? [key, { obj }]
    : [`${key}Printed` as MessageKey, { obj, out: out.length > 60 ? `${out.slice(0, 59)}…` : out }];
}
