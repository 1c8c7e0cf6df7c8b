/** Compound statements and blocks (python.gram `compound_stmt`, `block`). */
import type { ExceptHandler, Expr, Stmt, WithItem } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { PySyntaxError } from './errors.ts';
import type { Token } from './tokens.ts';
import { parseExpression, parseNamed, parseStarExpressions } from './expressions.ts';
import { parseArgs } from './atoms.ts';
import { parseParams } from './params.ts';
import { parseTargetList, toTarget } from './targets.ts';
import { parsePrimary } from './atoms.ts';
import { parseSimpleStatements } from './simple.ts';
import { parseMatch } from './patterns.ts';

/** statements until the end of the block (DEDENT) or file. */
export function parseStatements(p: Cursor, until: 'DEDENT' | 'ENDMARKER'): Stmt[] {
  const out: Stmt[] = [];
  while (p.peek().type !== until) {
    if (p.peek().type === 'ENDMARKER') p.invalid();
    out.push(...parseStatement(p));
  }
  return out;
}

/** block: `: NEWLINE INDENT statements DEDENT` or simple statements on the header's line. */
export function parseBlock(p: Cursor, what: string, header: Token): Stmt[] {
  p.expectColon();
  if (p.peek().type !== 'NEWLINE') return parseSimpleStatements(p);
  p.next();
  const t = p.peek();
  if (t.type !== 'INDENT') {
    p.failAt(
      `expected an indented block after ${what} on line ${header.line}`,
      t.line,
      t.offset,
      'IndentationError',
    );
  }
  p.next();
  const body = parseStatements(p, 'DEDENT');
  p.next();
  return body;
}

function parseStatement(p: Cursor): Stmt[] {
  const t = p.peek();
  if (t.type === 'INDENT') p.invalid();
  if (t.type === 'OP' && t.value === '@') return [parseDecorated(p)];
  if (t.type !== 'NAME') return parseSimpleStatements(p);
  switch (t.value) {
    case 'if':
      return [parseIf(p, 'if')];
    case 'while':
      return [parseWhile(p)];
    case 'for':
      return [parseFor(p, t)];
    case 'with':
      return [parseWith(p, t)];
    case 'try':
      return [parseTry(p)];
    case 'def':
      return [parseDef(p, [], t)];
    case 'class':
      return [parseClass(p, [])];
    case 'async':
      if (p.isKw('def', 1)) return [parseDef(p, [], t)];
      if (p.isKw('for', 1)) return [parseFor(p, t)];
      if (p.isKw('with', 1)) return [parseWith(p, t)];
      break;
    case 'match': {
      const m = parseMatch(p);
      if (m) return [m];
    }
  }
  return parseSimpleStatements(p);
}

function parseIf(p: Cursor, kw: 'if' | 'elif'): Stmt {
  const t = p.next();
  const test = parseNamed(p);
  const body = parseBlock(p, `'${kw}' statement`, t);
  let orelse: Stmt[] = [];
  if (p.isKw('elif')) orelse = [parseIf(p, 'elif')];
  else if (p.isKw('else')) orelse = parseBlock(p, "'else' statement", p.next());
  return { _type: 'If', test, body, orelse, ...p.loc(t) };
}

function parseElse(p: Cursor): Stmt[] {
  return p.isKw('else') ? parseBlock(p, "'else' statement", p.next()) : [];
}

function parseWhile(p: Cursor): Stmt {
  const t = p.next();
  const test = parseNamed(p);
  const body = parseBlock(p, "'while' statement", t);
  const orelse = parseElse(p);
  return { _type: 'While', test, body, orelse, ...p.loc(t) };
}

function parseFor(p: Cursor, start: Token): Stmt {
  const isAsync = p.eatKw('async');
  const t = p.expectKw('for');
  const target = parseTargetList(p);
  p.expectKw('in');
  const iter = parseStarExpressions(p);
  const body = parseBlock(p, "'for' statement", t);
  const orelse = parseElse(p);
  return {
    _type: isAsync ? 'AsyncFor' : 'For',
    target,
    iter,
    body,
    orelse,
    type_comment: null,
    ...p.loc(start),
  };
}

