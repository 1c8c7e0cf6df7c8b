/**
 * Statement and block parser. Blocks are one level deep: a top-level `def` or `class` header
 * followed by lines indented by one consistent width (or a one-line body after the colon).
 * Produces a `Program`; structural mistakes raise SyntaxError/IndentationError as CPython does,
 * constructs outside the subset raise "unsupported" naming the construct.
 */
import type { Expr, Program, Stmt } from './ast.ts';
import { KEYWORDS } from './syntax/tokens.ts';
import { CompileError, syntaxError, unsupported } from './errors.ts';
import { Cursor, parseExpr } from './parse_expr.ts';
import type { SourceLine } from './tokenizer.ts';
import { tokenize } from './tokenizer.ts';

const BLOCK_KEYWORDS = new Set([
  'if',
  'elif',
  'else',
  'for',
  'while',
  'try',
  'except',
  'finally',
  'with',
  'async',
  'match',
]);
const OTHER_KEYWORDS = new Set([
  'global',
  'nonlocal',
  'raise',
  'assert',
  'break',
  'continue',
  'yield',
  'from',
  'lambda',
  'await',
]);
const AUGMENTED = new Set([
  '+=',
  '-=',
  '*=',
  '/=',
  '//=',
  '%=',
  '**=',
  '>>=',
  '<<=',
  '&=',
  '|=',
  '^=',
  '@=',
  ':=',
]);

/** Parses a whole script (see the module contract). */
export function parseProgram(source: string): Program {
  const lines = tokenize(source);
  const text: Record<number, string> = {};
  for (const l of lines) text[l.line] = l.text;
  const body: Stmt[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as SourceLine;
    if (l.indent !== 0) indentationError(l.line, 'unexpected indent');
    const [stmt, next] = parseTopLevel(lines, i);
    body.push(stmt);
    i = next;
  }
  return { body, lines: text };
}

function indentationError(line: number, what: string): never {
  throw new CompileError('IndentationError', line, what);
}

function isHeader(l: SourceLine): boolean {
  const t = l.tokens[0];
  return t !== undefined && t.kind === 'name' && (t.text === 'def' || t.text === 'class');
}

/** Parses the statement starting at lines[i] (a header takes its body too); returns the next index. */
function parseTopLevel(lines: SourceLine[], i: number): [Stmt, number] {
  const l = lines[i] as SourceLine;
  if (!isHeader(l)) return [parseSimple(l, false), i + 1];
  const c = new Cursor(l.tokens, l.line);
  const keyword = c.next().text;
  const header = keyword === 'def' ? parseDefHeader(c) : parseClassHeader(c);
  let body: Stmt[];
  let next = i + 1;
  if (!c.atEnd()) {
    body = [parseSimpleAt(c, keyword === 'def')];
  } else {
    [body, next] = parseBody(
      lines,
      i + 1,
      keyword === 'def' ? 'function definition' : 'class definition',
      l.line,
    );
  }
  if (keyword === 'def')
    return [{ s: 'def', line: l.line, name: header.name, params: header.params, body }, next];
  return [{ s: 'class', line: l.line, name: header.name, slots: classSlots(body, l.line) }, next];
}

function parseBody(
  lines: SourceLine[],
  start: number,
  what: string,
  headerLine: number,
): [Stmt[], number] {
  const first = lines[start];
  if (!first || first.indent === 0) {
    indentationError(
      first?.line ?? headerLine + 1,
      `expected an indented block after ${what} on line ${headerLine}`,
    );
  }
  const body: Stmt[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (l.indent === 0) break;
    if (l.indent > first.indent) indentationError(l.line, 'unexpected indent');
    if (l.indent < first.indent)
      indentationError(l.line, 'unindent does not match any outer indentation level');
    if (isHeader(l)) unsupported(l.line, `nested '${l.tokens[0]?.text}' blocks`);
    body.push(parseSimple(l, what === 'function definition'));
  }
  return [body, i];
}

function parseDefHeader(c: Cursor): { name: string; params: string[] } {
  const name = c.expectName();
  c.expectOp('(');
  const params: string[] = [];
  while (!c.atOp(')')) {
    if (c.atOp('*') || c.atOp('**') || c.atOp('/'))
      unsupported(c.line, 'star or positional-only parameters');
    const p = c.expectName();
    if (c.atOp('=')) unsupported(c.line, 'default parameter values');
    if (c.atOp(':')) unsupported(c.line, 'annotations');
    if (params.includes(p)) syntaxError(c.line, `duplicate argument '${p}' in function definition`);
    params.push(p);
    if (!c.atOp(')')) c.expectOp(',');
  }
  c.next();
  if (c.atOp('->')) unsupported(c.line, 'annotations');
  c.expectOp(':');
  return { name, params };
}

