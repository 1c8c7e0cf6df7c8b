/** The match statement and its patterns (python.gram `match_stmt`, `patterns`). */
import type { Expr, MatchCase, Pattern, Stmt } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { load } from './cursor.ts';
import { PySyntaxError } from './errors.ts';
import type { Token } from './tokens.ts';
import { parseNamed, parseStarNamed } from './expressions.ts';
import { parseBlock } from './compound.ts';
import { parseStrings } from './strings.ts';
import { numberConstant } from './literals.ts';

/** `match subject:` with its cases, or null (position restored) when `match` is just a name. */
export function parseMatch(p: Cursor): Stmt | null {
  const save = p.i;
  const t = p.next();
  let subject: Expr;
  try {
    const start = p.peek();
    const first = parseStarNamed(p);
    subject = first;
    if (p.isOp(',')) {
      const elts = [first];
      while (p.eatOp(',')) {
        if (p.isOp(':')) break;
        elts.push(parseStarNamed(p));
      }
      subject = { _type: 'Tuple', elts, ctx: load(), ...p.loc(start) };
    }
    if (!p.isOp(':') || p.peek(1).type !== 'NEWLINE')
      throw new PySyntaxError('SyntaxError', 'retry', 0, 0);
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    p.i = save;
    return null;
  }
  p.next();
  p.next();
  const indent = p.peek();
  if (indent.type !== 'INDENT') {
    p.failAt(
      `expected an indented block after 'match' statement on line ${t.line}`,
      indent.line,
      indent.offset,
      'IndentationError',
    );
  }
  p.next();
  const cases: MatchCase[] = [];
  while (p.peek().type !== 'DEDENT') {
    const c = p.peek();
    if (!p.isKw('case')) p.invalid();
    p.next();
    const pattern = parsePatterns(p);
    const guard = p.eatKw('if') ? parseNamed(p) : null;
    const body = parseBlock(p, "'case' statement", c);
    cases.push({ _type: 'match_case', pattern, guard, body });
  }
  p.next();
  return { _type: 'Match', subject, cases, ...p.loc(t) };
}

/** patterns: an open sequence `a, b` is a MatchSequence without brackets. */
function parsePatterns(p: Cursor): Pattern {
  const start = p.peek();
  const first = parseMaybeStar(p);
  if (!p.isOp(',')) {
    if (first._type === 'MatchStar')
      return { _type: 'MatchSequence', patterns: [first], ...p.loc(start) };
    return first;
  }
  const patterns = [first];
  while (p.eatOp(',')) {
    if (p.isOp(':') || p.isKw('if')) break;
    patterns.push(parseMaybeStar(p));
  }
  return { _type: 'MatchSequence', patterns, ...p.loc(start) };
}

function parseMaybeStar(p: Cursor): Pattern {
  if (!p.isOp('*')) return parsePattern(p);
  const star = p.next();
  const n = p.name().value;
  return { _type: 'MatchStar', name: n === '_' ? null : n, ...p.loc(star) };
}

function parsePattern(p: Cursor): Pattern {
  const start = p.peek();
  const first = parseClosed(p);
  let pat = first;
  if (p.isOp('|')) {
    const patterns = [first];
    while (p.eatOp('|')) patterns.push(parseClosed(p));
    pat = { _type: 'MatchOr', patterns, ...p.loc(start) };
  }
  if (p.eatKw('as')) {
    const n = p.name();
    if (n.value === '_') p.failTok("cannot use '_' as a target", n);
    return { _type: 'MatchAs', pattern: pat, name: n.value, ...p.loc(start) };
  }
  return pat;
}

function parseSignedNumber(p: Cursor): Expr {
  const t = p.peek();
  let e: Expr;
  if (p.eatOp('-')) {
    const n = p.next();
    if (n.type !== 'NUMBER') p.invalid();
    const operand: Expr = {
      _type: 'Constant',
      value: numberConstant(n.value),
      kind: null,
      ...p.loc(n),
    };
    e = { _type: 'UnaryOp', op: { _type: 'USub' }, operand, ...p.loc(t) };
  } else {
    p.next();
    e = { _type: 'Constant', value: numberConstant(t.value), kind: null, ...p.loc(t) };
  }
  if (p.isOp('+') || p.isOp('-')) {
    const op = p.next().value === '+' ? 'Add' : 'Sub';
    const n = p.next();
    if (n.type !== 'NUMBER') p.invalid();
    const right: Expr = {
      _type: 'Constant',
      value: numberConstant(n.value),
      kind: null,
      ...p.loc(n),
    };
    e = { _type: 'BinOp', left: e, op: { _type: op }, right, ...p.loc(t) };
  }
  return e;
}

