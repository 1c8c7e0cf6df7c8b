/**
 * Statement execution: each statement becomes engine actions, in CPython's evaluation order
 * (right-hand side first, then the target; the engine binds the new value before releasing the
 * old one). Function calls push an engine frame, run the body, and `return` into the place the
 * caller names (evaluated after the call, as CPython does).
 */
import type { NewObject, Place, Value } from '../engine/index.ts';
import type { Expr, Stmt } from './ast.ts';
import { chargeGen0, checkAfterStatement, heapIsEmpty, statementCharge } from './autogc.ts';
import { checkWeakrefable, collect, moduleFunction, print, requireModule } from './builtins.ts';
import type { FunctionInfo } from './check.ts';
import { moduleCall } from './check.ts';
import { derefValue, evalPlace, evalRead, readAttr } from './eval.ts';
import type { Runtime } from './runtime.ts';
import { act, MAX_DEPTH, objectOf, raise } from './runtime.ts';

const NONE: Value = { t: 'none' };

/** Result of running a statement: the value of a `return`, or null to go on. */
export type Flow = { returned: Value } | null;

/** Runs one statement in the innermost frame. */
export function execStmt(rt: Runtime, st: Stmt, functions: Map<Stmt, FunctionInfo>): Flow {
  const depth = rt.frames.length - 1;
  (rt.frames[depth] as { line: number }).line = st.line;
  const charge = statementCharge(st);
  rt.gen0.pending = charge;
  chargeGen0(rt, charge, heapIsEmpty(rt.state));
  const flow = runStatement(rt, depth, st, functions);
  checkAfterStatement(rt, charge);
  return flow;
}

function runStatement(
  rt: Runtime,
  depth: number,
  st: Stmt,
  functions: Map<Stmt, FunctionInfo>,
): Flow {
  switch (st.s) {
    case 'import':
      st.modules.forEach((m) => rt.modules.add(m));
      return null;
    case 'class':
      act(rt, { type: 'defineClass', name: st.name, slots: st.slots });
      rt.classes.add(st.name);
      return null;
    case 'def':
      rt.functions.set(st.name, functions.get(st) as FunctionInfo);
      return null;
    case 'pass':
      return null;
    case 'assign':
      assign(rt, depth, st.target, st.value, functions);
      return null;
    case 'del':
      for (const t of st.targets) act(rt, { type: 'delete', at: evalPlace(rt, depth, t, 'del') });
      return null;
    case 'expr':
      exprStatement(rt, depth, st.expr, functions);
      return null;
    case 'return':
      return { returned: st.value ? evalRead(rt, depth, st.value) : NONE };
  }
}

function assign(
  rt: Runtime,
  depth: number,
  target: Expr,
  value: Expr,
  fns: Map<Stmt, FunctionInfo>,
): void {
  const into = (): Place => evalPlace(rt, depth, target, 'store');
  if (value.e === 'list') {
    const items = value.items.map((i) => evalRead(rt, depth, i));
    // CPython folds a display of 3+ literals into LIST_EXTEND of a constant tuple.
    const constant =
      items.length > 2 &&
      value.items.every((i) => i.e === 'none' || i.e === 'int' || i.e === 'bool' || i.e === 'str');
    act(rt, {
      type: 'new',
      object: { kind: 'list', items, ...(constant ? { constant } : {}) },
      into: into(),
    });
  } else if (value.e === 'dict') {
    act(rt, { type: 'new', object: dictObject(rt, depth, value.entries), into: into() });
  } else if (value.e === 'call') {
    assignCall(rt, depth, value, target, fns);
  } else {
    const v = evalRead(rt, depth, value);
    act(rt, { type: 'store', into: into(), value: v });
  }
}

/** A dict display; a repeated key keeps its first position and its last value, as CPython. */
function dictObject(rt: Runtime, depth: number, entries: [Expr, Expr][]): NewObject {
  // Repeated keys stay in: the engine keeps the last value, and sizes the table from the
  // display's length, as BUILD_CONST_KEY_MAP does.
  const out = entries.map(([k, v]): [string, Value] => [
    (k as Expr & { e: 'str' }).v,
    evalRead(rt, depth, v),
  ]);
  return { kind: 'dict', entries: out };
}

function assignCall(
  rt: Runtime,
  depth: number,
  call: Expr & { e: 'call' },
  target: Expr,
  fns: Map<Stmt, FunctionInfo>,
): void {
  const into = (): Place => evalPlace(rt, depth, target, 'store');
  const mc = moduleCall(call);
  if (mc) requireModule(rt, mc[0]);
  if (mc?.[0] === 'weakref') {
    const v = evalRead(rt, depth, call.args[0] as Expr);
    checkWeakrefable(rt, v);
    act(rt, { type: 'weakref', referent: (v as Value & { t: 'ref' }).id, into: into() });
  } else if (mc) {
    const result = collect(rt, call.args);
    if (result > 256)
      raise('unsupported', `storing the int ${result} (only small ints are modeled)`);
    act(rt, { type: 'store', into: into(), value: { t: 'int', v: result } });
  } else if (call.fn.e === 'attr' && call.fn.name === 'pop') {
    methodCall(rt, depth, call.fn.obj, 'pop', call.args, target);
  } else if (call.fn.e === 'name' && (rt.classes.has(call.fn.id) || rt.functions.has(call.fn.id))) {
    callNamed(rt, depth, call.fn.id, call.args, target, fns);
  } else {
    const w = derefTarget(rt, depth, call);
    act(rt, { type: 'deref', weakref: w, into: into() });
  }
}

