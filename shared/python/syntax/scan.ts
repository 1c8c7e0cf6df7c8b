/**
 * Scanning (not decoding) string and number literals, with the tokenizer's error messages.
 * Returns the index just past the literal.
 */
import type { Tokenizer } from './tokenizer.ts';
import { isIdContinue } from './chars.ts';

const PREFIXES: ReadonlySet<string> = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);

/** The length of a string prefix at `start` that is followed by a quote, or -1. */
export function stringPrefixLength(src: string, start: number): number {
  for (let n = 1; n <= 2; n++) {
    const q = src[start + n];
    if (q === '"' || q === "'")
      return PREFIXES.has(src.slice(start, start + n).toLowerCase()) ? n : -1;
  }
  return -1;
}

export function scanString(tok: Tokenizer, start: number, prefix: number): number {
  const src = tok.src;
  const q = src[start + prefix];
  const triple = src[start + prefix + 1] === q && src[start + prefix + 2] === q;
  const startLine = tok.lineNo;
  const startOffset = tok.charCol(start) + 1;
  let i = start + prefix + (triple ? 3 : 1);
  for (;;) {
    const c = src[i];
    if (c === undefined || (c === '\n' && !triple)) {
      const kind = triple
        ? 'unterminated triple-quoted string literal'
        : 'unterminated string literal';
      // At end of input CPython counts the last line that has text on it.
      const atEnd = c === undefined && src.endsWith('\n') ? 1 : 0;
      tok.fail(`${kind} (detected at line ${tok.lineNo - atEnd})`, startLine, startOffset);
    }
    if (c === '\\') {
      if (src[i + 1] === '\n') tok.newline(i + 2);
      i += 2;
      continue;
    }
    if (c === '\n') tok.newline(i + 1);
    else if (c === q && (!triple || (src[i + 1] === q && src[i + 2] === q)))
      return i + (triple ? 3 : 1);
    i++;
  }
}

const KEYWORD_AFTER_NUMBER = /^(and|else|for|if|in|is|not|or)/;

function digits(
  src: string,
  i: number,
  ok: (c: string) => boolean,
  tok: Tokenizer,
  kind: string,
): number {
  while (i < src.length) {
    if (ok(src[i]!)) i++;
    else if (src[i] === '_' && i + 1 < src.length && ok(src[i + 1]!)) i += 2;
    else if (src[i] === '_') failAt(tok, `invalid ${kind} literal`, i);
    else break;
  }
  return i;
}

function failAt(tok: Tokenizer, msg: string, i: number): never {
  return tok.fail(msg, tok.lineNo, tok.charCol(i) + 1);
}

/** Errors after a backed-up character: CPython's offset is that character's 0-based column. */
function failBefore(tok: Tokenizer, msg: string, i: number): never {
  return tok.fail(msg, tok.lineNo, tok.charCol(i));
}

function verifyEnd(tok: Tokenizer, i: number, kind: string): number {
  const src = tok.src;
  const c = src[i];
  if (c !== undefined && isIdContinue(c) && !KEYWORD_AFTER_NUMBER.test(src.slice(i, i + 4))) {
    failBefore(tok, `invalid ${kind} literal`, i);
  }
  return i;
}

const isDec = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => isDec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isOct = (c: string) => c >= '0' && c <= '7';
const isBin = (c: string) => c === '0' || c === '1';

export function scanNumber(tok: Tokenizer, start: number): number {
  const src = tok.src;
  const radix = src[start] === '0' ? (src[start + 1] ?? '').toLowerCase() : '';
  if (radix === 'x' || radix === 'o' || radix === 'b') {
    const kind = radix === 'x' ? 'hexadecimal' : radix === 'o' ? 'octal' : 'binary';
    const ok = radix === 'x' ? isHex : radix === 'o' ? isOct : isBin;
    let i = start + 2;
    if (src[i] === '_') i++;
    if (!ok(src[i] ?? '')) {
      if (isDec(src[i] ?? '')) failAt(tok, `invalid digit '${src[i]}' in ${kind} literal`, i);
      failBefore(tok, `invalid ${kind} literal`, i);
    }
    i = digits(src, i, ok, tok, kind);
    if (isDec(src[i] ?? '')) failAt(tok, `invalid digit '${src[i]}' in ${kind} literal`, i);
    return verifyEnd(tok, i, kind);
  }
  let i = digits(src, start, isDec, tok, 'decimal');
  const intPart = src.slice(start, i);
  let isFloat = false;
  if (src[i] === '.') {
    isFloat = true;
    i = digits(src, i + 1, isDec, tok, 'decimal');
  }
  const e = src[i];
  if (e === 'e' || e === 'E') {
    let j = i + 1;
    if (src[j] === '+' || src[j] === '-') j++;
    if (isDec(src[j] ?? '')) {
      isFloat = true;
      i = digits(src, j, isDec, tok, 'decimal');
    } else if (src[j - 1] !== e) failBefore(tok, 'invalid decimal literal', j);
  }
  if (src[i] === 'j' || src[i] === 'J') {
    isFloat = true;
    i++;
  }
  if (!isFloat && /^0[0-9_]*[1-9]/.test(intPart)) {
    tok.fail(
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      tok.lineNo,
      tok.charCol(start) + 1,
    );
  }
  return verifyEnd(tok, i, 'decimal');
}
