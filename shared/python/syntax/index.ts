/**
 * Python 3.11's parser: `parse(src)` is CPython's `ast.parse(src)` (see ast.ts for the
 * contract), or throws a PySyntaxError carrying CPython's exception type, message and place.
 */
import type { Module } from './ast.ts';
import { Cursor } from './cursor.ts';
import { tokenize, normalizeNewlines } from './tokenizer.ts';
import { parseStatements } from './compound.ts';

export { PySyntaxError } from './errors.ts';
export type { SyntaxErrorType } from './errors.ts';

export function parse(src: string): Module {
  const text = normalizeNewlines(src);
  const p = new Cursor(tokenize(text));
  const body = parseStatements(p, 'ENDMARKER');
  return { _type: 'Module', body, type_ignores: [] };
}
