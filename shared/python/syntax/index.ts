/**
 * Python 3.11's parser: `parse(src)` is CPython's `ast.parse(src)` (see ast.ts for the
 * contract), or throws a PySyntaxError carrying CPython's exception type, message and place.
 */
import type { Module } from './ast.ts';
import { Cursor } from './cursor.ts';
import { tokenize, normalizeNewlines } from './tokenizer.ts';
import { parseStatements } from './compound.ts';

import { PySyntaxError } from './errors.ts';

export { PySyntaxError };
export type { SyntaxErrorType } from './errors.ts';

export function parse(src: string): Module {
  const text = normalizeNewlines(src);
  const tokens = tokenize(text);
  const p = new Cursor(tokens);
  try {
    const body = parseStatements(p, 'ENDMARKER');
    return { _type: 'Module', body, type_ignores: [] };
  } catch (e) {
    const reached = tokens[Math.min(Math.max(p.far, p.i), tokens.length - 1)]!;
    throw laterTokenizerError(e, reached.line, tokens[tokens.length - 1]?.error) ?? e;
  }
}

/**
 * After a parser error CPython tokenizes the rest of the file, and a tokenizer error found there
 * replaces it — an unclosed bracket only when the error lies on a later line than the bracket;
 * indentation errors never.
 */
function laterTokenizerError(
  e: unknown,
  reachedLine: number,
  later: PySyntaxError | undefined,
): PySyntaxError | null {
  if (!(e instanceof PySyntaxError) || !later || e === later || later.type !== 'SyntaxError') {
    return null;
  }
  // CPython compares the line of the furthest token it read, not the error's own line.
  if (later.msg.endsWith('was never closed') && reachedLine <= later.lineno) return null;
  return later;
}
