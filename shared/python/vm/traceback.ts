/**
 * CPython 3.11's uncaught-exception report (Python/pythonrun.c + traceback.c): the chain of
 * causes/contexts, `Traceback (most recent call last):`, one `File "...", line N, in NAME`
 * entry per traceback object with its source line and 3.11's position carets (`~~^~~` anchors
 * for binary operators and subscripts), then `Type: message`.
 */
import { parse } from '../syntax/index.ts';
import type { Expr } from '../syntax/ast.ts';
import type { PyObject } from './object.ts';
import { PyException } from './instance.ts';
import { PyTraceback } from './frame.ts';
import { str } from './ops/repr.ts';
import { vm } from './state.ts';

/** The UTF-16 index of a UTF-8 byte column. */
function charCol(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  while (i < line.length && bytes < byteCol) {
    const cp = line.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

/** Anchors [left, right) inside the segment for BinOp / Subscript, or null. */
function anchors(segment: string): [number, number] | null {
  let expr: Expr;
  try {
    const m = parse(`(\n${segment}\n)`);
    const st = m.body[0];
    if (!st || st._type !== 'Expr') return null;
    expr = st.value;
  } catch {
    return null;
  }
  const col = (e: { end_col_offset: number | null; end_lineno: number | null }): number | null =>
    e.end_lineno === 2 ? e.end_col_offset : null;
  if (expr._type === 'BinOp') {
    const leftEnd = col(expr.left);
    if (leftEnd === null) return null;
    let i = leftEnd;
    while (i < segment.length && (segment[i] === ' ' || segment[i] === ')')) i++;
    const two = ['**', '//', '<<', '>>'].includes(segment.slice(i, i + 2));
    return [i, i + (two ? 2 : 1)];
  }
  if (expr._type === 'Subscript') {
    const valueEnd = col(expr.value);
    const sliceEnd = col(expr.slice);
    if (valueEnd === null || sliceEnd === null) return null;
    return [valueEnd, sliceEnd + 1];
  }
  return null;
}

function caretLine(
  line: string,
  pos: [number, number | null, number | null, number | null],
): string | null {
  const [lineno, endLineno, colB, endColB] = pos;
  if (colB === null || endColB === null) return null;
  const stripped = line.trimEnd();
  const indent = stripped.length - stripped.trimStart().length;
  const start = charCol(line, colB);
  const end = endLineno === lineno ? charCol(line, endColB) : stripped.length;
  if (start === indent && end >= stripped.length) return null;
  const segment = line.slice(start, end);
  const a = endLineno === lineno ? anchors(segment) : null;
  let marks = '';
  for (let i = 0; i < segment.length; i++) marks += a ? (i >= a[0] && i < a[1] ? '^' : '~') : '^';
  return ' '.repeat(start - indent + 4) + marks;
}

function entry(tb: PyTraceback): string {
  const frame = tb.frame.frame;
  const co = frame.code.co;
  let out = `  File "${vm.filename}", line ${tb.lineno}, in ${co.name}\n`;
  const line = vm.sourceLines[tb.lineno - 1];
  if (line !== undefined && line.trim() !== '') {
    out += `    ${line.trim()}\n`;
    const pos = co.instrs[tb.lasti]?.pos ?? null;
    const carets = pos ? caretLine(line, pos) : null;
    if (carets) out += carets + '\n';
  }
  return out;
}

function typeLabel(e: PyObject): string {
  const t = e.type;
  return t.module === 'builtins' || t.module === '__main__'
    ? t.qualname
    : `${t.module}.${t.qualname}`;
}

function single(e: PyObject): string {
  let out = '';
  if (e instanceof PyException && e.traceback instanceof PyTraceback) {
    out += 'Traceback (most recent call last):\n';
    for (let tb: PyTraceback | null = e.traceback; tb; tb = tb.next) out += entry(tb);
  }
  let msg: string;
  try {
    msg = str(e);
  } catch {
    msg = '<exception str() failed>';
  }
  out += msg === '' ? `${typeLabel(e)}\n` : `${typeLabel(e)}: ${msg}\n`;
  return out;
}

/** The full report of an uncaught exception, causes and contexts first. */
export function formatException(e: PyObject, seen = new Set<PyObject>()): string {
  seen.add(e);
  let out = '';
  if (e instanceof PyException) {
    if (e.cause && !seen.has(e.cause)) {
      out += formatException(e.cause, seen);
      out += '\nThe above exception was the direct cause of the following exception:\n\n';
    } else if (e.context && !e.suppressContext && !seen.has(e.context)) {
      out += formatException(e.context, seen);
      out += '\nDuring handling of the above exception, another exception occurred:\n\n';
    }
  }
  return out + single(e);
}
