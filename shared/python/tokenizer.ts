/**
 * Line-oriented tokenizer for the runner's Python subset.
 *
 * Contract: every non-blank, non-comment source line becomes one `SourceLine` with its 1-based
 * number, its indentation width (spaces) and its tokens. Trailing `# comments` are dropped.
 * Anything Python would continue onto the next line (open brackets, a trailing backslash,
 * triple quotes) is reported as unsupported: every statement fits on one line.
 */
import { CompileError, syntaxError, unsupported } from './errors.ts';

type TokenKind = 'name' | 'int' | 'str' | 'op';

export interface Token {
  kind: TokenKind;
  /** Source text for names and ops, the decoded value for strings, digits for ints. */
  text: string;
  /** 0-based column, for messages. */
  col: number;
}

export interface SourceLine {
  line: number;
  indent: number;
  tokens: Token[];
  /** The line without its indentation, as written (for tracebacks). */
  text: string;
}

const OPERATORS = [
  '**=',
  '//=',
  '>>=',
  '<<=',
  '...',
  '->',
  ':=',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '<<',
  '>>',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '@=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '=',
];
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/** Splits source text into logical lines of tokens (see the module contract). */
export function tokenize(source: string): SourceLine[] {
  const rawLines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: SourceLine[] = [];
  rawLines.forEach((raw, i) => {
    const line = i + 1;
    const indentMatch = /^[ \t\f]*/.exec(raw);
    const indentText = indentMatch ? indentMatch[0] : '';
    const body = raw.slice(indentText.length);
    if (body === '' || body.startsWith('#')) return;
    if (indentText.includes('\t') || indentText.includes('\f')) {
      unsupported(line, 'indentation with tabs; indent with spaces');
    }
    const tokens = tokenizeLine(body, line);
    out.push({ line, indent: indentText.length, tokens, text: stripComment(body) });
  });
  return out;
}

function stripComment(body: string): string {
  let quote = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '#') {
      return body.slice(0, i).trimEnd();
    }
  }
  return body.trimEnd();
}

function tokenizeLine(body: string, line: number): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '#') {
      break;
    } else if (ch === '\\') {
      unsupported(line, 'backslash line continuation; write each statement on one line');
    } else if (NAME_START.test(ch)) {
      i = readName(body, i, line, tokens);
    } else if (/[0-9]/.test(ch)) {
      i = readInt(body, i, line, tokens);
    } else if (ch === "'" || ch === '"') {
      i = readString(body, i, line, tokens);
    } else {
      const op = OPERATORS.find((o) => body.startsWith(o, i));
      if (!op && /\p{L}/u.test(ch)) unsupported(line, `non-ASCII names (${ch})`);
      if (!op) syntaxError(line, `invalid character '${ch}' (U+${hex(ch)})`);
      if ('([{'.includes(op)) depth++;
      if (')]}'.includes(op)) depth--;
      tokens.push({ kind: 'op', text: op, col: i });
      i += op.length;
    }
  }
  if (depth > 0)
    unsupported(
      line,
      'an open bracket continuing onto the next line; write each statement on one line',
    );
  return tokens;
}

function hex(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function readName(body: string, start: number, line: number, tokens: Token[]): number {
  let i = start + 1;
  while (i < body.length && NAME_PART.test(body[i] ?? '')) i++;
  const text = body.slice(start, i);
  if ((body[i] === "'" || body[i] === '"') && /^[rbuf]{1,2}$/i.test(text)) {
    unsupported(line, `string prefix ${text}; use plain quotes`);
  }
  tokens.push({ kind: 'name', text, col: start });
  return i;
}

function readInt(body: string, start: number, line: number, tokens: Token[]): number {
  let i = start;
  while (i < body.length && /[0-9A-Za-z_.]/.test(body[i] ?? '')) i++;
  const text = body.slice(start, i);
  if (!/^[0-9]+$/.test(text))
    unsupported(line, `number ${text}; only decimal integers are supported`);
  if (text.length > 1 && text.startsWith('0')) {
    if (/^0+$/.test(text)) {
      tokens.push({ kind: 'int', text: '0', col: start });
      return i;
    }
    syntaxError(
      line,
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
    );
  }
  tokens.push({ kind: 'int', text, col: start });
  return i;
}

function readString(body: string, start: number, line: number, tokens: Token[]): number {
  const quote = body[start] ?? '';
  if (body.startsWith(quote.repeat(3), start)) unsupported(line, 'triple-quoted strings');
  let i = start + 1;
  while (i < body.length && body[i] !== quote) {
    if (body[i] === '\\') unsupported(line, 'backslash escapes in strings');
    i++;
  }
  if (i >= body.length) {
    throw new CompileError(
      'SyntaxError',
      line,
      `unterminated string literal (detected at line ${line})`,
    );
  }
  tokens.push({ kind: 'str', text: body.slice(start + 1, i), col: start });
  return i + 1;
}
