/**
 * Python 3.11's tokenizer (Parser/tokenizer.c) over a whole source: indentation with CPython's
 * tab rules (tab size 8, checked against tab size 1), implicit line joining inside brackets,
 * backslash continuations, string and number literals scanned but not decoded. A tokenizer
 * error becomes an ERROR token at the end of the stream; the parser raises it on reaching it.
 */
import { PySyntaxError } from './errors.ts';
import type { Token, TokenType } from './tokens.ts';
import { OPERATORS_1, OPERATORS_2, OPERATORS_3 } from './tokens.ts';
import { scanNumber, scanString, stringPrefixLength } from './scan.ts';
import { invalidCharacter, isIdContinue, isIdStart } from './chars.ts';

export { normalizeNewlines } from './chars.ts';

/** Where a token stream sits in its file: f-string expressions are tokenized in place. */
export interface Origin {
  line: number;
  /** Added to the byte columns of tokens that end on the first line. */
  col: number;
}

const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
export class Tokenizer {
  readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private readonly ascii: boolean;
  private readonly indents = [0];
  private readonly altIndents = [0];
  private readonly brackets: { ch: string; line: number; offset: number; col: number }[] = [];

  readonly src: string;
  private readonly origin: Origin;

  constructor(src: string, origin: Origin = { line: 1, col: 0 }) {
    this.src = src;
    this.origin = origin;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(src);
  }

  /** The 0-based byte column of char index `idx` on the current line. */
  byteCol(idx: number): number {
    if (this.ascii) return idx - this.lineStart;
    let n = 0;
    for (let i = this.lineStart; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** The 0-based column of char index `idx` in code points (CPython's error offsets). */
  charCol(idx: number, lineStart = this.lineStart): number {
    if (this.ascii) return idx - lineStart;
    let n = 0;
    for (let i = lineStart; i < idx; i++) {
      const c = this.src.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff) n++;
    }
    return n;
  }

  lineText(lineStart: number): string {
    const end = this.src.indexOf('\n', lineStart);
    return this.src.slice(lineStart, end < 0 ? this.src.length : end);
  }

  /** Called by the scanners when they pass a newline inside a token. */
  newline(idxAfter: number): void {
    this.line++;
    this.lineStart = idxAfter;
  }

  get lineNo(): number {
    return this.line;
  }

  get currentLineStart(): number {
    return this.lineStart;
  }

  fail(
    msg: string,
    line: number,
    offset: number,
    type: PySyntaxError['type'] = 'SyntaxError',
  ): never {
    throw new PySyntaxError(type, msg, line + this.origin.line - 1, offset);
  }

  private push(
    type: TokenType,
    start: number,
    startLine: number,
    startLineStart: number,
    startCol: number,
  ): void {
    const endCol = this.byteCol(this.pos);
    const shift = this.line === 1 ? this.origin.col : 0;
    this.tokens.push({
      type,
      value: this.src.slice(start, this.pos),
      line: startLine + this.origin.line - 1,
      col: startCol + shift,
      endLine: this.line + this.origin.line - 1,
      endCol: endCol + shift,
      offset: this.charCol(start, startLineStart) + 1,
      endOffset: this.charCol(this.pos) + 1,
    });
  }

  private pushEmpty(type: TokenType, value = ''): void {
    const col = this.byteCol(this.pos);
    const line = this.line + this.origin.line - 1;
    const offset = this.charCol(this.pos) + 1;
    this.tokens.push({
      type,
      value,
      line,
      col,
      endLine: line,
      endCol: col,
      offset,
      endOffset: offset,
    });
  }

  run(): Token[] {
    try {
      this.scanAll();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      this.tokens.push({
        type: 'ERROR',
        value: '',
        line: e.lineno,
        col: 0,
        endLine: e.lineno,
        endCol: 0,
        offset: e.offset,
        endOffset: e.offset,
        error: e,
      });
    }
    return this.tokens;
  }

  private scanAll(): void {
    const src = this.src;
    let atLineStart = true;
    for (;;) {
      if (atLineStart) {
        atLineStart = false;
        if (this.brackets.length === 0 && this.indentation()) continue;
      }
      let c = src[this.pos];
      while (c === ' ' || c === '\t' || c === '\f') c = src[++this.pos];
      if (c === undefined) return this.finish();
      if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
        continue;
      }
      if (c === '\n') {
        if (this.brackets.length === 0) this.pushNewline();
        this.pos++;
        this.newline(this.pos);
        atLineStart = true;
        continue;
      }
      if (c === '\\') {
        if (src[this.pos + 1] !== '\n')
          this.fail(
            'unexpected character after line continuation character',
            this.line,
            this.charCol(this.pos) + 2,
          );
        this.pos += 2;
        this.newline(this.pos);
        if (this.pos >= src.length) this.fail('unexpected EOF while parsing', this.line, 1);
        continue;
      }
      this.token(c);
    }
  }

  private pushNewline(): void {
    const last = this.tokens[this.tokens.length - 1];
    if (
      last === undefined ||
      last.type === 'NEWLINE' ||
      last.type === 'INDENT' ||
      last.type === 'DEDENT'
    )
      return;
    const start = this.pos;
    this.pos++;
    const col = this.byteCol(start);
    this.pos--;
    const line = this.line + this.origin.line - 1;
    const offset = this.charCol(start) + 1;
    this.tokens.push({
      type: 'NEWLINE',
      value: '\n',
      line,
      col,
      endLine: line,
      endCol: col + 1,
      offset,
      endOffset: offset + 1,
    });
  }

  /** Measures a line's indentation; true when the line was blank (nothing to tokenize). */
  private indentation(): boolean {
    const src = this.src;
    let col = 0;
    let alt = 0;
    let i = this.pos;
    for (; i < src.length; i++) {
      const c = src[i];
      if (c === ' ') {
        col++;
        alt++;
      } else if (c === '\t') {
        col = (Math.floor(col / 8) + 1) * 8;
        alt++;
      } else if (c === '\f') col = alt = 0;
      else break;
    }
    const c = src[i];
    if (c === '#' || c === '\n' || c === undefined || (c === '\\' && src[i + 1] === '\n')) {
      if (c === '#' || c === undefined) this.pos = i;
      return false;
    }
    this.pos = i;
    const top = this.indents[this.indents.length - 1]!;
    const altTop = this.altIndents[this.altIndents.length - 1]!;
    const tabError = (): never =>
      this.fail('inconsistent use of tabs and spaces in indentation', this.line, 1, 'TabError');
    if (col === top) {
      if (alt !== altTop) tabError();
    } else if (col > top) {
      if (alt <= altTop) tabError();
      this.indents.push(col);
      this.altIndents.push(alt);
      this.pushEmpty('INDENT', String(i - this.lineStart));
    } else {
      // A mismatch is reported before any DEDENT is produced, as CPython's tokenizer does.
      if (!this.indents.includes(col)) {
        const text = this.lineText(this.lineStart);
        this.fail(
          'unindent does not match any outer indentation level',
          this.line,
          text.length + 1,
          'IndentationError',
        );
      }
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.altIndents.pop();
        this.pushEmpty('DEDENT');
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) tabError();
    }
    return false;
  }

