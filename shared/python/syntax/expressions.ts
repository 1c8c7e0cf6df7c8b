/**
 * Expressions by precedence, lowest first (python.gram: star_expressions … power), producing
 * CPython's nodes and positions. Parentheses do not create nodes: `(a)` is the Name `a` at its
 * own position.
 */
import type { CmpOp, Expr, Operator } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { load } from './cursor.ts';
import { parsePrimary } from './atoms.ts';
import { parseLambda } from './params.ts';

/** star_expressions: `a`, or a Tuple when there is a comma (trailing comma included). */
export function parseStarExpressions(p: Cursor): Expr {
  const start = p.peek();
  const first = parseStarExpression(p);
  if (!p.isOp(',')) return first;
  const elts = [first];
  while (p.eatOp(',')) {
    if (!startsExpression(p)) break;
    elts.push(parseStarExpression(p));
  }
  return { _type: 'Tuple', elts, ctx: load(), ...p.loc(start) };
}

export function parseStarExpression(p: Cursor): Expr {
  if (p.isOp('*')) {
    const star = p.next();
    const value = parseBitOr(p);
    return { _type: 'Starred', value, ctx: load(), ...p.loc(star) };
  }
  return parseExpression(p);
}

/** star_named_expression: `*a` or a (possibly walrus) expression, as in list displays. */
export function parseStarNamed(p: Cursor): Expr {
  if (p.isOp('*')) {
    const star = p.next();
    const value = parseBitOr(p);
    return { _type: 'Starred', value, ctx: load(), ...p.loc(star) };
  }
  return parseNamed(p);
}

export function parseNamed(p: Cursor): Expr {
  if (p.isName() && p.isOp(':=', 1)) {
    const t = p.next();
    const target: Expr = { _type: 'Name', id: t.value, ctx: { _type: 'Store' }, ...p.loc(t) };
    p.next();
    const value = parseExpression(p);
    return { _type: 'NamedExpr', target, value, ...p.loc(t) };
  }
  const e = parseExpression(p);
  if (p.isOp(':=')) p.failNode(`cannot use assignment expressions with ${describe(e)}`, e);
  return e;
}

const EXPR_KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'await',
  'lambda',
  'not',
]);

/** True when the next token can start an expression (ends optional trailing-comma lists). */
export function startsExpression(p: Cursor): boolean {
  const t = p.peek();
  if (t.type === 'NUMBER' || t.type === 'STRING') return true;
  if (t.type === 'NAME') return p.isName() || EXPR_KEYWORDS.has(t.value);
  return t.type === 'OP' && ['(', '[', '{', '-', '+', '~', '*', '...'].includes(t.value);
}

export function parseExpression(p: Cursor): Expr {
  if (p.isKw('lambda')) return parseLambda(p);
  const start = p.peek();
  const body = parseDisjunction(p);
  if (!p.isKw('if')) return body;
  p.next();
  const test = parseDisjunction(p);
  if (!p.isKw('else')) p.failTok("expected 'else' after 'if' expression", start);
  p.next();
  const orelse = parseExpression(p);
  return { _type: 'IfExp', test, body, orelse, ...p.loc(start) };
}

function parseBool(p: Cursor, kw: 'or' | 'and', inner: (p: Cursor) => Expr): Expr {
  const start = p.peek();
  const first = inner(p);
  if (!p.isKw(kw)) return first;
  const values = [first];
  while (p.eatKw(kw)) values.push(inner(p));
  return { _type: 'BoolOp', op: { _type: kw === 'or' ? 'Or' : 'And' }, values, ...p.loc(start) };
}

export function parseDisjunction(p: Cursor): Expr {
  return parseBool(p, 'or', parseConjunction);
}

function parseConjunction(p: Cursor): Expr {
  return parseBool(p, 'and', parseInversion);
}

function parseInversion(p: Cursor): Expr {
  if (p.isKw('not')) {
    const t = p.next();
    const operand = parseInversion(p);
    return { _type: 'UnaryOp', op: { _type: 'Not' }, operand, ...p.loc(t) };
  }
  return parseComparison(p);
}

