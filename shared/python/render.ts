/**
 * Engine action → the Python statement it stands for, for the client's code log and for
 * exporting a log as a runnable script (export.ts).
 *
 * Contracts:
 * - Render against the state *before* the action: that is when Python evaluates the statement.
 * - Objects are named from the current scope: a name bound to the object (the innermost frame's
 *   locals in co_varnames order, then module globals a local does not shadow), else the shortest
 *   path from such a name (`a.next[0]`, `d['k'].prev`, `w()`), breadth first, first found wins.
 * - An object no name reaches renders as `<unreachable #id>` (not valid Python; export refuses).
 */
import type {
  Action,
  EngineState,
  HeapObject,
  NewObject,
  ObjId,
  Place,
  Value,
} from '../engine/index.ts';
import { apply, cloneState } from '../engine/index.ts';

/** The names visible to a statement: one frame's locals (or none at module level) and globals. */
export interface Scope {
  locals: Record<string, Value> | null;
  varnames: string[];
  /** Globals hidden because the function has a local of that name. */
  shadowed: ReadonlySet<string>;
}

/** The innermost frame's scope (module scope when no call runs), or frame `depth` (1-based). */
export function scopeOf(
  state: EngineState,
  depth = state.frames.length,
  shadowed?: ReadonlySet<string>,
): Scope {
  const frame = depth > 0 ? state.frames[depth - 1] : undefined;
  if (!frame) return { locals: null, varnames: [], shadowed: new Set() };
  return {
    locals: frame.locals,
    varnames: frame.varnames,
    shadowed: shadowed ?? new Set(frame.varnames),
  };
}

function roots(state: EngineState, scope: Scope): [string, Value][] {
  const out: [string, Value][] = [];
  if (scope.locals) {
    const names = [
      ...scope.varnames,
      ...Object.keys(scope.locals).filter((n) => !scope.varnames.includes(n)),
    ];
    for (const n of names) {
      const v = scope.locals[n];
      if (v) out.push([n, v]);
    }
  }
  for (const [n, v] of Object.entries(state.globals)) {
    if (!scope.locals || !scope.shadowed.has(n)) out.push([n, v]);
  }
  return out;
}

/** Python string literal for a dict key. */
function keyLiteral(key: string): string {
  return `'${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function edges(state: EngineState, obj: HeapObject): [string, Value][] {
  switch (obj.kind) {
    case 'list':
      return obj.items.map((v, i) => [`[${i}]`, v]);
    case 'dict':
      return obj.entries.map(([k, v]) => [`[${keyLiteral(k)}]`, v]);
    case 'weakref':
      return obj.referent === null ? [] : [['()', { t: 'ref', id: obj.referent }]];
    case 'instance': {
      const dict = obj.dict === null ? null : state.objects[obj.dict];
      const attrs = dict?.kind === 'dict' ? dict.entries : obj.attrs;
      return attrs.map(([k, v]) => [`.${k}`, v]);
    }
  }
}

/** Shortest expression reaching object `id` in `scope`, or null (see the module contract). */
function pathTo(state: EngineState, scope: Scope, id: ObjId): string | null {
  const seen = new Set<ObjId>();
  let level: [string, ObjId][] = [];
  for (const [n, v] of roots(state, scope)) {
    if (v.t !== 'ref' || seen.has(v.id)) continue;
    if (v.id === id) return n;
    seen.add(v.id);
    level.push([n, v.id]);
  }
  while (level.length) {
    const next: [string, ObjId][] = [];
    for (const [path, from] of level) {
      const obj = state.objects[from];
      if (!obj) continue;
      for (const [step, v] of edges(state, obj)) {
        if (v.t !== 'ref' || seen.has(v.id)) continue;
        if (v.id === id) return path + step;
        seen.add(v.id);
        next.push([path + step, v.id]);
      }
    }
    level = next;
  }
  return null;
}

function objExpr(state: EngineState, scope: Scope, id: ObjId): string {
  return pathTo(state, scope, id) ?? `<unreachable #${id}>`;
}

function renderValue(state: EngineState, scope: Scope, v: Value): string {
  if (v.t === 'none') return 'None';
  if (v.t === 'int') return String(v.v);
  return objExpr(state, scope, v.id);
}

