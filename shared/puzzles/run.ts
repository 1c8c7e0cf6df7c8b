/**
 * A thin statement-at-a-time adapter over the Python runner (shared/python), which itself runs
 * whole scripts. Puzzles need two things from it:
 * - `runSetup(body)`: run the preamble and a setup program; keep the state and the definitions;
 * - `execStatement(ctx, state, stmt)`: run ONE statement on an existing state and report the new
 *   state, the engine events and what it printed, or the Python error (nothing changes then).
 *   By default on a copy of the state; `inPlace` on the state itself, a refused statement being
 *   taken back from the engine's undo logs (no copy per statement).
 *
 * A statement is checked with the setup's functions and classes as prior definitions (as the
 * runner's sessions do), so `f(a)` is a call and `Node()` an instantiation, then executed with the
 * setup's real function bodies. The runtime keeps the engine events of the statement's actions as
 * it applies them (keepEvents).
 */
import type { Action, EngineEvent, EngineState, Result } from '../engine/index.ts';
import { createState, err, ok, revert } from '../engine/index.ts';
import type { FunctionInfo } from '../python/check.ts';
import { CompileError, PyException, compile, parseProgram } from '../python/index.ts';
import { checkProgram } from '../python/check.ts';
import type { Stmt } from '../python/index.ts';
import { execStmt } from '../python/exec.ts';
import { newRuntime } from '../python/runtime.ts';
import { MODULES } from '../python/ast.ts';
import { MODELED_BUILTINS } from '../python/names.ts';
import type { Runtime } from '../python/runtime.ts';
import type { MoveError } from './contract.ts';
import { PREAMBLE_LINES, withPreamble } from './preamble.ts';

/** What the setup defined: functions with their bodies, classes and imported modules. */
export interface RunContext {
  functions: ReadonlyMap<string, FunctionInfo>;
  classes: ReadonlySet<string>;
  modules: ReadonlySet<string>;
  /** Names that are never values: functions, classes, modules, print and len. */
  special: ReadonlySet<string>;
  /** Memo of checked statements (the solver replays the same few hundred many times). */
  compiled: Map<string, Result<Compiled, MoveError>>;
}

interface Compiled {
  stmt: Stmt;
  functions: Map<Stmt, FunctionInfo>;
}

const COMPILED_LIMIT = 4096;

export interface Executed {
  state: EngineState;
  events: EngineEvent[];
  /** Printed lines, without their '\n'. */
  output: string[];
  /** The engine actions the statement ran, in order (the picture steps through a call with them). */
  actions: readonly Action[];
}

/** Run the preamble and `setup`; any Python error is an authoring error reported as a MoveError. */
export function runSetup(
  setup: string,
): Result<{ state: EngineState; ctx: RunContext; output: string[] }, MoveError> {
  const source = withPreamble(setup);
  let body: Stmt[];
  let functions: Map<Stmt, FunctionInfo>;
  try {
    const checked = compile(source);
    body = checked.program.body;
    functions = checked.functions;
  } catch (e) {
    return err(toMoveError(e, -PREAMBLE_LINES));
  }
  const rt = newRuntime(createState(), { allowAutomaticCollection: true });
  try {
    for (const st of body) execStmt(rt, st, functions);
  } catch (e) {
    return err(toMoveError(e, -PREAMBLE_LINES));
  }
  return ok({ state: rt.state, ctx: contextOf(rt), output: splitOutput(rt.out) });
}

function contextOf(rt: Runtime): RunContext {
  return {
    functions: new Map(rt.functions),
    classes: new Set(rt.classes),
    modules: new Set(rt.modules),
    special: new Set([...rt.functions.keys(), ...rt.classes, ...MODULES, ...MODELED_BUILTINS]),
    compiled: new Map(),
  };
}

export interface ExecOptions {
  /** Collect the engine events (the solver only needs states). */
  events: boolean;
  /**
   * Run on `state` itself: an accepted statement changes it in place (the result's `state` is
   * the same object) and its cost is what it touches; a refused one is taken back action by
   * action from the engine's undo logs. Without it, `state` is never mutated (the runner works
   * on a copy): for callers that still need the state before the move.
   */
  inPlace?: boolean;
}

/**
 * Run one statement on `state` (never mutated, unless `inPlace`). Errors leave everything
 * unchanged.
 */
export function execStatement(
  ctx: RunContext,
  state: EngineState,
  statement: string,
  opts: ExecOptions = { events: true },
): Result<Executed, MoveError> {
  const compiled = compileStatement(ctx, statement);
  if (!compiled.ok) return compiled;
  const rt = newRuntime(state, {
    allowAutomaticCollection: true,
    keepEvents: opts.events,
    inPlace: opts.inPlace === true,
  });
  for (const [k, v] of ctx.functions) rt.functions.set(k, v);
  for (const c of ctx.classes) rt.classes.add(c);
  for (const m of ctx.modules) rt.modules.add(m);
  try {
    execStmt(rt, compiled.value.stmt, compiled.value.functions);
  } catch (e) {
    takeBack(rt);
    return err(toMoveError(e, 0));
  }
  return ok({
    state: rt.state,
    events: rt.events ?? [],
    output: splitOutput(rt.out),
    actions: rt.log,
  });
}

/** Reverts an in-place runtime's accepted actions, last first: the state is as it was. */
function takeBack(rt: Runtime): void {
  const undos = rt.undos;
  if (undos === null) return;
  for (let i = undos.length - 1; i >= 0; i--) revert(rt.state, undos[i]!);
}

/** Only check a statement (syntax and subset); nothing runs. */
export function checkStatement(ctx: RunContext, statement: string): Result<null, MoveError> {
  const c = compileStatement(ctx, statement);
  return c.ok ? ok(null) : c;
}

/** Check a statement against the setup's definitions (memoized per context). */
function compileStatement(ctx: RunContext, statement: string): Result<Compiled, MoveError> {
  const hit = ctx.compiled.get(statement);
  if (hit) return hit;
  let result: Result<Compiled, MoveError>;
  try {
    const checked = checkProgram(parseProgram(`${statement}\n`), {
      defs: ctx.functions.keys(),
      classes: ctx.classes,
    });
    const body = checked.program.body;
    result =
      body.length === 1 && body[0]?.s !== 'def' && body[0]?.s !== 'class'
        ? ok({ stmt: body[0] as Stmt, functions: checked.functions })
        : err({ code: 'move/unsupported', message: 'One statement per move, please.', line: 1 });
  } catch (e) {
    result = err(toMoveError(e, 0));
  }
  if (ctx.compiled.size >= COMPILED_LIMIT) ctx.compiled.clear();
  ctx.compiled.set(statement, result);
  return result;
}

function splitOutput(out: readonly string[]): string[] {
  return out.join('').split('\n').slice(0, -1);
}

/** CompileError → move/syntax or move/unsupported; PyException → python/<Type>. */
function toMoveError(e: unknown, lineOffset: number): MoveError {
  if (e instanceof CompileError) {
    const code = e.kind === 'unsupported' ? 'move/unsupported' : 'move/syntax';
    const message =
      e.kind === 'unsupported' ? `Not supported here: ${e.detail}` : `${e.kind}: ${e.detail}`;
    return { code, message, line: Math.max(1, e.line - lineOffset) };
  }
  if (e instanceof PyException) {
    if (e.type === 'unsupported')
      return { code: 'move/unsupported', message: `Not supported here: ${e.detail}` };
    return { code: `python/${e.type}`, message: `${e.type}: ${e.detail}` };
  }
  throw e;
}
