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
  try {
    const body = parseStatements(new Cursor(tokens), 'ENDMARKER');
    return { _type: 'Module', body, type_ignores: [] };
  } catch (e) {
    throw laterTokenizerError(e, tokens[tokens.length - 1]?.error) ?? e;
  }
}

/**
 * After a parser error CPython tokenizes the rest of the file, and a tokenizer error found there
 * replaces it — an unclosed bracket only when the error lies on a later line than the bracket;
 * indentation errors never.
 */
function laterTokenizerError(e: unknown, later: PySyntaxError | undefined): PySyntaxError | null {
  if (!(e instanceof PySyntaxError) || !later || e === later || later.type !== 'SyntaxError') {
    return null;
  }
  if (later.msg.endsWith('was never closed') && e.lineno <= later.lineno) return null;
  return later;
}