const COMPARE: Record<string, CmpOp['_type']> = {
  '==': 'Eq',
  '!=': 'NotEq',
  '<': 'Lt',
  '<=': 'LtE',
  '>': 'Gt',
  '>=': 'GtE',
};

function compareOp(p: Cursor): CmpOp['_type'] | null {
  const t = p.peek();
  if (t.type === 'OP') return COMPARE[t.value] ?? null;
  if (t.type !== 'NAME') return null;
  if (t.value === 'in') return 'In';
  if (t.value === 'not' && p.isKw('in', 1)) return 'NotIn';
  if (t.value === 'is') return p.isKw('not', 1) ? 'IsNot' : 'Is';
  return null;
}

function parseComparison(p: Cursor): Expr {
  const start = p.peek();
  const left = parseBitOr(p);
  let op = compareOp(p);
  if (op === null) return left;
  const ops: CmpOp[] = [];
  const comparators: Expr[] = [];
  while (op !== null) {
    p.next();
    if (op === 'NotIn' || op === 'IsNot') p.next();
    ops.push({ _type: op });
    comparators.push(parseBitOr(p));
    op = compareOp(p);
  }
  return { _type: 'Compare', left, ops, comparators, ...p.loc(start) };
}

/** Binary operator levels, loosest first; each is left-associative. */
const LEVELS: Record<string, Operator['_type']>[] = [
  { '|': 'BitOr' },
  { '^': 'BitXor' },
  { '&': 'BitAnd' },
  { '<<': 'LShift', '>>': 'RShift' },
  { '+': 'Add', '-': 'Sub' },
  { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '@': 'MatMult' },
];

function parseLevel(p: Cursor, level: number): Expr {
  if (level === LEVELS.length) return parseFactor(p);
  const start = p.peek();
  let left = parseLevel(p, level + 1);
  for (;;) {
    const t = p.peek();
    const op = t.type === 'OP' ? LEVELS[level]![t.value] : undefined;
    if (op === undefined) return left;
    p.next();
    const right = parseLevel(p, level + 1);
    left = { _type: 'BinOp', left, op: { _type: op }, right, ...p.loc(start) };
  }
}

export function parseBitOr(p: Cursor): Expr {
  return parseLevel(p, 0);
}

const UNARY: Record<string, 'UAdd' | 'USub' | 'Invert'> = {
  '+': 'UAdd',
  '-': 'USub',
  '~': 'Invert',
};

function parseFactor(p: Cursor): Expr {
  const t = p.peek();
  const op = t.type === 'OP' ? UNARY[t.value] : undefined;
  if (op !== undefined) {
    p.next();
    const operand = parseFactor(p);
    return { _type: 'UnaryOp', op: { _type: op }, operand, ...p.loc(t) };
  }
  return parsePower(p);
}

function parsePower(p: Cursor): Expr {
  const start = p.peek();
  let left: Expr;
  if (p.isKw('await')) {
    const t = p.next();
    const value = parsePrimary(p);
    left = { _type: 'Await', value, ...p.loc(t) };
  } else left = parsePrimary(p);
  if (!p.eatOp('**')) return left;
  const right = parseFactor(p);
  return { _type: 'BinOp', left, op: { _type: 'Pow' }, right, ...p.loc(start) };
}

export function parseYield(p: Cursor): Expr {
  const t = p.expectKw('yield');
  if (p.eatKw('from')) {
    const value = parseExpression(p);
    return { _type: 'YieldFrom', value, ...p.loc(t) };
  }
  const value = startsExpression(p) ? parseStarExpressions(p) : null;
  return { _type: 'Yield', value, ...p.loc(t) };
}

/** The noun CPython uses for an expression in "cannot assign to …" messages. */
export function describe(e: Expr): string {
  switch (e._type) {
    case 'Constant': {
      const v = e.value;
      if (v.t === 'None') return 'None';
      if (v.t === 'bool') return v.v ? 'True' : 'False';
      if (v.t === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Name':
      return 'name';
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Slice':
      return 'slice';
  }
}