function parseWithItem(p: Cursor): WithItem {
  const context_expr = parseExpression(p);
  let optional_vars: Expr | null = null;
  if (p.eatKw('as')) optional_vars = toTarget(p, parseWithTarget(p), 'Store');
  return { _type: 'withitem', context_expr, optional_vars };
}

function parseWithTarget(p: Cursor): Expr {
  if (p.isOp('*')) {
    const star = p.next();
    const value = parsePrimary(p);
    return { _type: 'Starred', value, ctx: { _type: 'Load' }, ...p.loc(star) };
  }
  return parsePrimary(p);
}

function parseWith(p: Cursor, start: Token): Stmt {
  const isAsync = p.eatKw('async');
  const t = p.expectKw('with');
  let items: WithItem[] | null = null;
  if (p.isOp('(')) {
    const save = p.i;
    try {
      p.next();
      items = [parseWithItem(p)];
      while (p.eatOp(',')) {
        if (p.isOp(')')) break;
        items.push(parseWithItem(p));
      }
      p.expectOp(')');
      if (!p.isOp(':')) throw new PySyntaxError('SyntaxError', 'retry', 0, 0);
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      p.i = save;
      items = null;
    }
  }
  if (items === null) {
    items = [parseWithItem(p)];
    while (p.eatOp(',')) items.push(parseWithItem(p));
  }
  const body = parseBlock(p, "'with' statement", t);
  return {
    _type: isAsync ? 'AsyncWith' : 'With',
    items,
    body,
    type_comment: null,
    ...p.loc(start),
  };
}

function parseTry(p: Cursor): Stmt {
  const t = p.next();
  const body = parseBlock(p, "'try' statement", t);
  const handlers: ExceptHandler[] = [];
  let star = false;
  while (p.isKw('except')) {
    const ex = p.next();
    const isStar = p.eatOp('*');
    star ||= isStar;
    let type: Expr | null = null;
    let name: string | null = null;
    if (!p.isOp(':')) {
      type = parseExpression(p);
      if (p.isOp(',')) p.failNode('multiple exception types must be parenthesized', type);
      if (p.eatKw('as')) name = p.name().value;
    }
    const hbody = parseBlock(p, isStar ? "'except*' statement" : "'except' statement", ex);
    handlers.push({ _type: 'ExceptHandler', type, name, body: hbody, ...p.loc(ex) });
  }
  const orelse = handlers.length > 0 ? parseElse(p) : [];
  const finalbody = p.isKw('finally') ? parseBlock(p, "'finally' statement", p.next()) : [];
  if (handlers.length === 0 && finalbody.length === 0)
    p.failTok("expected 'except' or 'finally' block", p.peek());
  return { _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody, ...p.loc(t) };
}

function parseDecorated(p: Cursor): Stmt {
  const decorators: Expr[] = [];
  while (p.eatOp('@')) {
    decorators.push(parseNamed(p));
    if (p.peek().type !== 'NEWLINE') p.invalid();
    p.next();
  }
  const t = p.peek();
  if (p.isKw('class')) return parseClass(p, decorators);
  if (p.isKw('def') || (p.isKw('async') && p.isKw('def', 1))) return parseDef(p, decorators, t);
  return p.invalid();
}

function parseDef(p: Cursor, decorator_list: Expr[], start: Token): Stmt {
  const isAsync = p.eatKw('async');
  const t = p.expectKw('def');
  const name = p.name().value;
  if (!p.isOp('(')) p.failTok("expected '('", p.peek());
  p.next();
  const args = parseParams(p, ')', true);
  p.expectOp(')');
  const returns = p.eatOp('->') ? parseExpression(p) : null;
  const body = parseBlock(p, 'function definition', t);
  const _type = isAsync ? 'AsyncFunctionDef' : 'FunctionDef';
  return { _type, name, args, body, decorator_list, returns, type_comment: null, ...p.loc(start) };
}

function parseClass(p: Cursor, decorator_list: Expr[]): Stmt {
  const t = p.next();
  const name = p.name().value;
  const { args: bases, keywords } = p.isOp('(') ? parseArgs(p) : { args: [], keywords: [] };
  const body = parseBlock(p, 'class definition', t);
  return { _type: 'ClassDef', name, bases, keywords, body, decorator_list, ...p.loc(t) };
}
