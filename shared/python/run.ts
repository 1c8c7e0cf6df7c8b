/**
 * runPython(source): parse, check, then execute a script over a fresh engine state.
 *
 * Contract: never throws. stdout is exactly what CPython 3.11 prints for a supported script.
 * A compile error (SyntaxError, IndentationError, unsupported construct) prints nothing and
 * reports the line; a runtime error keeps everything printed before it and ends stderr with
 * CPython's last traceback line (`KeyError: 'k'`). Both give exit status 1.
 */
import type { Action, EngineState } from '../engine/index.ts';
import { createState } from '../engine/index.ts';
import type { Checked } from './check.ts';
import { classifyCompileError } from './classify.ts';
import { checkProgram } from './check.ts';
import { execStmt } from './exec.ts';
import { parseProgram } from './parser.ts';
import { compileMessage, runtimeMessage } from './report.ts';
import { newRuntime } from './runtime.ts';

export interface RunOptions {
  /** Shown in messages and tracebacks (CPython shows the script path). */
  filename?: string;
  /** Start from this state instead of a fresh interpreter (GC enabled, 700/10/10). */
  state?: EngineState;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1;
  /** The engine state at the end (or at the error). */
  state: EngineState;
  /** Every accepted engine action, in order: replaying it rebuilds `state`. */
  actions: Action[];
}

/** Parses and checks a script; throws CompileError (classified: see classify.ts). */
export function compile(source: string): Checked {
  try {
    return checkProgram(parseProgram(source));
  } catch (e) {
    throw classifyCompileError(e, source);
  }
}

/** Runs a script (see the module contract). */
export function runPython(source: string, opts: RunOptions = {}): RunResult {
  const filename = opts.filename ?? '<string>';
  const initial = opts.state ?? createState();
  let checked: Checked;
  try {
    checked = compile(source);
  } catch (e) {
    return {
      stdout: '',
      stderr: compileMessage(e, filename, source),
      exitCode: 1,
      state: initial,
      actions: [],
    };
  }
  const rt = newRuntime(initial);
  let stderr = '';
  try {
    for (const st of checked.program.body) execStmt(rt, st, checked.functions);
  } catch (e) {
    stderr = runtimeMessage(e, rt, filename, checked.program);
  }
  return {
    stdout: rt.out.join(''),
    stderr,
    exitCode: stderr ? 1 : 0,
    state: rt.state,
    actions: rt.log,
  };
}
