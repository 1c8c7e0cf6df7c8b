/** Public API of the Python runner: run scripts over the engine, and render actions as Python. */
export { runPython, compile } from './run.ts';
export { CompileError, PyException, SUPPORTED_SUMMARY } from './errors.ts';
export { parseProgram } from './parser.ts';
export type { Stmt } from './ast.ts';
export { createSession, runChunk } from './session.ts';
export { renderLog } from './render.ts';
export { exportProgram } from './export.ts';
