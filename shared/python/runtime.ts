/**
 * The interpreter's run-time context. It holds no memory model: the heap, names, frames and
 * counts all live in the engine state, which changes only through `act` (one engine action).
 * The runtime keeps only what the engine does not model: printed output, the defined functions
 * and classes, imported modules, and the Python call stack for tracebacks.
 */
import type { Action, EngineEvent, EngineState, HeapObject, Undo, Value } from '../engine/index.ts';
import { apply, cloneState } from '../engine/index.ts';
import type { FunctionInfo } from './check.ts';
import type { PyExceptionType } from './errors.ts';
import { PyException } from './errors.ts';
import type { Gen0Bound } from './autogc.ts';
import { chargeGen0, heapIsEmpty } from './autogc.ts';
import { isPythonBuiltin } from './names.ts';

/** One Python frame: the module (info null) or a running call. */
interface PyFrame {
  info: FunctionInfo | null;
  /** Line being executed in this frame. */
  line: number;
}

export interface Runtime {
  state: EngineState;
  /** Printed text, one entry per print() call, each ending in '\n'. */
  out: string[];
  /** Every accepted action, in order (a replayable log of the run). */
  log: Action[];
  /** The engine events of those actions, in order, when the caller asked for them (else null). */
  events: EngineEvent[] | null;
  /**
   * In place (`inPlace`): the undo logs of those actions, in order, so the caller can revert
   * them last to first; null when the runtime works on its own copy of the state.
   */
  undos: Undo[] | null;
  functions: Map<string, FunctionInfo>;
  classes: Set<string>;
  modules: Set<string>;
  /** Python frames, module first; frames[k] (k >= 1) is the engine's frames[k - 1]. */
  frames: PyFrame[];
  /**
   * Whether an automatic collection may happen. The CLI refuses it (its exact moment in CPython
   * depends on free lists the engine does not model, so the output could differ); puzzle boards
   * allow it, as the engine's documented model of the 700-allocation threshold.
   */
  allowAutomaticCollection: boolean;
  /** Where CPython's automatic collections may fall (autogc.ts); unused when they are allowed. */
  gen0: Gen0Bound;
}

/** Deepest call nesting before the runner gives up (the subset has no conditionals, so deeper
 * recursion is always infinite; CPython would raise RecursionError). */
export const MAX_DEPTH = 150;

/**
 * A runtime over `state`. By default it runs on a copy (apply() changes states in place, and the
 * caller's state stays as it was); with `inPlace` it runs on `state` itself and keeps each
 * action's undo log (`undos`), so a caller can take the whole statement back.
 */
export function newRuntime(
  state: EngineState,
  opts: { allowAutomaticCollection?: boolean; keepEvents?: boolean; inPlace?: boolean } = {},
): Runtime {
  return {
    state: opts.inPlace ? state : cloneState(state),
    out: [],
    log: [],
    events: opts.keepEvents ? [] : null,
    undos: opts.inPlace ? [] : null,
    functions: new Map(),
    classes: new Set(),
    modules: new Set(),
    frames: [{ info: null, line: 0 }],
    allowAutomaticCollection: opts.allowAutomaticCollection ?? false,
    gen0: { bound: null, uncertain: false, pending: 0 },
  };
}

const AUTOMATIC_GC =
  'an automatic collection (gc enabled and the gen-0 threshold crossed): when CPython 3.11 starts one ' +
  'depends on its list and dict free lists, which are not modeled; call gc.collect() explicitly';

/** Applies one action; a rejection becomes the Python exception CPython raises for it. */
export function act(rt: Runtime, action: Action): EngineEvent[] {
  const heapWasEmpty = heapIsEmpty(rt.state);
  const r = apply(rt.state, action);
  if (!r.ok) {
    const py = r.error.python;
    const m = py ? /^([A-Za-z]+): (.*)$/s.exec(py) : null;
    if (m) throw new PyException(m[1] as PyExceptionType, m[2] as string);
    throw new PyException('unsupported', `the engine refused this statement: ${r.error.message}`);
  }
  rt.state = r.value.state;
  rt.undos?.push(r.value.undo);
  rt.log.push(action);
  rt.events?.push(...r.value.events);
  const allocated = r.value.events.filter((e) => e.type === 'allocated').length;
  chargeGen0(rt, allocated, heapWasEmpty);
  if (
    !rt.allowAutomaticCollection &&
    r.value.events.some((e) => e.type === 'collected' && e.trace.automatic)
  ) {
    raise('unsupported', AUTOMATIC_GC);
  }
  return r.value.events;
}

export function raise(type: PyExceptionType | 'unsupported', detail: string): never {
  throw new PyException(type, detail);
}

/** Reads a name as Python does in frame `depth` (an index into rt.frames). */
export function readName(rt: Runtime, depth: number, name: string): Value {
  const frame = rt.frames[depth] as PyFrame;
  if (frame.info?.locals.has(name)) {
    const v = rt.state.frames[depth - 1]?.locals[name];
    if (!v)
      raise(
        'UnboundLocalError',
        `cannot access local variable '${name}' where it is not associated with a value`,
      );
    return v;
  }
  const v = rt.state.globals[name];
  if (v) return v;
  return missingGlobal(rt, name);
}

function missingGlobal(rt: Runtime, name: string): never {
  if (rt.functions.has(name) || rt.classes.has(name) || rt.modules.has(name)) {
    raise('unsupported', `using '${name}' as a value`);
  }
  if (isPythonBuiltin(name)) raise('unsupported', `the builtin '${name}'`);
  return raise('NameError', `name '${name}' is not defined`);
}

/** The live heap object a ref points to (the engine guarantees refs in names are live). */
export function objectOf(rt: Runtime, v: Value): HeapObject | null {
  return v.t === 'ref' ? (rt.state.objects[v.id] ?? null) : null;
}

/** type(v).__name__ as CPython's messages print it. */
export function typeNameOf(rt: Runtime, v: Value): string {
  if (v.t === 'none') return 'NoneType';
  if (v.t === 'int') return 'int';
  const obj = rt.state.objects[v.id];
  if (!obj) return 'object';
  if (obj.kind === 'instance') return obj.cls;
  if (obj.kind === 'weakref') return 'weakref.ReferenceType';
  return obj.kind;
}
