/** Public API of the Python runner: run scripts over the engine, and render actions as Python. */
export { runPython, compile, type RunOptions, type RunResult } from './run.ts';
export { CompileError, PyException, SUPPORTED_SUMMARY } from './errors.ts';
export { parseProgram } from './parser.ts';
export type { Program, Stmt, Expr } from './ast.ts';
export { createSession, runChunk, type Session, type ChunkResult } from './session.ts';
export {
  renderAction,
  renderLog,
  renderValue,
  renderPlace,
  renderReturnTarget,
  pathTo,
  scopeOf,
  type LogLine,
  type Scope,
} from './render.ts';
export { exportProgram, type ExportOptions, type Exported } from './export.ts';