export function renderPlace(state: EngineState, scope: Scope, p: Place): string {
  switch (p.kind) {
    case 'name':
      return p.name;
    case 'item':
      return `${objExpr(state, scope, p.obj)}[${p.index}]`;
    case 'key':
      return `${objExpr(state, scope, p.obj)}[${keyLiteral(p.key)}]`;
    case 'attr':
      return `${objExpr(state, scope, p.obj)}.${p.name}`;
  }
}

function renderNew(state: EngineState, scope: Scope, o: NewObject): string {
  if (o.kind === 'list') return `[${o.items.map((v) => renderValue(state, scope, v)).join(', ')}]`;
  if (o.kind === 'dict')
    return `{${o.entries.map(([k, v]) => `${keyLiteral(k)}: ${renderValue(state, scope, v)}`).join(', ')}}`;
  return `${o.cls}()`;
}

export function renderClass(name: string, slots: string[] | null): string {
  if (slots === null) return `class ${name}:\n    pass`;
  const items = slots.map((s) => `'${s}'`);
  return `class ${name}:\n    __slots__ = (${items.join(', ')}${items.length === 1 ? ',' : ''})`;
}

/**
 * The Python statement for `action` in the state before it. A `call` renders as `f(a, b)`
 * (its result target is known only at the matching `return`, see `renderReturnTarget`); a
 * `return` renders as `return v`.
 */
export function renderAction(
  state: EngineState,
  action: Action,
  scope: Scope = scopeOf(state),
): string {
  const v = (x: Value): string => renderValue(state, scope, x);
  const o = (id: ObjId): string => objExpr(state, scope, id);
  const at = (p: Place): string => renderPlace(state, scope, p);
  switch (action.type) {
    case 'defineClass':
      return renderClass(action.name, action.slots);
    case 'new':
      return `${at(action.into)} = ${renderNew(state, scope, action.object)}`;
    case 'store':
      return `${at(action.into)} = ${v(action.value)}`;
    case 'delete':
      return `del ${at(action.at)}`;
    case 'append':
      return `${o(action.list)}.append(${v(action.value)})`;
    case 'pop':
      return action.into
        ? `${at(action.into)} = ${o(action.list)}.pop()`
        : `${o(action.list)}.pop()`;
    case 'clear':
      return `${o(action.obj)}.clear()`;
    case 'weakref':
      return `${at(action.into)} = weakref.ref(${o(action.referent)})`;
    case 'deref':
      return `${at(action.into)} = ${o(action.weakref)}()`;
    case 'call':
      return `${action.fn}(${action.args.map(v).join(', ')})`;
    case 'return':
      return action.value.t === 'none' ? 'return None' : `return ${v(action.value)}`;
    case 'collect':
      return action.generation === 2 ? 'gc.collect()' : `gc.collect(${action.generation})`;
    case 'gcEnable':
      return 'gc.enable()';
    case 'gcDisable':
      return 'gc.disable()';
    case 'setThreshold':
      return `gc.set_threshold(${action.thresholds.join(', ')})`;
  }
}

/** Where a `return` action stores its value, named in the caller's scope; null for a bare call. */
function renderReturnTarget(
  state: EngineState,
  action: Action & { type: 'return' },
): string | null {
  if (!action.into) return null;
  return renderPlace(state, scopeOf(state, state.frames.length - 1), action.into);
}

export interface LogLine {
  /** Call depth of the statement (0 = module level; a call's body is one deeper than the call). */
  depth: number;
  text: string;
  /** For a `return` with a target: where the caller stores the result (`x`, `a.next`). */
  target?: string;
}

/**
 * The code log of an action list from `initial`: one line per action, rendered in the state
 * before it. Stops at the first rejected action (a log of accepted actions never has one).
 */
export function renderLog(initial: EngineState, actions: Action[]): LogLine[] {
  const out: LogLine[] = [];
  // apply() changes its state in place: keep the caller's start state as it was.
  const state = cloneState(initial);
  for (const action of actions) {
    const line: LogLine = { depth: state.frames.length, text: renderAction(state, action) };
    if (action.type === 'return') {
      const target = renderReturnTarget(state, action);
      if (target !== null) line.target = target;
    }
    out.push(line);
    if (!apply(state, action).ok) break;
  }
  return out;
}