/** A literal or dotted-name value usable as a mapping key or a value pattern. */
function parseValue(p: Cursor): Expr {
  const t = p.peek();
  if (t.type === 'NUMBER' || p.isOp('-')) return parseSignedNumber(p);
  if (t.type === 'STRING') {
    const toks: Token[] = [];
    while (p.peek().type === 'STRING') toks.push(p.next());
    return parseStrings(p, toks);
  }
  if (t.type === 'NAME' && ['None', 'True', 'False'].includes(t.value)) {
    p.next();
    const value =
      t.value === 'None'
        ? ({ t: 'None' } as const)
        : ({ t: 'bool', v: t.value === 'True' } as const);
    return { _type: 'Constant', value, kind: null, ...p.loc(t) };
  }
  let e: Expr = { _type: 'Name', id: p.name().value, ctx: load(), ...p.loc(t) };
  while (p.eatOp('.'))
    e = { _type: 'Attribute', value: e, attr: p.name().value, ctx: load(), ...p.loc(t) };
  return e;
}

function parseClosed(p: Cursor): Pattern {
  const t = p.peek();
  if (t.type === 'NUMBER' || t.type === 'STRING' || p.isOp('-'))
    return { _type: 'MatchValue', value: parseValue(p), ...p.loc(t) };
  if (t.type === 'NAME' && ['None', 'True', 'False'].includes(t.value)) {
    p.next();
    const value = t.value === 'None' ? null : t.value === 'True';
    return { _type: 'MatchSingleton', value, ...p.loc(t) };
  }
  if (p.isOp('(') || p.isOp('[')) return parseSequence(p);
  if (p.isOp('{')) return parseMapping(p);
  if (!p.isName()) p.invalid();
  if (!p.isOp('.', 1) && !p.isOp('(', 1)) {
    p.next();
    return { _type: 'MatchAs', pattern: null, name: t.value === '_' ? null : t.value, ...p.loc(t) };
  }
  const value = parseValue(p);
  if (!p.isOp('(')) return { _type: 'MatchValue', value, ...p.loc(t) };
  return parseClass(p, value, t);
}

function parseSequence(p: Cursor): Pattern {
  const open = p.next();
  const closer = open.value === '(' ? ')' : ']';
  const patterns: Pattern[] = [];
  let comma = false;
  while (!p.isOp(closer)) {
    patterns.push(parseMaybeStar(p));
    if (!p.eatOp(',')) break;
    comma = true;
  }
  p.expectOp(closer);
  const only = patterns[0];
  if (closer === ')' && only && patterns.length === 1 && !comma && only._type !== 'MatchStar') {
    return only;
  }
  return { _type: 'MatchSequence', patterns, ...p.loc(open) };
}

function parseMapping(p: Cursor): Pattern {
  const open = p.next();
  const keys: Expr[] = [];
  const patterns: Pattern[] = [];
  let rest: string | null = null;
  while (!p.isOp('}')) {
    if (p.eatOp('**')) {
      rest = p.name().value;
      p.eatOp(',');
      break;
    }
    keys.push(parseValue(p));
    p.expectOp(':');
    patterns.push(parsePattern(p));
    if (!p.eatOp(',')) break;
  }
  p.expectOp('}');
  return { _type: 'MatchMapping', keys, patterns, rest, ...p.loc(open) };
}

function parseClass(p: Cursor, cls: Expr, t: Token): Pattern {
  p.expectOp('(');
  const patterns: Pattern[] = [];
  const kwd_attrs: string[] = [];
  const kwd_patterns: Pattern[] = [];
  while (!p.isOp(')')) {
    if (p.isName() && p.isOp('=', 1)) {
      kwd_attrs.push(p.next().value);
      p.next();
      kwd_patterns.push(parsePattern(p));
    } else {
      if (kwd_attrs.length > 0) p.invalid();
      patterns.push(parsePattern(p));
    }
    if (!p.eatOp(',')) break;
  }
  p.expectOp(')');
  return { _type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, ...p.loc(t) };
}
