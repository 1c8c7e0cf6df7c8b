/**
 * Expression parser over one line's tokens (recursive descent).
 *
 * Grammar: expr := postfix [('is' | 'is not') postfix]
 *          postfix := atom ('.' NAME | '[' expr ']' | '(' [expr (',' expr)*] ')')*
 *          atom := NAME | None | True | False | INT | '-' INT | STRING | list | dict | tuple | '(' expr ')'
 * Other Python operators are recognised and reported as unsupported, naming the operator.
 */
import type { Expr } from './ast.ts';
import { KEYWORDS } from './syntax/tokens.ts';
import { syntaxError, unsupported } from './errors.ts';
import type { Token } from './tokenizer.ts';

const BINARY_OPS = new Set([
  '+',
  '-',
  '*',
  '/',
  '//',
  '%',
  '**',
  '@',
  '&',
  '|',
  '^',
  '<<',
  '>>',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
]);
const WORD_OPS = new Set(['and', 'or', 'in', 'not', 'if']);

/** A cursor over one line's tokens. */
export class Cursor {
  readonly tokens: Token[];
  readonly line: number;
  pos = 0;
  constructor(tokens: Token[], line: number) {
    this.tokens = tokens;
    this.line = line;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  atOp(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'op' && t.text === text;
  }
  atName(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'name' && t.text === text;
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  next(): Token {
    const t = this.tokens[this.pos];
    if (!t) syntaxError(this.line, 'invalid syntax (unexpected end of line)');
    this.pos++;
    return t;
  }
  expectOp(text: string): void {
    const t = this.peek();
    if (!this.atOp(text))
      syntaxError(this.line, `invalid syntax: expected '${text}'${t ? ` before '${t.text}'` : ''}`);
    this.pos++;
  }
  expectName(): string {
    const t = this.next();
    if (t.kind !== 'name' || KEYWORDS.has(t.text))
      syntaxError(this.line, `invalid syntax: expected a name, got '${t.text}'`);
    return t.text;
  }
}

/** Parses one expression at the cursor (see the grammar above). */
export function parseExpr(c: Cursor): Expr {
  const left = parsePostfix(c);
  if (c.atName('is')) {
    c.next();
    const negated = c.atName('not');
    if (negated) c.next();
    return { e: 'is', left, right: parsePostfix(c), negated };
  }
  rejectOperator(c);
  return left;
}

function rejectOperator(c: Cursor): void {
  const t = c.peek();
  if (!t) return;
  if ((t.kind === 'op' && BINARY_OPS.has(t.text)) || (t.kind === 'name' && WORD_OPS.has(t.text))) {
    unsupported(c.line, `the '${t.text}' operator (only 'is' and 'is not' compare values)`);
  }
}

function parsePostfix(c: Cursor): Expr {
  let expr = parseAtom(c);
  for (;;) {
    if (c.atOp('.')) {
      c.next();
      expr = { e: 'attr', obj: expr, name: c.expectName() };
    } else if (c.atOp('[')) {
      c.next();
      if (c.atOp(':') || c.atOp(']')) unsupported(c.line, 'slices');
      const index = parseExpr(c);
      if (c.atOp(':') || c.atOp(',')) unsupported(c.line, 'slices and tuple indices');
      c.expectOp(']');
      expr = { e: 'index', obj: expr, index };
    } else if (c.atOp('(')) {
      c.next();
      expr = { e: 'call', fn: expr, args: parseSequence(c, ')') };
    } else {
      return expr;
    }
  }
}

/** Comma-separated expressions up to `close` (consumed); keyword arguments are unsupported. */
function parseSequence(c: Cursor, close: string): Expr[] {
  const items: Expr[] = [];
  while (!c.atOp(close)) {
    if (c.atOp('*') || c.atOp('**')) unsupported(c.line, 'star arguments');
    if (c.peek()?.kind === 'name' && c.peek(1)?.text === '=' && c.peek(1)?.kind === 'op') {
      unsupported(c.line, `keyword arguments (${c.peek()?.text}=...)`);
    }
    items.push(parseExpr(c));
    if (!c.atOp(close)) c.expectOp(',');
  }
  c.next();
  return items;
}

function parseAtom(c: Cursor): Expr {
  const t = c.next();
  if (t.kind === 'int') return { e: 'int', v: Number(t.text) };
  if (t.kind === 'str') return { e: 'str', v: t.text };
  if (t.kind === 'name') return nameAtom(c, t.text);
  if (t.text === '-') {
    const n = c.peek();
    if (n?.kind !== 'int') unsupported(c.line, "unary '-' on anything but an integer literal");
    c.next();
    return { e: 'int', v: -Number(n.text) };
  }
  if (t.text === '[') return { e: 'list', items: parseSequence(c, ']') };
  if (t.text === '{') return parseDict(c);
  if (t.text === '(') return parseParen(c);
  return syntaxError(c.line, `invalid syntax at '${t.text}'`);
}

function nameAtom(c: Cursor, text: string): Expr {
  if (text === 'None') return { e: 'none' };
  if (text === 'True' || text === 'False') return { e: 'bool', v: text === 'True' };
  if (text === 'lambda' || text === 'await' || text === 'yield' || text === 'not') {
    unsupported(c.line, `'${text}' expressions`);
  }
  if (KEYWORDS.has(text)) syntaxError(c.line, `invalid syntax at '${text}'`);
  return { e: 'name', id: text };
}

function parseDict(c: Cursor): Expr {
  const entries: [Expr, Expr][] = [];
  while (!c.atOp('}')) {
    const key = parseExpr(c);
    if (!c.atOp(':')) unsupported(c.line, 'set displays');
    c.next();
    entries.push([key, parseExpr(c)]);
    if (!c.atOp('}')) c.expectOp(',');
  }
  c.next();
  return { e: 'dict', entries };
}

function parseParen(c: Cursor): Expr {
  if (c.atOp(')')) {
    c.next();
    return { e: 'tuple', items: [] };
  }
  const first = parseExpr(c);
  if (c.atOp(')')) {
    c.next();
    return first;
  }
  c.expectOp(',');
  return { e: 'tuple', items: [first, ...parseSequence(c, ')')] };
}
