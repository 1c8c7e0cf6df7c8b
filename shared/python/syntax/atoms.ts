/** Atoms and trailers: names, literals, displays, comprehensions, calls, attributes, subscripts. */
import type { Comprehension, Expr, Keyword } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { load } from './cursor.ts';
import type { Token } from './tokens.ts';
import { numberConstant } from './literals.ts';
import { parseStrings } from './strings.ts';
import {
  parseBitOr,
  parseDisjunction,
  parseExpression,
  parseNamed,
  parseStarNamed,
  parseYield,
} from './expressions.ts';
import { parseTargetList } from './targets.ts';

/** primary: an atom followed by `.name`, `(args)` and `[slices]` trailers. */
export function parsePrimary(p: Cursor): Expr {
  const start = p.peek();
  let e = parseAtom(p);
  for (;;) {
    if (p.eatOp('.')) {
      const attr = p.name().value;
      e = { _type: 'Attribute', value: e, attr, ctx: load(), ...p.loc(start) };
    } else if (p.isOp('(')) {
      e = parseCall(p, e, start);
    } else if (p.eatOp('[')) {
      const slice = parseSlices(p);
      p.expectOp(']');
      e = { _type: 'Subscript', value: e, slice, ctx: load(), ...p.loc(start) };
    } else return e;
  }
}

function parseAtom(p: Cursor): Expr {
  const t = p.peek();
  if (t.type === 'NAME') {
    if (t.value === 'True' || t.value === 'False') {
      p.next();
      return {
        _type: 'Constant',
        value: { t: 'bool', v: t.value === 'True' },
        kind: null,
        ...p.loc(t),
      };
    }
    if (t.value === 'None') {
      p.next();
      return { _type: 'Constant', value: { t: 'None' }, kind: null, ...p.loc(t) };
    }
    p.name();
    return { _type: 'Name', id: t.value, ctx: load(), ...p.loc(t) };
  }
  if (t.type === 'NUMBER') {
    p.next();
    return { _type: 'Constant', value: numberConstant(t.value), kind: null, ...p.loc(t) };
  }
  if (t.type === 'STRING') {
    const toks: Token[] = [];
    while (p.peek().type === 'STRING') toks.push(p.next());
    return parseStrings(p, toks);
  }
  if (t.type === 'OP') {
    if (t.value === '(') return parseParen(p);
    if (t.value === '[') return parseList(p);
    if (t.value === '{') return parseBrace(p);
    if (t.value === '...') {
      p.next();
      return { _type: 'Constant', value: { t: 'Ellipsis' }, kind: null, ...p.loc(t) };
    }
  }
  return p.invalid();
}

function parseParen(p: Cursor): Expr {
  const open = p.next();
  if (p.eatOp(')')) return { _type: 'Tuple', elts: [], ctx: load(), ...p.loc(open) };
  if (p.isKw('yield')) {
    const y = parseYield(p);
    p.expectOp(')');
    return y;
  }
  const firstTok = p.peek();
  const first = parseStarNamed(p);
  if (isCompFor(p)) {
    const generators = parseComprehensions(p);
    p.expectOp(')');
    return { _type: 'GeneratorExp', elt: first, generators, ...p.loc(open) };
  }
  p.checkComma(firstTok, ')');
  if (p.eatOp(')')) {
    if (first._type === 'Starred') p.failNode('cannot use starred expression here', first);
    return first;
  }
  const elts = parseRest(p, first, ')');
  return { _type: 'Tuple', elts, ctx: load(), ...p.loc(open) };
}

/** After a first element: `, elt`* [`,`] then the closer (consumed). */
function parseRest(p: Cursor, first: Expr, closer: string): Expr[] {
  const elts = [first];
  while (p.eatOp(',')) {
    if (p.isOp(closer)) break;
    const t = p.peek();
    elts.push(parseStarNamed(p));
    p.checkComma(t, closer);
  }
  p.expectOp(closer);
  return elts;
}

function parseList(p: Cursor): Expr {
  const open = p.next();
  if (p.eatOp(']')) return { _type: 'List', elts: [], ctx: load(), ...p.loc(open) };
  const firstTok = p.peek();
  const first = parseStarNamed(p);
  if (isCompFor(p)) {
    const generators = parseComprehensions(p);
    p.expectOp(']');
    return { _type: 'ListComp', elt: first, generators, ...p.loc(open) };
  }
  p.checkComma(firstTok, ']');
  const elts = parseRest(p, first, ']');
  return { _type: 'List', elts, ctx: load(), ...p.loc(open) };
}

