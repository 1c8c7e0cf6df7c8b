/**
 * The trace recorder on the campaign's engine runner (`shared/python/run.ts`), exact on the
 * puzzle subset: a step per top-level statement, and inside a call the frame appearing
 * (parameters bound) and the frame about to leave (its body done). A program outside that
 * subset is refused with the runner's own text (`unsupported: X at line N`), never half run.
 */
import type { Action, EngineState, GcTrace, Value } from '../../engine/index.ts';
import { apply, cloneState, createState } from '../../engine/index.ts';
import type { Stmt } from '../ast.ts';
import type { Checked, FunctionInfo } from '../check.ts';
import { CompileError } from '../errors.ts';
import { execStmt } from '../exec.ts';
import { compileMessage, runtimeMessage } from '../report.ts';
import { compile } from '../run.ts';
import { newRuntime } from '../runtime.ts';
import type { SnapEdge, SnapFrame, SnapObject, SnapValue, StepEvent, Trace } from './snapshot.ts';
import { TraceBuilder } from './snapshot.ts';

/** Shown in tracebacks, as CPython shows the script's path. */
const FILENAME = 'playground.py';

export function recordEngineTrace(source: string, limit?: number): Trace {
  const builder = new TraceBuilder(limit);
  const trace = (error: Trace['error']): Trace => ({
    version: 1,
    source,
    engine: 'engine',
    steps: builder.steps,
    capped: builder.capped,
    error,
  });
  let checked: Checked;
  try {
    checked = compile(source);
  } catch (e) {
    const line = e instanceof CompileError ? e.line : 0;
    builder.add(stepData(createState(), 'exception', line, [], ''));
    return trace({ line, text: compileMessage(e, FILENAME, source) });
  }
  const rt = newRuntime(createState());
  let shown = cloneState(rt.state);
  for (const st of checked.program.body) {
    if (!builder.add(stepData(rt.state, 'line', st.line, [], rt.out.join('')))) break;
    const logged = rt.log.length;
    const stdout = rt.out.join('');
    try {
      execStmt(rt, st, checked.functions);
    } catch (e) {
      recordInside(builder, shown, rt.log.slice(logged), st, checked, stdout);
      const line = rt.frames[rt.frames.length - 1]?.line ?? st.line;
      builder.add(stepData(rt.state, 'exception', line, [], rt.out.join('')));
      return trace({ line, text: runtimeMessage(e, rt, FILENAME, checked.program) });
    }
    recordInside(builder, shown, rt.log.slice(logged), st, checked, stdout);
    shown = cloneState(rt.state);
  }
  builder.add(stepData(rt.state, 'end', 0, [], rt.out.join('')));
  return trace(null);
}

/**
 * Replays one statement's engine actions from the state before it, recording the moments the
 * picture must show: a frame pushed (`call`), a frame about to pop (`return`), a collection (`gc`,
 * drawn over the heap before it). The statement's own line stays current in the module frame.
 */
function recordInside(
  builder: TraceBuilder,
  before: EngineState,
  actions: Action[],
  st: Stmt,
  checked: Checked,
  stdout: string,
): void {
  const state = cloneState(before);
  const calls: FunctionInfo[] = [];
  const lines = (): number[] => calls.map((f) => f.body[f.body.length - 1]?.line ?? f.line);
  for (const action of actions) {
    if (action.type === 'return') {
      builder.add(stepData(state, 'return', lines().at(-1) ?? st.line, [st.line], stdout));
    }
    const r = apply(state, action);
    if (!r.ok) return;
    if (action.type === 'return') calls.pop();
    if (action.type === 'call') {
      const info = [...checked.functions.values()].find((f) => f.name === action.fn);
      if (info) calls.push(info);
      const first = info?.body[0]?.line ?? st.line;
      builder.add(stepData(state, 'call', first, [st.line], stdout));
    }
    const collected = r.value.events.find((e) => e.type === 'collected');
    if (collected) builder.add(gcStep(before, actions, action, collected.trace, st, stdout));
  }
}

/** The `gc` step: the heap just before the collection, with the collector's phases. */
function gcStep(
  before: EngineState,
  actions: Action[],
  at: Action,
  gc: GcTrace,
  st: Stmt,
  stdout: string,
): ReturnType<typeof stepData> {
  const state = cloneState(before);
  for (const a of actions) {
    if (a === at) break;
    apply(state, a);
  }
  return { ...stepData(state, 'gc', st.line, [], stdout), gc };
}

/** One step's data from an engine state; `outer` lines are those of the module frame and calls. */
function stepData(
  state: EngineState,
  event: StepEvent,
  line: number,
  outer: number[],
  stdout: string,
): {
  event: StepEvent;
  line: number;
  frames: SnapFrame[];
  objects: Record<number, SnapObject>;
  stdout: string;
  gc: GcTrace | null;
} {
  const frames: SnapFrame[] = [
    { fn: null, line: outer[0] ?? line, locals: Object.entries(state.globals).map(named) },
    ...state.frames.map((f, i) => ({
      fn: f.fn,
      line: i === state.frames.length - 1 ? line : (outer[i + 1] ?? line),
      locals: f.varnames.filter((n) => n in f.locals).map((n) => named([n, f.locals[n]!])),
    })),
  ];
  const objects: Record<number, SnapObject> = {};
  for (const o of Object.values(state.objects)) objects[o.id] = snapObject(state, o.id);
  return { event, line, frames, objects, stdout, gc: null };
}

function named([name, v]: [string, Value]): [string, SnapValue] {
  return [name, snapValue(v)];
}

function snapValue(v: Value): SnapValue {
  if (v.t === 'ref') return { t: 'obj', id: v.id };
  return { t: 'imm', text: v.t === 'int' ? String(v.v) : 'None' };
}

function snapObject(state: EngineState, id: number): SnapObject {
  const o = state.objects[id]!;
  const base = { id, rc: o.rc, tracked: o.gen !== null };
  const edge = (label: string, v: Value): SnapEdge => ({ label, to: snapValue(v) });
  switch (o.kind) {
    case 'list':
      return {
        ...base,
        type: 'list',
        label: 'list',
        edges: o.items.map((v, i) => edge(`[${i}]`, v)),
      };
    case 'dict':
      return {
        ...base,
        type: 'dict',
        label: 'dict',
        edges: o.entries.map(([k, v]) => edge(`'${k}'`, v)),
      };
    case 'instance': {
      const edges = o.attrs.map(([k, v]) => edge(`.${k}`, v));
      if (o.dict !== null) edges.push(edge('__dict__', { t: 'ref', id: o.dict }));
      return { ...base, type: o.cls, label: o.cls, edges };
    }
    case 'weakref': {
      const edges: SnapEdge[] =
        o.referent === null
          ? []
          : [{ label: 'referent', to: { t: 'obj', id: o.referent }, weak: true }];
      return { ...base, type: 'weakref', label: 'weakref', edges };
    }
  }
}
