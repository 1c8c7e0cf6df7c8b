/**
 * Turns the engine's GcTrace into animation steps. The client never re-derives the algorithm: each
 * step shows exactly what the trace recorded, in CPython's phase order (update_refs, subtract_refs,
 * move_unreachable, handle_weakrefs, delete_garbage), then the returned count.
 */
import type { GcTrace } from '../../shared/engine/events.ts';
import type { ObjId } from '../../shared/engine/types.ts';
import type { MessageKey, Params } from '../i18n/index.ts';

export type GcMark = 'young' | 'reachable' | 'tentative' | 'rescued' | 'freed';

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

export function gcSteps(trace: GcTrace, name: (id: ObjId) => string): GcStep[] {
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
  for (const u of trace.updateRefs) marks[u.id] = { gcRefs: u.gcRefs, mark: 'young' };
  push('gc.updateRefs');
  for (const s of trace.subtractRefs) {
    marks[s.to] = { gcRefs: s.gcRefs, mark: marks[s.to]?.mark ?? 'young' };
    push(
      'gc.subtract',
      { from: name(s.from), to: name(s.to), n: s.gcRefs },
      { from: s.from, to: s.to, slot: s.slot },
    );
  }
  for (const m of trace.moveUnreachable) {
    marks[m.id] = { gcRefs: marks[m.id]?.gcRefs ?? null, mark: m.step };
    if (m.step === 'rescued')
      push('gc.rescued', { obj: name(m.id), by: m.by === undefined ? '?' : name(m.by) });
    else push(m.step === 'reachable' ? 'gc.reachable' : 'gc.tentative', { obj: name(m.id) });
  }
  for (const w of trace.weakrefsCleared) {
    cleared.push(w.weakref);
    push('gc.weakref', { obj: name(w.referent) });
  }
  if (trace.freed.length > 0) push('gc.freeing');
  for (const id of trace.freed) {
    marks[id] = { gcRefs: marks[id]?.gcRefs ?? null, mark: 'freed' };
    push('gc.freed', { obj: name(id) });
  }
  push('gc.result', { n: trace.result });
  return steps;
}