function parseBrace(p: Cursor): Expr {
  const open = p.next();
  if (p.eatOp('}')) return { _type: 'Dict', keys: [], values: [], ...p.loc(open) };
  let key: Expr | null = null;
  let value: Expr;
  if (p.eatOp('**')) value = parseBitOr(p);
  else {
    const firstTok = p.peek();
    const first = parseStarNamed(p);
    if (!p.eatOp(':')) {
      if (isCompFor(p)) {
        const generators = parseComprehensions(p);
        p.expectOp('}');
        return { _type: 'SetComp', elt: first, generators, ...p.loc(open) };
      }
      p.checkComma(firstTok, '}');
      const elts = parseRest(p, first, '}');
      return { _type: 'Set', elts, ...p.loc(open) };
    }
    key = first;
    const valueTok = p.peek();
    value = parseExpression(p);
    p.checkComma(valueTok, '}');
    if (isCompFor(p)) {
      const generators = parseComprehensions(p);
      p.expectOp('}');
      return { _type: 'DictComp', key, value, generators, ...p.loc(open) };
    }
  }
  const keys = [key];
  const values = [value];
  while (p.eatOp(',')) {
    if (p.isOp('}')) break;
    if (p.eatOp('**')) {
      keys.push(null);
      values.push(parseBitOr(p));
    } else {
      keys.push(parseExpression(p));
      p.expectOp(':');
      const valueTok = p.peek();
      values.push(parseExpression(p));
      p.checkComma(valueTok, '}');
    }
  }
  p.expectOp('}');
  return { _type: 'Dict', keys, values, ...p.loc(open) };
}

export function isCompFor(p: Cursor): boolean {
  return p.isKw('for') || (p.isKw('async') && p.isKw('for', 1));
}

export function parseComprehensions(p: Cursor): Comprehension[] {
  const out: Comprehension[] = [];
  while (isCompFor(p)) {
    const isAsync = p.eatKw('async') ? 1 : 0;
    p.expectKw('for');
    const target = parseTargetList(p);
    p.expectKw('in');
    const iter = parseDisjunction(p);
    const ifs: Expr[] = [];
    while (p.eatKw('if')) ifs.push(parseDisjunction(p));
    out.push({ _type: 'comprehension', target, iter, ifs, is_async: isAsync });
  }
  return out;
}

function parseSlice(p: Cursor): Expr {
  const t = p.peek();
  if (p.isOp('*')) return parseStarNamed(p);
  const lower = p.isOp(':') ? null : parseNamed(p);
  if (!p.eatOp(':')) return lower as Expr;
  const bound = () => (p.isOp(':') || p.isOp(',') || p.isOp(']') ? null : parseExpression(p));
  const upper = bound();
  const step = p.eatOp(':') ? bound() : null;
  return { _type: 'Slice', lower, upper, step, ...p.loc(t) };
}

function parseSlices(p: Cursor): Expr {
  const start = p.peek();
  const first = parseSlice(p);
  if (!p.isOp(',')) {
    if (first._type === 'Starred')
      return { _type: 'Tuple', elts: [first], ctx: load(), ...p.loc(start) };
    return first;
  }
  const elts = [first];
  while (p.eatOp(',')) {
    if (p.isOp(']')) break;
    elts.push(parseSlice(p));
  }
  return { _type: 'Tuple', elts, ctx: load(), ...p.loc(start) };
}

/** Call arguments after `func`; also the bases of a class statement. */
export function parseArgs(p: Cursor): { args: Expr[]; keywords: Keyword[]; open: Token } {
  const open = p.expectOp('(');
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  let misplaced = '';
  while (!p.isOp(')')) {
    const t = p.peek();
    if (p.eatOp('*')) {
      const value = parseExpression(p);
      if (keywords.some((k) => k.arg === null))
        p.failNode('iterable argument unpacking follows keyword argument unpacking', {
          lineno: t.line,
          col_offset: t.col,
          end_lineno: null,
          end_col_offset: null,
        });
      args.push({ _type: 'Starred', value, ctx: load(), ...p.loc(t) });
    } else if (p.eatOp('**')) {
      const value = parseExpression(p);
      keywords.push({ _type: 'keyword', arg: null, value, ...p.loc(t) });
    } else if (p.isName() && p.isOp('=', 1)) {
      p.next();
      p.next();
      const value = parseExpression(p);
      keywords.push({ _type: 'keyword', arg: t.value, value, ...p.loc(t) });
    } else {
      const e = parseNamed(p);
      if (isCompFor(p)) {
        const generators = parseComprehensions(p);
        const gen: Expr = { _type: 'GeneratorExp', elt: e, generators, ...p.loc(open) };
        if (args.length > 0 || keywords.length > 0 || !p.isOp(')')) {
          p.failNode('Generator expression must be parenthesized', e);
        }
        gen.end_col_offset = p.peek().endCol;
        gen.end_lineno = p.peek().endLine;
        args.push(gen);
        break;
      }
      if (keywords.length > 0 && !misplaced) {
        const unpack = keywords.some((k) => k.arg === null);
        misplaced = `positional argument follows keyword argument${unpack ? ' unpacking' : ''}`;
      }
      if (p.isOp('='))
        p.failNode('expression cannot contain assignment, perhaps you meant "=="?', e);
      args.push(e);
    }
    p.checkComma(t, ')');
    if (!p.eatOp(',')) break;
  }
  // CPython reports these at the last token of the argument list.
  if (misplaced) p.failTok(misplaced, p.peek());
  p.expectOp(')');
  return { args, keywords, open };
}

function parseCall(p: Cursor, func: Expr, start: Token): Expr {
  const { args, keywords } = parseArgs(p);
  return { _type: 'Call', func, args, keywords, ...p.loc(start) };
}
