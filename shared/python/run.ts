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
import type { Program } from './ast.ts';
import type { Checked } from './check.ts';
import { checkProgram } from './check.ts';
import { CompileError, PyException, SUPPORTED_SUMMARY } from './errors.ts';
import { execStmt } from './exec.ts';
import { parseProgram } from './parser.ts';
import type { Runtime } from './runtime.ts';
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

/** Parses and checks a script; throws CompileError. */
export function compile(source: string): Checked {
  return checkProgram(parseProgram(source));
}

/** Runs a script (see the module contract). */
export function runPython(source: string, opts: RunOptions = {}): RunResult {
  const filename = opts.filename ?? '<string>';
  const initial = opts.state ?? createState();
  let checked: Checked;
  try {
    checked = compile(source);
  } catch (e) {
    return { stdout: '', stderr: compileMessage(e, filename, source), exitCode: 1, state: initial, actions: [] };
  }
  const rt = newRuntime(initial);
  let stderr = '';
  try {
    for (const st of checked.program.body) execStmt(rt, st, checked.functions);
  } catch (e) {
    stderr = runtimeMessage(e, rt, filename, checked.program);
  }
  return { stdout: rt.out.join(''), stderr, exitCode: stderr ? 1 : 0, state: rt.state, actions: rt.log };
}

function compileMessage(e: unknown, filename: string, source: string): string {
  if (!(e instanceof CompileError)) return internalError(e);
  const text = (source.replace(/\r\n?/g, '\n').split('\n')[e.line - 1] ?? '').trim();
  if (e.kind === 'unsupported') {
    return `  File "${filename}", line ${e.line}\n    ${text}\nunsupported: ${e.detail}\n${SUPPORTED_SUMMARY}\n`;
  }
  return `  File "${filename}", line ${e.line}\n    ${text}\n${e.kind}: ${e.detail}\n`;
}

function runtimeMessage(e: unknown, rt: Runtime, filename: string, program: Program): string {
  if (!(e instanceof PyException)) return internalError(e);
  const frames = rt.frames.map((f) => {
    const where = f.info ? f.info.name : '<module>';
    return `  File "${filename}", line ${f.line}, in ${where}\n    ${program.lines[f.line] ?? ''}\n`;
  });
  if (e.type === 'unsupported') {
    return `Traceback (most recent call last):\n${frames.join('')}unsupported: ${e.detail}\n${SUPPORTED_SUMMARY}\n`;
  }
  return `Traceback (most recent call last):\n${frames.join('')}${e.type}: ${e.detail}\n`;
}

/** A bug in the runner or the engine: still a clean message, never a JS stack trace. */
function internalError(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `internal error in the Heap Heroes runner (please report): ${what}\n`;
}
