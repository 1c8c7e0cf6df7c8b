/**
 * A tokenizer for all of Python 3.11's lexical syntax (not just the runner's subset), used only
 * to decide whether a script the runner cannot run is valid Python (validity.ts). It knows
 * string prefixes, triple quotes, escapes, every number form, comments, backslash and bracket
 * line joining, and indentation (INDENT / DEDENT, as tokenize does).
 *
 * Contract: returns the tokens, or a `SyntaxVerdict` error when CPython's tokenizer would surely
 * raise (unterminated string, invalid character, unbalanced bracket, bad dedent), or 'unknown'
 * for text it does not judge (tabs mixed with spaces, form feeds).
 */

export type TokKind =
  'name' | 'number' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'error' | 'end';

export interface Tok {
  kind: TokKind;
  text: string;
  line: number;
  /** On an 'error' token: what the tokenizer found there. */
  verdict?: SyntaxVerdict;
}

export type SyntaxVerdict =
  | { valid: true }
  | { valid: false; kind: 'SyntaxError' | 'IndentationError'; line: number; detail: string }
  | { valid: 'unknown' };

export class VerdictError extends Error {
  readonly verdict: SyntaxVerdict;
  constructor(verdict: SyntaxVerdict) {
    super('verdict');
    this.verdict = verdict;
  }
}

export function invalid(
  line: number,
  detail: string,
  kind: 'SyntaxError' | 'IndentationError' = 'SyntaxError',
): never {
  throw new VerdictError({ valid: false, kind, line, detail });
}

export function unknown(): never {
  throw new VerdictError({ valid: 'unknown' });
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
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
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
  ';',
  '.',
  '=',
];
const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const STRING_START = /^(?:[rR][bBfF]?|[bBfF][rR]?|[uU])?(?:'''|"""|'|")/;
const NUMBER =
  /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/;
const NAME = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/u;

/**
 * Tokenizes `source` (see the module contract). Like CPython's tokenizer, which runs only as far
 * as the parser asks, a tokenizer error does not win over an earlier grammar error: it ends the
 * stream as an 'error' token that the parser raises when it gets there. Throws VerdictError only
 * for 'unknown'.
 */
export function tokenize(source: string): Tok[] {
  const text = source.replace(/\r\n?/g, '\n');
  if (/[\t\f]/.test(text)) unknown();
  const out: Tok[] = [];
  try {
    scan(text, out);
  } catch (e) {
    if (!(e instanceof VerdictError) || e.verdict.valid !== false) throw e;
    out.push({ kind: 'error', text: '', line: e.verdict.line, verdict: e.verdict });
    out.push({ kind: 'end', text: '', line: e.verdict.line });
  }
  return out;
}

function scan(text: string, out: Tok[]): void {
  const indents = [0];
  const brackets: { ch: string; line: number }[] = [];
  let pos = 0;
  let line = 1;
  let atLineStart = true;
  const push = (kind: TokKind, t: string): void => {
    out.push({ kind, text: t, line });
  };
  while (pos < text.length) {
    if (atLineStart && brackets.length === 0) {
      let col = 0;
      while (text[pos] === ' ') {
        pos++;
        col++;
      }
      const ch = text[pos];
      if (ch === '\n' || ch === '#' || ch === undefined) {
        while (pos < text.length && text[pos] !== '\n') pos++;
        pos++;
        line++;
        continue;
      }
      if (ch === '\\' && text[pos + 1] === '\n') unknown();
      atLineStart = false;
      const top = indents[indents.length - 1]!;
      if (col > top) {
        indents.push(col);
        push('indent', '');
      } else {
        while (col < indents[indents.length - 1]!) {
          indents.pop();
          push('dedent', '');
        }
        if (col !== indents[indents.length - 1])
          invalid(line, 'unindent does not match any outer indentation level', 'IndentationError');
      }
    }
    const ch = text[pos]!;
    const rest = text.slice(pos, pos + 400);
    if (ch === ' ') {
      pos++;
    } else if (ch === '#') {
      while (pos < text.length && text[pos] !== '\n') pos++;
    } else if (ch === '\\') {
      if (text[pos + 1] !== '\n')
        invalid(line, 'unexpected character after line continuation character');
      pos += 2;
      line++;
      if (pos >= text.length) invalid(line, 'unexpected EOF while parsing');
    } else if (ch === '\n') {
      if (brackets.length === 0) {
        push('newline', '');
        atLineStart = true;
      }
      pos++;
      line++;
    } else if (STRING_START.test(rest)) {
      const start = line;
      const [t, lines] = readString(text, pos, line);
      out.push({ kind: 'string', text: t, line: start });
      pos += t.length;
      line += lines;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[pos + 1] ?? ''))) {
      const m = NUMBER.exec(rest)![0];
      if (/^0\d*[1-9]/.test(m) && !/[.eEjJ]/.test(m))
        invalid(line, 'leading zeros in decimal integer literals are not permitted');
      push('number', m);
      pos += m.length;
    } else if (NAME.test(rest)) {
      const m = NAME.exec(rest)![0];
      push('name', m.normalize('NFKC'));
      pos += m.length;
    } else {
      const op = OPERATORS.find((o) => rest.startsWith(o));
      if (!op) invalid(line, `invalid character '${ch}'`);
      if ('([{'.includes(op)) brackets.push({ ch: op, line });
      const opener = CLOSER[op];
      if (opener) {
        const top = brackets.pop();
        if (!top) invalid(line, `unmatched '${op}'`);
        if (top.ch !== opener)
          invalid(line, `closing parenthesis '${op}' does not match '${top.ch}'`);
      }
      push('op', op);
      pos += op.length;
    }
  }
  const open = brackets[0];
  if (open) invalid(open.line, `'${open.ch}' was never closed`);
  if (!atLineStart) push('newline', '');
  for (let i = 1; i < indents.length; i++) push('dedent', '');
  push('end', '');
}

/** Reads one string literal at `pos`; returns its text and the newlines inside it. */
function readString(text: string, pos: number, line: number): [string, number] {
  const prefix = /^[a-zA-Z]*/.exec(text.slice(pos))![0];
  let i = pos + prefix.length;
  const quote = text.startsWith(text[i]!.repeat(3), i) ? text[i]!.repeat(3) : text[i]!;
  i += quote.length;
  let lines = 0;
  for (;;) {
    const c = text[i];
    if (c === undefined) {
      if (quote.length === 3) invalid(line, 'unterminated triple-quoted string literal');
      invalid(line, 'unterminated string literal');
    }
    if (c === '\\') {
      if (text[i + 1] === '\n') lines++;
      i += 2;
      continue;
    }
    if (c === '\n') {
      if (quote.length === 1) invalid(line, 'unterminated string literal');
      lines++;
    }
    if (text.startsWith(quote, i)) return [text.slice(pos, i + quote.length), lines];
    i++;
  }
}
