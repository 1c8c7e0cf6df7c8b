/** Simple statements (python.gram `simple_stmt`): assignments, expressions, and keywords. */
import type { Alias, Expr, Operator, Stmt } from './ast.ts';
import type { Cursor } from './cursor.ts';
import type { Token } from './tokens.ts';
import {
  describe,
  parseExpression,
  parseStarExpressions,
  parseYield,
  startsExpression,
} from './expressions.ts';
import { parsePrimary } from './atoms.ts';
import { invalidTarget, toTarget } from './targets.ts';

const AUG: Record<string, Operator['_type']> = {
  '+=': 'Add',
  '-=': 'Sub',
  '*=': 'Mult',
  '@=': 'MatMult',
  '/=': 'Div',
  '%=': 'Mod',
  '&=': 'BitAnd',
  '|=': 'BitOr',
  '^=': 'BitXor',
  '<<=': 'LShift',
  '>>=': 'RShift',
  '**=': 'Pow',
  '//=': 'FloorDiv',
};

/** simple_stmts: `a; b; c` up to and including the NEWLINE. */
export function parseSimpleStatements(p: Cursor): Stmt[] {
  const out = [parseSimple(p)];
  while (p.eatOp(';')) {
    if (p.peek().type === 'NEWLINE') break;
    out.push(parseSimple(p));
  }
  if (p.peek().type !== 'NEWLINE') {
    checkLegacyPrint(p, out[out.length - 1]!);
    p.invalid();
  }
  p.next();
  return out;
}

/** `print x`: CPython's hint, when a bare `print`/`exec` is followed by an expression. */
function checkLegacyPrint(p: Cursor, s: Stmt): void {
  if (s._type !== 'Expr' || s.value._type !== 'Name') return;
  const name = s.value.id;
  if ((name === 'print' || name === 'exec') && startsExpression(p)) {
    p.failNode(`Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`, s.value);
  }
}

function rhs(p: Cursor): Expr {
  return p.isKw('yield') ? parseYield(p) : parseStarExpressions(p);
}

function parseSimple(p: Cursor): Stmt {
  const t = p.peek();
  if (t.type === 'NAME') {
    switch (t.value) {
      case 'pass':
      case 'break':
      case 'continue':
        p.next();
        return {
          _type: t.value === 'pass' ? 'Pass' : t.value === 'break' ? 'Break' : 'Continue',
          ...p.loc(t),
        };
      case 'return': {
        p.next();
        const value = startsExpression(p) ? parseStarExpressions(p) : null;
        return { _type: 'Return', value, ...p.loc(t) };
      }
      case 'raise': {
        p.next();
        const exc = startsExpression(p) ? parseExpression(p) : null;
        const cause = exc && p.eatKw('from') ? parseExpression(p) : null;
        return { _type: 'Raise', exc, cause, ...p.loc(t) };
      }
      case 'global':
      case 'nonlocal': {
        p.next();
        const names = [p.name().value];
        while (p.eatOp(',')) names.push(p.name().value);
        return { _type: t.value === 'global' ? 'Global' : 'Nonlocal', names, ...p.loc(t) };
      }
      case 'del':
        return parseDel(p, t);
      case 'assert': {
        p.next();
        const test = parseExpression(p);
        const msg = p.eatOp(',') ? parseExpression(p) : null;
        return { _type: 'Assert', test, msg, ...p.loc(t) };
      }
      case 'import':
        return parseImport(p, t);
      case 'from':
        return parseFrom(p, t);
    }
  }
  return parseExpressionStatement(p, t);
}

function parseDel(p: Cursor, t: Token): Stmt {
  p.next();
  const targets: Expr[] = [];
  do {
    if (p.peek().type === 'NEWLINE' || p.isOp(';')) break;
    targets.push(toTarget(p, parsePrimary(p), 'Del'));
  } while (p.eatOp(','));
  if (targets.length === 0) p.invalid();
  return { _type: 'Delete', targets, ...p.loc(t) };
}

