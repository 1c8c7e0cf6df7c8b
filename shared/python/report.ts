/**
 * Error reports in CPython's shapes: a compile error as `File "x.py", line N` + the line +
 * `SyntaxError: ...`; a runtime error as a traceback ending in `Type: detail`. Unsupported
 * constructs name the line and list what the subset supports.
 */
import type { Program } from './ast.ts';
import { CompileError, PyException, SUPPORTED_SUMMARY } from './errors.ts';
import type { Runtime } from './runtime.ts';

export function compileMessage(e: unknown, filename: string, source: string): string {
  if (!(e instanceof CompileError)) return internalError(e);
  const text = (source.replace(/\r\n?/g, '\n').split('\n')[e.line - 1] ?? '').trim();
  if (e.kind === 'unsupported') {
    return `  File "${filename}", line ${e.line}\n    ${text}\nunsupported: ${e.detail} at line ${e.line}\n${SUPPORTED_SUMMARY}\n`;
  }
  return `  File "${filename}", line ${e.line}\n    ${text}\n${e.kind}: ${e.detail}\n`;
}

export function runtimeMessage(
  e: unknown,
  rt: Runtime,
  filename: string,
  program: Program,
): string {
  if (!(e instanceof PyException)) return internalError(e);
  const frames = collapseRepeats(
    rt.frames.map((f) => {
      const where = f.info ? f.info.name : '<module>';
      return `  File "${filename}", line ${f.line}, in ${where}\n    ${program.lines[f.line] ?? ''}\n`;
    }),
  );
  if (e.type === 'unsupported') {
    return `Traceback (most recent call last):\n${frames.join('')}unsupported: ${e.detail}\n${SUPPORTED_SUMMARY}\n`;
  }
  return `Traceback (most recent call last):\n${frames.join('')}${e.type}: ${e.detail}\n`;
}

/** CPython shows a frame repeated more than 3 times in a row as a count. */
function collapseRepeats(frames: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < frames.length;) {
    let j = i;
    while (j < frames.length && frames[j] === frames[i]) j++;
    const run = j - i;
    out.push(...frames.slice(i, i + Math.min(run, 3)));
    if (run > 3)
      out.push(`  [Previous line repeated ${run - 3} more time${run - 3 === 1 ? '' : 's'}]\n`);
    i = j;
  }
  return out;
}

/** A bug in the runner or the engine: still a clean message, never a JS stack trace. */
export function internalError(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `internal error in the Heap Heroes runner (please report): ${what}\n`;
}
