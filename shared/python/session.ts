/**
 * An interactive session: module-level Python run chunk by chunk over one engine state, like a
 * REPL (a game move typed as Python, the script generator adding one statement at a time).
 *
 * Contract: `runChunk` is atomic. When the chunk fails (compile error, Python exception,
 * unsupported value) the session is left exactly as before and nothing it printed is kept.
 * Line numbers continue across chunks, so tracebacks name the session's own lines.
 */
import type { Action, EngineState } from '../engine/index.ts';
import { cloneState, createState } from '../engine/index.ts';
import { checkProgram } from './check.ts';
import { classifyCompileError } from './classify.ts';
import { execStmt } from './exec.ts';
import { parseProgram } from './parser.ts';
import { compileMessage, runtimeMessage } from './report.ts';
import type { Runtime } from './runtime.ts';
import { newRuntime } from './runtime.ts';

export interface Session {
  rt: Runtime;
  filename: string;
  /** Lines run so far (failed chunks excluded). */
  lineCount: number;
  lines: Record<number, string>;
}

export interface ChunkResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** 'compile' for errors found before running, 'runtime' for exceptions; null when ok. */
  failure: 'compile' | 'runtime' | null;
  /** The actions the chunk applied (empty when it failed). */
  actions: Action[];
}

export function createSession(state: EngineState = createState(), filename = '<stdin>'): Session {
  return { rt: newRuntime(state), filename, lineCount: 0, lines: {} };
}

function snapshot(rt: Runtime): () => void {
  const { state, out, log } = rt;
  // apply() changes rt.state in place: keep a copy to put back into it when the chunk fails.
  const saved = cloneState(state);
  const [outLen, logLen] = [out.length, log.length];
  const functions = new Map(rt.functions);
  const classes = new Set(rt.classes);
  const modules = new Set(rt.modules);
  const gen0 = { ...rt.gen0 };
  return () => {
    rt.gen0 = gen0;
    rt.state = Object.assign(state, saved);
    rt.out.length = outLen;
    rt.log.length = logLen;
    rt.functions = functions;
    rt.classes = classes;
    rt.modules = modules;
    rt.frames = [{ info: null, line: 0 }];
  };
}

/** Runs more module-level source in the session (see the module contract). */
export function runChunk(session: Session, source: string): ChunkResult {
  const rt = session.rt;
  const numbered = '\n'.repeat(session.lineCount) + source;
  const fail = (failure: 'compile' | 'runtime', stderr: string): ChunkResult => ({
    ok: false,
    stdout: '',
    stderr,
    failure,
    actions: [],
  });
  let checked;
  try {
    checked = checkProgram(parseProgram(numbered), {
      defs: rt.functions.keys(),
      classes: rt.classes,
    });
  } catch (e) {
    const classified = classifyCompileError(e, numbered);
    return fail('compile', compileMessage(classified, session.filename, numbered));
  }
  const restore = snapshot(rt);
  const [outLen, logLen] = [rt.out.length, rt.log.length];
  const lines = { ...session.lines, ...checked.program.lines };
  try {
    for (const st of checked.program.body) execStmt(rt, st, checked.functions);
  } catch (e) {
    const stderr = runtimeMessage(e, rt, session.filename, { body: [], lines });
    restore();
    return fail('runtime', stderr);
  }
  session.lines = lines;
  session.lineCount += source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').length;
  return {
    ok: true,
    stdout: rt.out.slice(outLen).join(''),
    stderr: '',
    failure: null,
    actions: rt.log.slice(logLen),
  };
}
