/**
 * Adjacent string literals, concatenated as CPython 3.11's string parser does
 * (Parser/string_parser.c): plain literals fold into one Constant; with any f-string the result
 * is a JoinedStr whose literal parts and FormattedValues span the whole concatenation, while the
 * expressions inside keep their true positions.
 */
import type { Expr } from './ast.ts';
import type { Cursor } from './cursor.ts';
import type { Token } from './tokens.ts';
import { decodeEscapes, EscapeError } from './literals.ts';
import { parseFString } from './fstring.ts';

export interface StringParts {
  prefix: string;
  /** Index in the token text where the body starts, and the body itself. */
  bodyStart: number;
  body: string;
}

export function splitString(t: Token): StringParts {
  const v = t.value;
  let n = 0;
  while (v[n] !== '"' && v[n] !== "'") n++;
  const q = v[n];
  const quoteLen = v[n + 1] === q && v[n + 2] === q && v.length >= n + 6 ? 3 : 1;
  return {
    prefix: v.slice(0, n).toLowerCase(),
    bodyStart: n + quoteLen,
    body: v.slice(n + quoteLen, v.length - quoteLen),
  };
}

/** Decodes a plain (non-f) literal's body; bytes come back as latin-1 text. */
export function decodeLiteral(p: Cursor, t: Token, parts: StringParts): string {
  const bytes = parts.prefix.includes('b');
  // eslint-disable-next-line no-control-regex
  if (bytes && /[^\x00-\x7f]/.test(parts.body))
    p.failTok('bytes can only contain ASCII literal characters', t);
  if (parts.prefix.includes('r')) return parts.body;
  try {
    return decodeEscapes(parts.body, bytes);
  } catch (e) {
    if (e instanceof EscapeError) p.failTok(e.message, t);
    throw e;
  }
}

/** Collects literal text and expressions for a JoinedStr (CPython's FstringParser). */
export class JoinedBuilder {
  lastStr: string | null = null;
  readonly values: Expr[] = [];
  private readonly first: Token;
  private readonly last: Token;

  constructor(first: Token, last: Token) {
    this.first = first;
    this.last = last;
  }

  addText(s: string): void {
    if (s.length === 0) return;
    this.lastStr = (this.lastStr ?? '') + s;
  }

  /** A literal node from the pending text, spanning `from`..`to`. */
  flush(from: Token, to: Token): void {
    if (this.lastStr === null) return;
    const kind = this.first.value[0] === 'u' ? 'u' : null;
    this.values.push({
      _type: 'Constant',
      value: { t: 'str', v: this.lastStr },
      kind,
      ...spanTokens(from, to),
    });
    this.lastStr = null;
  }

  addExpr(e: Expr): void {
    this.flush(this.first, this.last);
    this.values.push(e);
  }
}

export function spanTokens(from: Token, to: Token) {
  return {
    lineno: from.line,
    col_offset: from.col,
    end_lineno: to.endLine,
    end_col_offset: to.endCol,
  };
}

export function parseStrings(p: Cursor, toks: Token[]): Expr {
  const first = toks[0]!;
  const last = toks[toks.length - 1]!;
  const parts = toks.map(splitString);
  const part = (i: number) => parts[i]!;
  const bytes = parts.map((x) => x.prefix.includes('b'));
  if (bytes.some((b) => b !== bytes[0]))
    p.failTok('cannot mix bytes and nonbytes literals', p.peek());
  const kind = first.value[0] === 'u' ? 'u' : null;
  if (!parts.some((x) => x.prefix.includes('f'))) {
    const text = toks.map((t, i) => decodeLiteral(p, t, part(i))).join('');
    const value = bytes[0] ? { t: 'bytes' as const, v: text } : { t: 'str' as const, v: text };
    return { _type: 'Constant', value, kind, ...spanTokens(first, last) };
  }
  const b = new JoinedBuilder(first, last);
  toks.forEach((t, i) => {
    if (part(i).prefix.includes('f')) parseFString(p, t, part(i), b, first, last);
    else b.addText(decodeLiteral(p, t, part(i)));
  });
  b.flush(first, last);
  return { _type: 'JoinedStr', values: b.values, ...spanTokens(first, last) };
}
