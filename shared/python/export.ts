/**
 * Export an action log as a runnable Python script with the standard preamble, so a solution
 * can be run in CPython.
 *
 * Contracts:
 * - Every `call` … `return` span becomes a `def` emitted at module level before the top-level
 *   statement that calls it, and a call statement `target = f(args)` (or `f(args)`).
 *   Identical bodies share one def; different bodies of one function get `f_2`, `f_3`, …
 * - Classes are defined in the preamble, before its `gc.collect()` (class creation leaves
 *   start-up garbage, as in the oracle corpus).
 * - With `probe`, every collection is printed and the script ends by printing
 *   `sys.getrefcount(name)` for each module name bound to an object; `expected` is then what
 *   the engine says CPython must print.
 * - Refuses (ok: false) a start state with objects or running calls, a rejected action, a log
 *   ending inside a call, or an object no name reaches.
 */
import type { Action, EngineState, Value } from '../engine/index.ts';
import { apply, cloneState } from '../engine/index.ts';
import type { Result } from '../engine/index.ts';
import type { Scope } from './render.ts';
import { renderAction, renderClass, renderPlace, scopeOf } from './render.ts';

export interface ExportOptions {
  probe?: boolean;
}

export interface Exported {
  source: string;
  /** With `probe`: the stdout CPython must produce. */
  expected: string;
  /** The engine state after the whole log. */
  state: EngineState;
}

interface Ctx {
  state: EngineState;
  actions: Action[];
  i: number;
  defs: Map<string, string>;
  out: string[];
  expected: string[];
  probe: boolean;
}

class ExportError extends Error {}

const PREAMBLE_IMPORTS = 'import gc, sys, weakref\ngc.disable()\n\n';

/** Renders a log as a script (see the module contract). */
export function exportProgram(
  initial: EngineState,
  actions: Action[],
  opts: ExportOptions = {},
): Result<Exported, string> {
  if (Object.keys(initial.objects).length || initial.frames.length)
    return { ok: false, error: 'the start state must have an empty heap and no running call' };
  const classes = [
    ...Object.values(initial.classes).map((c) =>
      renderClass(
        c.name,
        c.slots === null ? null : [...c.slots, ...(c.weakrefable ? ['__weakref__'] : [])],
      ),
    ),
    ...actions.flatMap((a) => (a.type === 'defineClass' ? [renderClass(a.name, a.slots)] : [])),
  ];
  const ctx: Ctx = {
    // apply() changes its state in place: keep the caller's start state as it was.
    state: cloneState(initial),
    actions,
    i: 0,
    defs: new Map(),
    out: [],
    expected: [],
    probe: opts.probe === true,
  };
  const head = [PREAMBLE_IMPORTS, ...classes.map((c) => `${c}\n\n`), 'gc.collect()'];
  if (initial.gc.enabled) head.push('gc.enable()');
  if (initial.gc.thresholds.join() !== '700,10,10')
    head.push(`gc.set_threshold(${initial.gc.thresholds.join(', ')})`);
  try {
    while (ctx.i < actions.length) moduleStatement(ctx);
    if (ctx.probe) probeNames(ctx);
  } catch (e) {
    if (e instanceof ExportError) return { ok: false, error: e.message };
    throw e;
  }
  const source = `${head.join('\n')}\n${ctx.out.join('\n')}\n`;
  return { ok: true, value: { source, expected: ctx.expected.join(''), state: ctx.state } };
}

/** Applies the next action; returns the collection result when it was a collect. */
function step(ctx: Ctx): number | null {
  const action = ctx.actions[ctx.i] as Action;
  const r = apply(ctx.state, action);
  if (!r.ok) throw new ExportError(`action ${ctx.i} was rejected: ${r.error.message}`);
  ctx.state = r.value.state;
  ctx.i++;
  const collected = r.value.events.find((e) => e.type === 'collected');
  return collected?.type === 'collected' ? collected.trace.result : null;
}

function checked(text: string): string {
  if (text.includes('<unreachable #'))
    throw new ExportError(`no name reaches an object in: ${text}`);
  return text;
}

/** One statement at module level (a call span becomes defs plus one call statement). */
function moduleStatement(ctx: Ctx): void {
  const action = ctx.actions[ctx.i] as Action;
  if (action.type === 'call') {
    const defs: string[] = [];
    const call = callSpan(ctx, defs, scopeOf(ctx.state));
    ctx.out.push(...defs, call);
    return;
  }
  ctx.out.push(...simpleStatement(ctx, scopeOf(ctx.state)));
}

