/**
 * One f-string token's body, parsed as CPython 3.11 does (string_parser.c fstring_parse):
 * literal text with `{{`/`}}`, replacement fields `{expr[=][!conv][:spec]}` with nested fields in
 * the spec. Each expression is tokenized in place as `(expr)`; its origin follows
 * fstring_find_expr_location, so positions equal CPython's, quirks included.
 */
import type { Expr } from './ast.ts';
import { Cursor } from './cursor.ts';
import { PySyntaxError } from './errors.ts';
import type { Token } from './tokens.ts';
import { tokenize } from './tokenizer.ts';
import { decodeEscapes, EscapeError } from './literals.ts';
import { parseStarExpressions } from './expressions.ts';
import { JoinedBuilder, spanTokens } from './strings.ts';
import type { StringParts } from './strings.ts';

interface State {
  p: Cursor;
  t: Token;
  raw: boolean;
  /** The token text and the end of its body. */
  text: string;
  end: number;
  first: Token;
  last: Token;
}

export function parseFString(
  p: Cursor,
  t: Token,
  parts: StringParts,
  b: JoinedBuilder,
  first: Token,
  last: Token,
): void {
  const s: State = {
    p,
    t,
    raw: parts.prefix.includes('r'),
    text: t.value,
    end: parts.bodyStart + parts.body.length,
    first,
    last,
  };
  const i = parseBody(s, parts.bodyStart, 0, b);
  if (i < s.end) fail(s, "f-string: single '}' is not allowed");
}

/** f-string errors point at the token after the string literals, as CPython's do. */
function fail(s: State, msg: string): never {
  return s.p.failTok(msg, s.p.peek());
}

function decode(s: State, chunk: string): string {
  if (s.raw) return chunk;
  try {
    return decodeEscapes(chunk, false);
  } catch (e) {
    if (e instanceof EscapeError) fail(s, e.message);
    throw e;
  }
}

/** Literal text and fields from `i`; returns where it stopped (end, or a `}` closing a spec). */
function parseBody(s: State, i: number, level: number, b: JoinedBuilder): number {
  const text = s.text;
  while (i < s.end) {
    let j = i;
    let chunkEnd = -1;
    while (j < s.end) {
      const c = text[j];
      if (c === '\\' && !s.raw) {
        j = text[j + 1] === 'N' && text[j + 2] === '{' ? text.indexOf('}', j) + 1 : j + 2;
        continue;
      }
      if (c === '{' || c === '}') {
        if (level === 0 && text[j + 1] === c) {
          chunkEnd = j + 1;
          break;
        }
        if (level === 0 && c === '}') fail(s, "f-string: single '}' is not allowed");
        break;
      }
      j++;
    }
    if (chunkEnd >= 0) {
      b.addText(decode(s, text.slice(i, chunkEnd)));
      i = chunkEnd + 1;
      continue;
    }
    b.addText(decode(s, text.slice(i, j)));
    i = j;
    if (i >= s.end || text[i] === '}') return i;
    i = parseField(s, i, level, b);
  }
  return i;
}

const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Scans an expression from after `{` to its end at depth 0 (`!`, `:`, `}`, or a lone `=`). */
function scanExpression(s: State, i: number): number {
  const text = s.text;
  const stack: string[] = [];
  let quote = '';
  for (; i < s.end; i++) {
    const c = text[i];
    if (c === '\\') fail(s, 'f-string expression part cannot include a backslash');
    if (quote) {
      if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (c === "'" || c === '"') {
      quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      if (quote.length === 3) i += 2;
    } else if (c === '[' || c === '(' || c === '{') stack.push(c);
    else if (c === '#') fail(s, "f-string expression part cannot include '#'");
    else if (
      stack.length === 0 &&
      (c === '!' || c === '=' || c === '<' || c === '>') &&
      text[i + 1] === '='
    )
      i++;
    else if (stack.length === 0 && (c === '!' || c === ':' || c === '}' || c === '=')) return i;
    else if (c === ')' || c === ']' || c === '}') {
      const open = stack.pop();
      if (open === undefined) fail(s, `f-string: unmatched '${c}'`);
      if (open !== CLOSE[c])
        fail(
          s,
          `f-string: closing parenthesis '${c}' does not match opening parenthesis '${open}'`,
        );
    }
  }
  if (quote) fail(s, 'f-string: unterminated string');
  if (stack.length > 0) fail(s, `f-string: unmatched '${stack[stack.length - 1]}'`);
  return fail(s, "f-string: expecting '}'");
}

function utf8Length(str: string): number {
  let n = 0;
  for (let k = 0; k < str.length; k++) {
    const c = str.charCodeAt(k);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (k++, 4) : 3;
  }
  return n;
}

/** fstring_compile_expr: parse `(expr)` placed where CPython's sub-parser places it. */
function compileExpression(s: State, brace: number, exprEnd: number): Expr {
  const text = s.text;
  const expr = text.slice(brace + 1, exprEnd);
  if (/^[ \t\n\r\f\v]*$/.test(expr)) fail(s, 'f-string: empty expression not allowed');
  const before = text.slice(0, brace);
  const lines = before.split('\n').length - 1;
  const newlineAfterBrace = /^[ \t\f]*(\n|$)/.test(expr) || /^[ \t\f]*\}/.test(expr);
  let cols = 0;
  if (!newlineAfterBrace) cols = utf8Length(before.slice(before.lastIndexOf('\n') + 1));
  const origin = { line: s.t.line + lines, col: lines !== 0 ? cols : s.t.col + cols };
  const tokens = tokenize(`(${expr})`, origin);
  const sub = new Cursor(tokens);
  try {
    const e = parseStarExpressions(sub);
    if (sub.peek().type !== 'NEWLINE') sub.invalid();
    return e;
  } catch (err) {
    if (err instanceof PySyntaxError && !err.msg.startsWith('f-string')) {
      throw new PySyntaxError(err.type, `f-string: ${err.msg}`, err.lineno, err.offset);
    }
    throw err;
  }
}

/** One replacement field starting at `{`; returns the index after its `}`. */
function parseField(s: State, brace: number, level: number, b: JoinedBuilder): number {
  if (level >= 2) fail(s, 'f-string: expressions nested too deeply');
  const text = s.text;
  let i = scanExpression(s, brace + 1);
  const value = compileExpression(s, brace, i);
  let debugText: string | null = null;
  if (text[i] === '=') {
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    debugText = text.slice(brace + 1, i);
  }
  let conversion = -1;
  if (text[i] === '!') {
    const c = text[i + 1];
    if (c !== 's' && c !== 'r' && c !== 'a')
      fail(s, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    conversion = c.charCodeAt(0);
    i += 2;
  }
  let formatSpec: Expr | null = null;
  if (text[i] === ':') {
    const spec = new JoinedBuilder(s.first, s.last);
    i = parseBody(s, i + 1, level + 1, spec);
    spec.flush(s.t, s.t);
    formatSpec = { _type: 'JoinedStr', values: spec.values, ...spanTokens(s.t, s.t) };
  }
  if (text[i] !== '}') fail(s, "f-string: expecting '}'");
  if (debugText !== null) {
    b.addText(debugText);
    if (conversion === -1 && formatSpec === null) conversion = 'r'.charCodeAt(0);
  }
  b.addExpr({
    _type: 'FormattedValue',
    value,
    conversion,
    format_spec: formatSpec,
    ...spanTokens(s.first, s.last),
  });
  return i + 1;
}
