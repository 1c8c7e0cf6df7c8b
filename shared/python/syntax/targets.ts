/** Assignment, `for` and `del` targets: store/del contexts and CPython's invalid-target errors. */
import type { Expr } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parsePrimary } from './atoms.ts';
import { describe } from './expressions.ts';

type Ctx = 'Store' | 'Del';

/** The first expression that cannot be a target, or null when `e` can be one. */
export function invalidTarget(e: Expr, ctx: Ctx): Expr | null {
  switch (e._type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return null;
    case 'Starred':
      return ctx === 'Del' ? e : invalidTarget(e.value, ctx);
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const bad = invalidTarget(x, ctx);
        if (bad) return bad;
      }
      return null;
    case 'Compare':
      // `for x in y` parsed as an expression: CPython blames the comparison's left side.
      return ctx === 'Store' && e.ops[0]?._type === 'In' ? invalidTarget(e.left, ctx) : e;
    default:
      return e;
  }
}

/** Marks `e` (already validated) as a store or del target, recursively. */
export function setContext(e: Expr, ctx: Ctx): Expr {
  switch (e._type) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      e.ctx = { _type: ctx };
      break;
    case 'Starred':
      e.ctx = { _type: ctx };
      setContext(e.value, ctx);
      break;
    case 'List':
    case 'Tuple':
      e.ctx = { _type: ctx };
      for (const x of e.elts) setContext(x, ctx);
      break;
  }
  return e;
}

/** Validates and marks a target, failing as CPython does ("cannot assign to literal"). */
export function toTarget(p: Cursor, e: Expr, ctx: Ctx): Expr {
  const bad = invalidTarget(e, ctx);
  if (bad) {
    if (bad._type === 'Yield' || bad._type === 'YieldFrom')
      p.failNode('assignment to yield expression not possible', bad);
    p.failNode(`cannot ${ctx === 'Store' ? 'assign to' : 'delete'} ${describe(bad)}`, bad);
  }
  return setContext(e, ctx);
}

function startsTarget(p: Cursor): boolean {
  return p.isName() || p.isOp('(') || p.isOp('[') || p.isOp('*');
}

function parseStarTarget(p: Cursor): Expr {
  if (p.isOp('*')) {
    const star = p.next();
    const value = parseStarTarget(p);
    return { _type: 'Starred', value, ctx: { _type: 'Load' }, ...p.loc(star) };
  }
  return parsePrimary(p);
}

/** star_targets (as in `for` and comprehensions), in Store context. */
export function parseTargetList(p: Cursor): Expr {
  const start = p.peek();
  const first = parseStarTarget(p);
  let e = first;
  if (p.isOp(',')) {
    const elts = [first];
    while (p.eatOp(',')) {
      if (!startsTarget(p)) break;
      elts.push(parseStarTarget(p));
    }
    e = { _type: 'Tuple', elts, ctx: { _type: 'Load' }, ...p.loc(start) };
  }
  return toTarget(p, e, 'Store');
}
