/**
 * The parser's view of the token stream: lookahead, consumption, positions of the node being
 * built, and errors reported where CPython reports them (the furthest token it had to read).
 */
import type { Expr, Pos } from './ast.ts';
import { PySyntaxError } from './errors.ts';
import type { SyntaxErrorType } from './errors.ts';
import type { Token } from './tokens.ts';
import { KEYWORDS } from './tokens.ts';

/** Tokens that never end a node: a block's end is its last statement's last token. */
const LAYOUT: ReadonlySet<string> = new Set(['NEWLINE', 'INDENT', 'DEDENT']);

const EXPR_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'await',
  'lambda',
  'not',
]);

export class Cursor {
  i = 0;
  /** The furthest token index looked at: generic errors point there, as CPython's do. */
  far = 0;

  readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private at(j: number): Token {
    return this.tokens[Math.min(j, this.tokens.length - 1)]!;
  }

  peek(k = 0): Token {
    const j = Math.min(this.i + k, this.tokens.length - 1);
    if (j > this.far) this.far = j;
    const t = this.at(j);
    if (t.type === 'ERROR') throw t.error;
    return t;
  }

  next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  /** The last consumed token: where the node being built ends. */
  get last(): Token {
    let j = this.i - 1;
    while (j > 0 && LAYOUT.has(this.at(j).type)) j--;
    return this.at(j);
  }

  isOp(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === 'OP' && t.value === v;
  }

  isKw(v: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === 'NAME' && t.value === v;
  }

  /** A NAME that is not a hard keyword (soft keywords `match`, `case`, `_` are names). */
  isName(k = 0): boolean {
    const t = this.peek(k);
    return t.type === 'NAME' && !KEYWORDS.has(t.value);
  }

  eatOp(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.i++;
    return true;
  }

  eatKw(v: string): boolean {
    if (!this.isKw(v)) return false;
    this.i++;
    return true;
  }

  expectOp(v: string): Token {
    if (!this.isOp(v)) this.invalid();
    return this.next();
  }

  expectKw(v: string): Token {
    if (!this.isKw(v)) this.invalid();
    return this.next();
  }

  /** `:` that ends a compound statement's header: CPython says "expected ':'" after the header. */
  expectColon(): void {
    if (this.eatOp(':')) return;
    const t = this.peek();
    if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') {
      const prev = this.last;
      this.failAt("expected ':'", prev.endLine, prev.endOffset);
    }
    this.invalid();
  }

  name(): Token {
    if (!this.isName()) this.invalid();
    return this.next();
  }

  loc(start: Token | Pos): Pos {
    const last = this.last;
    return 'type' in start
      ? {
          lineno: start.line,
          col_offset: start.col,
          end_lineno: last.endLine,
          end_col_offset: last.endCol,
        }
      : {
          lineno: start.lineno,
          col_offset: start.col_offset,
          end_lineno: last.endLine,
          end_col_offset: last.endCol,
        };
  }

  /** From one node's start to another's end. */
  span(from: Pos, to: Pos): Pos {
    return {
      lineno: from.lineno,
      col_offset: from.col_offset,
      end_lineno: to.end_lineno,
      end_col_offset: to.end_col_offset,
    };
  }

  failAt(msg: string, line: number, offset: number, type: SyntaxErrorType = 'SyntaxError'): never {
    throw new PySyntaxError(type, msg, line, offset);
  }

  failTok(msg: string, t: Token, type: SyntaxErrorType = 'SyntaxError'): never {
    return this.failAt(msg, t.line, t.offset, type);
  }

  /** An error at a node: CPython reports the node's start column (converted to characters). */
  failNode(msg: string, node: Pos): never {
    const t = this.tokens.find((x) => x.line === node.lineno && x.col === node.col_offset);
    return this.failAt(msg, node.lineno, t ? t.offset : node.col_offset + 1);
  }

  /** CPython's generic error, at the furthest token read. */
  invalid(): never {
    const far = Math.max(this.far, this.i);
    const t = this.at(far);
    if (t.type === 'ERROR') throw t.error;
    if (t.type === 'INDENT')
      return this.failAt('unexpected indent', t.line, Number(t.value), 'IndentationError');
    if (t.type === 'DEDENT' && far === this.i)
      return this.failAt('unexpected unindent', t.line, t.offset, 'IndentationError');
    // CPython then tokenizes the rest of the file: a tokenizer error there wins.
    return this.failTok('invalid syntax', t);
  }

  /** `a b` inside brackets: CPython's "Perhaps you forgot a comma?" at `a`. */
  checkComma(start: Token, closer: string): void {
    if (this.isOp(',') || this.isOp(closer)) return;
    const t = this.peek();
    if (start.type === 'NAME' && t.type === 'STRING') return;
    const startsExpr =
      t.type === 'NUMBER' ||
      t.type === 'STRING' ||
      (t.type === 'NAME' && (!KEYWORDS.has(t.value) || EXPR_KEYWORDS.has(t.value))) ||
      (t.type === 'OP' && ['(', '[', '{', '-', '+', '~', '...'].includes(t.value));
    if (startsExpr) this.failTok('invalid syntax. Perhaps you forgot a comma?', start);
  }
}

export const load = (): { _type: 'Load' } => ({ _type: 'Load' });

/** Position fields of an expression (for re-spanning). */
export function posOf(e: Expr | Pos): Pos {
  return {
    lineno: e.lineno,
    col_offset: e.col_offset,
    end_lineno: e.end_lineno,
    end_col_offset: e.end_col_offset,
  };
}