/** A statement that is not a call; returns its line(s) (none for a class, already hoisted). */
function simpleStatement(ctx: Ctx, scope: Scope): string[] {
  const action = ctx.actions[ctx.i] as Action;
  const text = checked(renderAction(ctx.state, action, scope));
  const result = step(ctx);
  if (action.type === 'defineClass') return [];
  if (result !== null && ctx.probe) {
    ctx.expected.push(`${result}\n`);
    return [`print(${text})`];
  }
  return [text];
}

/** Renders the call at ctx.i through its return; pushes needed defs; returns the call line. */
function callSpan(ctx: Ctx, defs: string[], caller: Scope): string {
  const call = ctx.actions[ctx.i] as Action & { type: 'call' };
  const callText = checked(renderAction(ctx.state, call, caller));
  const shadow = new Set([...call.params, ...call.locals, ...spanLocals(ctx)]);
  step(ctx);
  const depth = ctx.state.frames.length;
  const scope = (): Scope => scopeOf(ctx.state, depth, shadow);
  const body: string[] = [];
  const globals = new Set<string>();
  for (;;) {
    const a = ctx.actions[ctx.i];
    if (!a) throw new ExportError('the log ends inside a call');
    if (a.type === 'call') body.push(callSpan(ctx, defs, scope()));
    else if (a.type === 'return') break;
    else {
      if (
        (a.type === 'new' || a.type === 'store') &&
        a.into.kind === 'name' &&
        a.into.scope === 'global'
      )
        globals.add(a.into.name);
      body.push(...simpleStatement(ctx, scope()));
    }
  }
  const ret = ctx.actions[ctx.i] as Action & { type: 'return' };
  body.push(checked(renderAction(ctx.state, ret, scope())));
  const target = ret.into
    ? renderPlace(ctx.state, { ...caller, locals: callerLocals(ctx.state, depth) }, ret.into)
    : null;
  step(ctx);
  const name = defName(ctx, call, [...[...globals].map((g) => `global ${g}`), ...body], defs);
  const text = callText.replace(/^[^(]*/, name);
  return target === null ? text : `${checked(target)} = ${text}`;
}

/** The caller's locals (fresh from the current state), or null at module level. */
function callerLocals(state: EngineState, calleeDepth: number): Record<string, Value> | null {
  return calleeDepth > 1 ? (state.frames[calleeDepth - 2]?.locals ?? null) : null;
}

/** Names the span's body binds in its own frame (locals that shadow globals). */
function spanLocals(ctx: Ctx): string[] {
  const out: string[] = [];
  let depth = 0;
  for (let j = ctx.i + 1; j < ctx.actions.length; j++) {
    const a = ctx.actions[j] as Action;
    if (a.type === 'call') depth++;
    else if (a.type === 'return' && depth-- === 0) break;
    else if (
      depth === 0 &&
      (a.type === 'new' ||
        a.type === 'store' ||
        a.type === 'pop' ||
        a.type === 'weakref' ||
        a.type === 'deref')
    ) {
      const into = a.into;
      if (into?.kind === 'name' && into.scope === 'frame') out.push(into.name);
    } else if (depth === 0 && a.type === 'delete' && a.at.kind === 'name' && a.at.scope === 'frame')
      out.push(a.at.name);
  }
  return out;
}

/** Finds or creates the def for this body; returns the function name to call. */
function defName(
  ctx: Ctx,
  call: Action & { type: 'call' },
  body: string[],
  defs: string[],
): string {
  const lines = body.length ? body : ['pass'];
  const key = `${call.fn}(${call.params.join(',')})\n${lines.join('\n')}`;
  const known = ctx.defs.get(key);
  if (known) return known;
  const taken = new Set(ctx.defs.values());
  let name = call.fn;
  for (let n = 2; taken.has(name); n++) name = `${call.fn}_${n}`;
  ctx.defs.set(key, name);
  defs.push(
    [`def ${name}(${call.params.join(', ')}):`, ...lines.map((l) => `    ${l}`)].join('\n'),
  );
  return name;
}

function probeNames(ctx: Ctx): void {
  for (const [name, v] of Object.entries(ctx.state.globals) as [string, Value][]) {
    if (v.t !== 'ref') continue;
    const obj = ctx.state.objects[v.id];
    if (!obj) continue;
    ctx.out.push(`print(sys.getrefcount(${name}))`);
    ctx.expected.push(`${obj.rc + 1}\n`);
  }
}
