/**
 * What `npm run -s py` bundles: the puzzle-language runner (exact on its small subset, with the
 * engine's action log) and this VM. `runProgram` tries the puzzle runner first and hands the
 * program to the VM when the puzzle runner refuses it or calls it a SyntaxError (the VM's parser
 * is CPython's, so real syntax errors stay SyntaxErrors there).
 */
import { runPython } from '../run.ts';
import { runScript, type RunResult } from './index.ts';

export function runProgram(source: string, filename: string): RunResult {
  const old = runPython(source, { filename });
  const refused = /^unsupported: |SyntaxError/m.test(old.stderr);
  if (!refused) return { stdout: old.stdout, stderr: old.stderr, exitCode: old.exitCode };
  return runScript(source, filename);
}
