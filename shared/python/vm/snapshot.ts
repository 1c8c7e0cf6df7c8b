/**
 * A recorded run for the Playground: one snapshot per step (a line starting, a call, a return,
 * a collection, an error, the end). Pure JSON data, so a trace clones, crosses a worker boundary
 * and can be written as a test fixture by hand. Stepping back is showing an earlier snapshot:
 * nothing is ever re-run.
 *
 * Contracts:
 * - `objects` holds every object the program can see from its frames (plus objects kept alive
 *   only by cycles: the garbage a collection will find), keyed by a stable id that never changes
 *   while the object lives.
 * - `None` and the small ints are drawn once in the picture's immortal tray, so a reference to
 *   them is an `imm` value, never an object.
 * - `rcDelta`, `born` and `freed` compare a step with the one before it (see `finishStep`).
 * - A collection is a `gc` step showing the heap *before* it, with the collector's phases; the
 *   step after it shows the heap after.
 */
import type { GcTrace } from '../../engine/events.ts';

/** What a name or a slot holds: an object, or an immortal drawn in the tray (`None`, `7`). */
export type SnapValue = { t: 'obj'; id: number } | { t: 'imm'; text: string };

export interface SnapEdge {
  /** How the picture labels the arrow: `[0]`, `'key'`, `.next`, `__dict__`, `referent`. */
  label: string;
  to: SnapValue;
  /** A weak reference (dashed, not counted in the target's rc). */
  weak?: boolean;
}

export interface SnapObject {
  id: number;
  /** The Python type's name: `list`, `str`, `Node`, `function`. */
  type: string;
  /** Short text for the card's title: the class name, `'Hello'`, `greet`, `1000`. */
  label: string;
  /** ob_refcnt. */
  rc: number;
  /** Tracked by the cycle collector. */
  tracked: boolean;
  edges: SnapEdge[];
}

export interface SnapFrame {
  /** Function name; null for the module. */
  fn: string | null;
  /** The line this frame is at (for an outer frame: the call it waits on). */
  line: number;
  locals: [name: string, value: SnapValue][];
  /** Pictured objects on this frame's value stack (a call's arguments being passed), by id. */
  stack?: number[];
}

/**
 * What a VM collection adds to the campaign's GcTrace, phase by phase after gcmodule.c (all
 * optional: the campaign's engine reports none of them). Ids are pictured objects only.
 */
interface GcExtras {
  /**
   * subtract_refs done by references the picture does not draw (a class's method dict, a module's
   * globals, a frame): how many were subtracted from each pictured object, and its gc_refs after
   * all of subtract_refs. Shown as one step after the drawn ones; `subtractRefs` counts them first.
   */
  subtractHidden: { id: number; n: number; gcRefs: number }[];
  /** untrack_tuples: surviving tuples that hold nothing trackable stop being tracked. */
  untrackedTuples: number[];
  /** handle_weakrefs: weakrefs whose callbacks ran, in order (each after all were cleared). */
  callbacks: { weakref: number; printed: string }[];
  /** finalize_garbage: objects whose `__del__` ran (once each, PEP 442), in order, and what it printed. */
  finalized: { id: number; printed: string }[];
  /** handle_resurrected_objects: garbage a finalizer made reachable again (it survives). */
  resurrected: number[];
}

/** A collection as the Playground's gc player shows it. */
export type StepGc = GcTrace & Partial<GcExtras>;

export type StepEvent = 'line' | 'call' | 'return' | 'gc' | 'exception' | 'end';

export interface Step {
  event: StepEvent;
  /** The current line (1-based) in the source; 0 before the first line. */
  line: number;
  /** Frames, module first; the innermost call last. */
  frames: SnapFrame[];
  objects: Record<number, SnapObject>;
  /** Everything printed so far. */
  stdout: string;
  /** True when the picture shows only part of the heap (too many objects or slots to draw). */
  truncated?: boolean;
  /**
   * Pictured objects each code object of the program holds as constants (`co_consts`; equal
   * tuples are one tuple, so one entry each), named by the code's qualname (`<module>`, `f`).
   */
  codeConsts?: { code: string; ids: number[] }[];
  /** Pictured constants the parser's AST arena still holds (until the module finishes). */
  arena?: number[];
  /** The collector's phases, on a `gc` step only. */
  gc: StepGc | null;
  /** rc change of each object that lived in both this step and the previous one (non-zero only). */
  rcDelta: Record<number, number>;
  /** Objects that did not exist in the previous step / that existed and are gone now. */
  born: number[];
  freed: number[];
}