  private finish(): void {
    if (this.brackets.length > 0) {
      const b = this.brackets[this.brackets.length - 1]!;
      this.fail(`'${b.ch}' was never closed`, b.line, b.offset);
    }
    this.pushNewline();
    while (this.indents.length > 1) {
      this.indents.pop();
      this.pushEmpty('DEDENT');
    }
    this.pushEmpty('ENDMARKER');
  }

  private token(c: string): void {
    const src = this.src;
    const start = this.pos;
    const startLine = this.line;
    const startLineStart = this.lineStart;
    const startCol = this.byteCol(start);
    const push = (type: TokenType) => this.push(type, start, startLine, startLineStart, startCol);
    if (isIdStart(c)) {
      const prefix = stringPrefixLength(src, start);
      if (prefix >= 0) {
        this.pos = scanString(this, start, prefix);
        return push('STRING');
      }
      this.pos++;
      while (this.pos < src.length && isIdContinue(src[this.pos]!)) this.pos++;
      push('NAME');
      const last = this.tokens[this.tokens.length - 1]!;
      if (!this.ascii) last.value = last.value.normalize('NFKC');
      return;
    }
    if (
      (c >= '0' && c <= '9') ||
      (c === '.' && (src[start + 1] ?? '') >= '0' && (src[start + 1] ?? ':') <= '9')
    ) {
      this.pos = scanNumber(this, start);
      return push('NUMBER');
    }
    if (c === '"' || c === "'") {
      this.pos = scanString(this, start, 0);
      return push('STRING');
    }
    const op = OPERATORS_3.has(src.substr(start, 3))
      ? 3
      : OPERATORS_2.has(src.substr(start, 2))
        ? 2
        : OPERATORS_1.has(c)
          ? 1
          : 0;
    if (op === 0) this.fail(invalidCharacter(c), this.line, this.charCol(start) + 1);
    this.pos += op;
    if (c === '(' || c === '[' || c === '{') {
      this.brackets.push({
        ch: c,
        line: this.line,
        offset: this.charCol(start) + 1,
        col: startCol,
      });
    } else if (op === 1 && CLOSERS[c] !== undefined) {
      const open = this.brackets.pop();
      const offset = this.charCol(start) + 1;
      if (open === undefined) this.fail(`unmatched '${c}'`, this.line, offset);
      if (open.ch !== CLOSERS[c]) {
        const where = open.line !== this.line ? ` on line ${open.line + this.origin.line - 1}` : '';
        this.fail(
          `closing parenthesis '${c}' does not match opening parenthesis '${open.ch}'${where}`,
          this.line,
          offset,
        );
      }
    }
    push('OP');
  }
}

/** Tokenizes `src` (newlines already normalized). */
export function tokenize(src: string, origin?: Origin): Token[] {
  return new Tokenizer(src, origin).run();
}