/** Evaluates `W` of a `W()` call; raises TypeError unless it is a weakref. */
function derefTarget(rt: Runtime, depth: number, call: Expr & { e: 'call' }): number {
  const w = evalRead(rt, depth, call.fn);
  derefValue(rt, w);
  if (call.args.length > 0) raise('unsupported', 'calling a weakref with arguments');
  return (w as Value & { t: 'ref' }).id;
}

function exprStatement(rt: Runtime, depth: number, x: Expr, fns: Map<Stmt, FunctionInfo>): void {
  if (x.e !== 'call') {
    evalRead(rt, depth, x);
    return;
  }
  const mc = moduleCall(x);
  if (mc) requireModule(rt, mc[0]);
  if (mc && mc[0] === 'weakref') checkWeakrefable(rt, evalRead(rt, depth, x.args[0] as Expr));
  else if (mc) moduleFunction(rt, depth, mc[0], mc[1], x.args);
  else if (x.fn.e === 'name' && x.fn.id === 'print') print(rt, depth, x.args);
  else if (x.fn.e === 'attr' && ['append', 'pop', 'clear'].includes(x.fn.name))
    methodCall(rt, depth, x.fn.obj, x.fn.name, x.args, null);
  else if (x.fn.e === 'name' && (rt.classes.has(x.fn.id) || rt.functions.has(x.fn.id)))
    callNamed(rt, depth, x.fn.id, x.args, null, fns);
  else derefTarget(rt, depth, x);
}

/** `Y.append(Z)`, `Y.pop()`, `Y.clear()` on a list or dict; on anything else an attribute call. */
function methodCall(
  rt: Runtime,
  depth: number,
  objExpr: Expr,
  name: string,
  args: Expr[],
  target: Expr | null,
): void {
  const self = evalRead(rt, depth, objExpr);
  const obj = objectOf(rt, self);
  if (obj?.kind === 'list' || obj?.kind === 'dict')
    return containerMethod(rt, depth, self, name, args, target);
  const fn = readAttr(rt, self, name);
  derefValue(rt, fn);
  raise('unsupported', 'calling a weakref stored in an attribute');
}

function containerMethod(
  rt: Runtime,
  depth: number,
  self: Value,
  name: string,
  args: Expr[],
  target: Expr | null,
): void {
  const obj = objectOf(rt, self);
  const id = (self as Value & { t: 'ref' }).id;
  const kind = obj?.kind as 'list' | 'dict';
  if (kind === 'dict' && name === 'append')
    raise('AttributeError', "'dict' object has no attribute 'append'");
  if (kind === 'dict' && name === 'pop')
    raise('TypeError', 'pop expected at least 1 argument, got 0');
  if (name === 'append') {
    if (args.length !== 1)
      raise('TypeError', `list.append() takes exactly one argument (${args.length} given)`);
    act(rt, { type: 'append', list: id, value: evalRead(rt, depth, args[0] as Expr) });
  } else if (name === 'clear') {
    act(rt, { type: 'clear', obj: id });
  } else {
    if (obj?.kind === 'list' && obj.items.length === 0) raise('IndexError', 'pop from empty list');
    act(rt, { type: 'pop', list: id, into: target ? evalPlace(rt, depth, target, 'store') : null });
  }
}

/** `C()` or `f(a, b)`, the result stored into `target` (or dropped when null). */
function callNamed(
  rt: Runtime,
  depth: number,
  name: string,
  argExprs: Expr[],
  target: Expr | null,
  fns: Map<Stmt, FunctionInfo>,
): void {
  if (rt.classes.has(name)) {
    if (argExprs.length > 0) raise('TypeError', `${name}() takes no arguments`);
    if (target)
      act(rt, {
        type: 'new',
        object: { kind: 'instance', cls: name },
        into: evalPlace(rt, depth, target, 'store'),
      });
    return;
  }
  const info = rt.functions.get(name) as FunctionInfo;
  const args = argExprs.map((a) => evalRead(rt, depth, a));
  checkArity(info, args.length);
  if (rt.frames.length > MAX_DEPTH)
    raise(
      'unsupported',
      `calls nested deeper than ${MAX_DEPTH} (endless recursion: CPython raises RecursionError)`,
    );
  act(rt, { type: 'call', fn: name, params: info.params, locals: info.varnames, args });
  rt.frames.push({ info, line: info.line });
  let value: Value = NONE;
  for (const st of info.body) {
    const flow = execStmt(rt, st, fns);
    if (flow) {
      value = flow.returned;
      break;
    }
  }
  rt.frames.pop();
  finishCall(rt, depth, value, target);
}

/** Evaluates the caller's target after the call (CPython's order), then returns into it. */
function finishCall(rt: Runtime, depth: number, value: Value, target: Expr | null): void {
  let into: Place | null;
  try {
    into = target ? evalPlace(rt, depth, target, 'store') : null;
  } catch (e) {
    act(rt, { type: 'return', value, into: null });
    throw e;
  }
  act(rt, { type: 'return', value, into });
}

function checkArity(info: FunctionInfo, given: number): void {
  const n = info.params.length;
  if (given > n) {
    const takes = `${n} positional argument${n === 1 ? '' : 's'}`;
    raise(
      'TypeError',
      `${info.name}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`,
    );
  }
  if (given < n) {
    const missing = info.params.slice(given).map((p) => `'${p}'`);
    const last = missing[missing.length - 1];
    const list =
      missing.length === 1
        ? last
        : `${missing.slice(0, -1).join(', ')}${missing.length > 2 ? ',' : ''} and ${last}`;
    raise(
      'TypeError',
      `${info.name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`,
    );
  }
}