function parseClassHeader(c: Cursor): { name: string; params: string[] } {
  const name = c.expectName();
  if (c.atOp('(')) {
    c.next();
    if (!c.atOp(')')) unsupported(c.line, 'base classes');
    c.next();
  }
  c.expectOp(':');
  return { name, params: [] };
}

/** A class body: `pass` lines and at most one `__slots__ = (...)` of string literals. */
function classSlots(body: Stmt[], headerLine: number): string[] | null {
  let slots: string[] | null = null;
  for (const st of body) {
    if (st.s === 'pass') continue;
    if (st.s !== 'assign' || st.target.e !== 'name' || st.target.id !== '__slots__') {
      unsupported(st.line, 'class bodies other than `pass` or `__slots__ = (...)`');
    }
    if (slots !== null) unsupported(st.line, '__slots__ assigned twice');
    slots = slotNames(st.value, st.line);
  }
  if (body.length === 0) indentationError(headerLine + 1, 'expected an indented block');
  return slots;
}

function slotNames(value: Expr, line: number): string[] {
  const items =
    value.e === 'tuple' || value.e === 'list' ? value.items : value.e === 'str' ? [value] : null;
  if (!items) unsupported(line, '__slots__ other than a tuple of string literals');
  const names = items.map((it) => {
    if (it.e !== 'str' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(it.v))
      unsupported(line, '__slots__ entries that are not identifier strings');
    return it.v;
  });
  if (new Set(names).size !== names.length) unsupported(line, 'duplicate __slots__ entries');
  return names;
}

function parseSimple(l: SourceLine, inFunction: boolean): Stmt {
  return parseSimpleAt(new Cursor(l.tokens, l.line), inFunction);
}

/** One simple statement from the cursor to the end of the line. */
function parseSimpleAt(c: Cursor, inFunction: boolean): Stmt {
  const stmt = parseStatementHead(c, inFunction);
  if (c.atOp(';')) unsupported(c.line, "several statements on one line (';')");
  if (!c.atEnd()) syntaxError(c.line, `invalid syntax at '${c.peek()?.text}'`);
  return stmt;
}

function parseStatementHead(c: Cursor, inFunction: boolean): Stmt {
  const first = c.peek();
  const line = c.line;
  if (first?.kind === 'name' && KEYWORDS.has(first.text)) {
    const kw = first.text;
    if (kw === 'pass') return c.next() && { s: 'pass', line };
    if (kw === 'del') return c.next() && { s: 'del', line, targets: parseTargets(c) };
    if (kw === 'import') return c.next() && { s: 'import', line, modules: parseImport(c) };
    if (kw === 'return') {
      c.next();
      if (!inFunction) syntaxError(line, "'return' outside function");
      return { s: 'return', line, value: c.atEnd() || c.atOp(';') ? null : parseExpr(c) };
    }
    if (kw === 'def' || kw === 'class') unsupported(line, `nested '${kw}' blocks`);
    if (BLOCK_KEYWORDS.has(kw)) unsupported(line, `'${kw}' blocks (no if, loops, try or with)`);
    if (OTHER_KEYWORDS.has(kw)) unsupported(line, `'${kw}' statements`);
  }
  return parseAssignOrExpr(c);
}

function parseTargets(c: Cursor): Expr[] {
  const targets = [parseExpr(c)];
  while (c.atOp(',')) {
    c.next();
    targets.push(parseExpr(c));
  }
  return targets;
}

function parseImport(c: Cursor): string[] {
  const modules = [c.expectName()];
  while (c.atOp(',')) {
    c.next();
    modules.push(c.expectName());
  }
  if (c.atName('as')) unsupported(c.line, "'import ... as'");
  if (c.atOp('.')) unsupported(c.line, 'importing submodules');
  return modules;
}

function parseAssignOrExpr(c: Cursor): Stmt {
  const line = c.line;
  const left = parseExpr(c);
  if (c.atOp(',')) unsupported(line, 'tuples and unpacking assignments');
  const t = c.peek();
  if (t?.kind === 'op' && AUGMENTED.has(t.text))
    unsupported(line, `augmented assignment ('${t.text}')`);
  if (t?.kind === 'op' && t.text === ':') unsupported(line, 'annotations');
  if (!c.atOp('=')) return { s: 'expr', line, expr: left };
  c.next();
  const value = parseExpr(c);
  if (c.atOp('=')) unsupported(line, 'chained assignment (a = b = c)');
  if (c.atOp(',')) unsupported(line, 'tuples and unpacking assignments');
  return { s: 'assign', line, target: left, value };
}