function parseExpressionStatement(p: Cursor, t: Token): Stmt {
  const e = rhs(p);
  if (p.isOp(':') && e._type !== 'Yield' && e._type !== 'YieldFrom') {
    p.next();
    if (e._type === 'Tuple' || e._type === 'List') {
      p.failNode(
        `only single target (not ${e._type === 'Tuple' ? 'tuple' : 'list'}) can be annotated`,
        e,
      );
    }
    if (e._type !== 'Name' && e._type !== 'Attribute' && e._type !== 'Subscript')
      p.failNode('illegal target for annotation', e);
    const target = toTarget(p, e, 'Store');
    const annotation = parseExpression(p);
    const value = p.eatOp('=') ? rhs(p) : null;
    const simple = e._type === 'Name' && !(t.type === 'OP' && t.value === '(') ? 1 : 0;
    return { _type: 'AnnAssign', target, annotation, value, simple, ...p.loc(t) };
  }
  const aug = p.peek().type === 'OP' ? AUG[p.peek().value] : undefined;
  if (aug !== undefined) {
    if (e._type !== 'Name' && e._type !== 'Attribute' && e._type !== 'Subscript') {
      p.failNode(`'${describe(e)}' is an illegal expression for augmented assignment`, e);
    }
    p.next();
    const target = toTarget(p, e, 'Store');
    const value = rhs(p);
    return { _type: 'AugAssign', target, op: { _type: aug }, value, ...p.loc(t) };
  }
  if (!p.isOp('=')) return { _type: 'Expr', value: e, ...p.loc(t) };
  const targets = [e];
  let value = e;
  while (p.eatOp('=')) {
    value = rhs(p);
    targets.push(value);
  }
  targets.pop();
  if (targets.length === 1) {
    const bad = invalidTarget(e, 'Store');
    const plain =
      bad === e && !['List', 'Tuple', 'GeneratorExp', 'Yield', 'YieldFrom'].includes(e._type);
    const singleton = e._type === 'Constant' && ['None', 'bool'].includes(e.value.t);
    if (plain && !singleton)
      p.failNode(`cannot assign to ${describe(e)} here. Maybe you meant '==' instead of '='?`, e);
  }
  for (const x of targets) toTarget(p, x, 'Store');
  return { _type: 'Assign', targets, value, type_comment: null, ...p.loc(t) };
}

function dottedName(p: Cursor): string {
  let name = p.name().value;
  while (p.eatOp('.')) name += '.' + p.name().value;
  return name;
}

function alias(p: Cursor, dotted: boolean): Alias {
  const t = p.peek();
  const name = dotted ? dottedName(p) : p.name().value;
  const asname = p.eatKw('as') ? p.name().value : null;
  return { _type: 'alias', name, asname, ...p.loc(t) };
}

function parseImport(p: Cursor, t: Token): Stmt {
  p.next();
  const names = [alias(p, true)];
  while (p.eatOp(',')) names.push(alias(p, true));
  return { _type: 'Import', names, ...p.loc(t) };
}

function parseFrom(p: Cursor, t: Token): Stmt {
  p.next();
  let level = 0;
  for (;;) {
    if (p.eatOp('.')) level += 1;
    else if (p.eatOp('...')) level += 3;
    else break;
  }
  const module = level === 0 || !p.isKw('import') ? dottedName(p) : null;
  p.expectKw('import');
  const names: Alias[] = [];
  const star = p.peek();
  if (p.eatOp('*')) {
    names.push({ _type: 'alias', name: '*', asname: null, ...p.loc(star) });
  } else if (p.eatOp('(')) {
    do {
      if (p.isOp(')')) break;
      names.push(alias(p, false));
    } while (p.eatOp(','));
    p.expectOp(')');
  } else {
    names.push(alias(p, false));
    while (p.eatOp(',')) {
      if (p.peek().type === 'NEWLINE')
        p.failAt(
          'trailing comma not allowed without surrounding parentheses',
          p.peek().line,
          p.peek().offset,
        );
      names.push(alias(p, false));
    }
  }
  return { _type: 'ImportFrom', module, names, level, ...p.loc(t) };
}