export interface Trace {
  /** Format version of this type, so an old saved trace or link can be told apart. */
  version: 1;
  source: string;
  /** Which interpreter ran it, shown on screen (the VM or the campaign's engine). */
  engine: 'vm' | 'engine';
  steps: Step[];
  /** True when the run was cut at MAX_STEPS (the screen says so). */
  capped: boolean;
  /** CPython's words for an error (`  File ..., line 3 ...\nNameError: ...`), or null. */
  error: { line: number; text: string } | null;
}

/** The most steps a trace keeps; the rest of the run is not recorded. */
const MAX_STEPS = 5000;

/** A step's own data; `finishStep` adds the comparison with the step before. */
export type StepData = Omit<Step, 'rcDelta' | 'born' | 'freed'>;

/** Completes a step with its rc deltas and births/deaths relative to `prev` (null: the first). */
export function finishStep(prev: Step | null, data: StepData): Step {
  const rcDelta: Record<number, number> = {};
  const born: number[] = [];
  const freed: number[] = [];
  for (const o of Object.values(data.objects)) {
    const before = prev?.objects[o.id];
    if (!before) born.push(o.id);
    else if (before.rc !== o.rc) rcDelta[o.id] = o.rc - before.rc;
  }
  if (prev) for (const o of Object.values(prev.objects)) if (!data.objects[o.id]) freed.push(o.id);
  return { ...data, rcDelta, born, freed };
}

/** Collects steps up to MAX_STEPS; `add` returns false once the trace is full. */
export class TraceBuilder {
  readonly steps: Step[] = [];
  capped = false;
  private readonly limit: number;

  constructor(limit = MAX_STEPS) {
    this.limit = limit;
  }

  add(data: StepData): boolean {
    if (this.steps.length >= this.limit) {
      this.capped = true;
      return false;
    }
    this.steps.push(finishStep(this.steps[this.steps.length - 1] ?? null, data));
    return true;
  }
}

/** Call depth of a step: 0 at module level. */
function depthOf(step: Step): number {
  return step.frames.length - 1;
}

/** What the program printed on the way to step `at` from the step before it. */
export function printedBy(trace: Trace, at: number): string {
  const now = trace.steps[at]?.stdout ?? '';
  const before = at > 0 ? (trace.steps[at - 1]?.stdout ?? '') : '';
  return now.startsWith(before) ? now.slice(before.length) : now;
}

/** Step into: the very next step. */
export function stepInto(trace: Trace, at: number): number {
  return Math.min(trace.steps.length - 1, at + 1);
}

/** Step over: the next step no deeper than this one (a call runs to its return). */
export function stepOver(trace: Trace, at: number): number {
  return nextWhere(trace, at, (d, here) => d <= here);
}

/** Step out: the next step shallower than this one (the caller, after the return). */
export function stepOut(trace: Trace, at: number): number {
  return nextWhere(trace, at, (d, here) => d < here);
}

function nextWhere(trace: Trace, at: number, ok: (depth: number, here: number) => boolean): number {
  const here = trace.steps[at];
  if (!here) return at;
  for (let i = at + 1; i < trace.steps.length; i++) {
    if (ok(depthOf(trace.steps[i]!), depthOf(here))) return i;
  }
  return trace.steps.length - 1;
}

/** One reference to an object that the picture draws: a name in a frame, or a slot of an object. */
export type Referrer =
  | { from: 'name'; fn: string | null; name: string }
  | { from: 'object'; id: number; label: string }
  | { from: 'const'; code: string }
  | { from: 'arena' }
  | { from: 'stack'; fn: string | null };

/**
 * Where an object's references come from, as far as the picture can see: names in frames and
 * slots of other objects, code constants, the AST arena and frames' value stacks (when the
 * interpreter reports them). `hidden` is how many of `rc` come from elsewhere (interpreter
 * tables the picture omits).
 */
export function referrersOf(step: Step, id: number): { seen: Referrer[]; hidden: number } {
  const seen: Referrer[] = [];
  const isIt = (v: SnapValue): boolean => v.t === 'obj' && v.id === id;
  for (const f of step.frames) {
    for (const [name, v] of f.locals) if (isIt(v)) seen.push({ from: 'name', fn: f.fn, name });
    for (const c of f.stack ?? []) if (c === id) seen.push({ from: 'stack', fn: f.fn });
  }
  for (const c of step.codeConsts ?? [])
    for (const k of c.ids) if (k === id) seen.push({ from: 'const', code: c.code });
  if (step.arena?.includes(id)) seen.push({ from: 'arena' });
  for (const o of Object.values(step.objects))
    for (const e of o.edges)
      if (!e.weak && isIt(e.to)) seen.push({ from: 'object', id: o.id, label: e.label });
  const rc = step.objects[id]?.rc ?? 0;
  return { seen, hidden: Math.max(0, rc - seen.length) };
}
