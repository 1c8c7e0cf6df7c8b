/**
 * Static checks run before anything executes (CPython compiles the whole file first, so a
 * rejected script prints nothing). Every statement must have one of the supported shapes; the
 * checker also computes each function's local names (Python's rule: a name assigned or deleted
 * anywhere in the body is local) and its co_varnames order.
 */
import type { Expr, Program, Stmt } from './ast.ts';
import { MODULES } from './ast.ts';
import { unsupported } from './errors.ts';
import { MODELED_BUILTINS, MODULE_FUNCTIONS } from './names.ts';

export interface FunctionInfo {
  name: string;
  params: string[];
  /** Parameters and every name assigned or deleted in the body. */
  locals: ReadonlySet<string>;
  /** co_varnames: parameters, then the other locals by first appearance in compile order. */
  varnames: string[];
  body: Stmt[];
  line: number;
}

export interface Checked {
  program: Program;
  functions: Map<Stmt, FunctionInfo>;
  /** Names that can never be values: classes, functions, modules, print, len. */
  special: ReadonlySet<string>;
}

interface Ctx {
  special: ReadonlySet<string>;
  defs: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  line: number;
}

/** Functions and classes defined by earlier chunks of the same session. */
export interface Prior {
  defs: Iterable<string>;
  classes: Iterable<string>;
}

/** Validates the program's shape and computes function scopes (see the module contract). */
export function checkProgram(program: Program, prior: Prior = { defs: [], classes: [] }): Checked {
  const defs = new Set<string>(prior.defs);
  const classes = new Set<string>(prior.classes);
  for (const st of program.body) {
    if (st.s === 'class') {
      if (classes.has(st.name)) unsupported(st.line, `redefining class ${st.name}`);
      classes.add(st.name);
    }
    if (st.s === 'def') defs.add(st.name);
  }
  const special = new Set<string>([...defs, ...classes, ...MODULES, ...MODELED_BUILTINS]);
  const functions = new Map<Stmt, FunctionInfo>();
  for (const st of program.body) {
    const ctx: Ctx = { special, defs, classes, line: st.line };
    if (st.s === 'def') functions.set(st, checkDef(st, ctx));
    else if (st.s === 'class') checkBindable(st.name, ctx, defs.has(st.name));
    else checkSimple(st, ctx);
  }
  return { program, functions, special };
}

function checkDef(st: Extract<Stmt, { s: 'def' }>, ctx: Ctx): FunctionInfo {
  checkBindable(st.name, ctx, ctx.classes.has(st.name));
  for (const p of st.params) checkBindable(p, ctx, ctx.special.has(p));
  const locals = new Set(st.params);
  for (const b of st.body) {
    checkSimple(b, { ...ctx, line: b.line });
    for (const n of boundNames(b)) locals.add(n);
  }
  const varnames = [...st.params];
  for (const b of st.body) {
    for (const n of compileOrderNames(b))
      if (locals.has(n) && !varnames.includes(n)) varnames.push(n);
  }
  return { name: st.name, params: st.params, locals, varnames, body: st.body, line: st.line };
}

function checkBindable(name: string, ctx: Ctx, clash: boolean): void {
  if (name.startsWith('__')) unsupported(ctx.line, `dunder names (${name})`);
  if (clash)
    unsupported(
      ctx.line,
      `rebinding '${name}': class, function and module names and print/len are never rebound`,
    );
}

function checkSimple(st: Stmt, ctx: Ctx): void {
  if (st.s === 'assign') {
    checkTarget(st.target, ctx);
    checkRhs(st.value, ctx);
  } else if (st.s === 'del') {
    for (const t of st.targets) checkTarget(t, ctx);
  } else if (st.s === 'expr') {
    checkExprStatement(st.expr, ctx);
  } else if (st.s === 'return') {
    if (st.value) checkRead(st.value, ctx);
  } else if (st.s === 'import') {
    for (const m of st.modules) {
      if (!(MODULES as readonly string[]).includes(m))
        unsupported(st.line, `import ${m} (only gc, sys and weakref)`);
    }
  }
}

function checkTarget(t: Expr, ctx: Ctx): void {
  if (t.e === 'name') return checkBindable(t.id, ctx, ctx.special.has(t.id));
  if (t.e === 'attr' || t.e === 'index') return checkRead(t, ctx);
  unsupported(ctx.line, "this assignment or del target (use a name, Y.attr, Y[INT] or Y['k'])");
}

/**
 * A read: a name, None, a small int, Y.attr, Y[INT], Y['k'] or W() (a weakref call). Reads never
 * allocate, so they need no temporary references.
 */
function checkRead(x: Expr, ctx: Ctx): void {
  switch (x.e) {
    case 'name':
      if (x.id.startsWith('__')) unsupported(ctx.line, `dunder names (${x.id})`);
      if (ctx.special.has(x.id))
        unsupported(
          ctx.line,
          `using '${x.id}' as a value (classes, functions and modules are only called)`,
        );
      return;
    case 'none':
      return;
    case 'int':
      if (x.v < -5 || x.v > 256)
        unsupported(ctx.line, `the int ${x.v}: only small ints (-5..256) are modeled`);
      return;
    case 'attr':
      if (x.name.startsWith('__')) unsupported(ctx.line, `dunder attributes (.${x.name})`);
      return checkRead(x.obj, ctx);
    case 'index':
      checkRead(x.obj, ctx);
      if (x.index.e === 'str' && !/^[A-Za-z0-9_ ]*$/.test(x.index.v))
        unsupported(ctx.line, 'keys with punctuation');
      if (x.index.e !== 'int' && x.index.e !== 'str')
        unsupported(ctx.line, 'indexes other than an int or string literal');
      return;
    case 'call':
      if (x.args.length === 0 && isPlainRead(x.fn, ctx)) return checkRead(x.fn, ctx);
      return unsupported(
        ctx.line,
        'a call inside a larger expression (calls must be a whole statement or right-hand side)',
      );
    case 'bool':
      return unsupported(ctx.line, 'True/False as stored values');
    case 'str':
      return unsupported(ctx.line, 'strings as values (strings are only dict keys)');
    case 'list':
    case 'dict':
      return unsupported(
        ctx.line,
        `a ${x.e} display inside a larger expression (assign it to a name first)`,
      );
    default:
      return unsupported(ctx.line, `${x.e === 'is' ? "an 'is' test" : 'a tuple'} here`);
  }
}

function isPlainRead(x: Expr, ctx: Ctx): boolean {
  if (x.e === 'name') return !ctx.special.has(x.id);
  return x.e === 'attr' || x.e === 'index' || x.e === 'call';
}

/** Module function call `gc.collect` etc.: returns [module, fn] or null. */
export function moduleCall(x: Expr): [string, string] | null {
  if (x.e !== 'call' || x.fn.e !== 'attr' || x.fn.obj.e !== 'name') return null;
  const mod = x.fn.obj.id;
  return (MODULES as readonly string[]).includes(mod) ? [mod, x.fn.name] : null;
}

function checkModuleCall(x: Expr & { e: 'call' }, mod: string, fn: string, ctx: Ctx): void {
  if (!MODULE_FUNCTIONS[mod]?.has(fn)) unsupported(ctx.line, `${mod}.${fn}`);
  const ints = (min: number, max: number): void => {
    if (x.args.length < min || x.args.length > max || x.args.some((a) => a.e !== 'int')) {
      unsupported(ctx.line, `${mod}.${fn} with these arguments`);
    }
  };
  if (fn === 'collect') ints(0, 1);
  else if (fn === 'set_threshold') ints(1, 3);
  else if (fn === 'getrefcount' || fn === 'getsizeof' || fn === 'is_tracked' || fn === 'ref') {
    if (x.args.length !== 1) unsupported(ctx.line, `${mod}.${fn} with ${x.args.length} arguments`);
    checkRead(x.args[0] as Expr, ctx);
  } else ints(0, 0);
}

/** Right-hand side of `X = ...`: a read or one allocating/calling expression. */
function checkRhs(x: Expr, ctx: Ctx): void {
  if (x.e === 'list') return x.items.forEach((i) => checkRead(i, ctx));
  if (x.e === 'dict') {
    for (const [k, v] of x.entries) {
      if (k.e !== 'str') unsupported(ctx.line, 'dict keys other than string literals');
      checkRead(v, ctx);
    }
    return;
  }
  if (x.e !== 'call') return checkRead(x, ctx);
  const mc = moduleCall(x);
  if (mc) {
    if (mc[0] === 'weakref' || (mc[0] === 'gc' && mc[1] === 'collect'))
      return checkModuleCall(x, mc[0], mc[1], ctx);
    return unsupported(ctx.line, `storing the result of ${mc[0]}.${mc[1]}()`);
  }
  if (x.fn.e === 'attr' && x.fn.name === 'pop') return checkMethodCall(x, ctx);
  checkCall(x, ctx);
}

function checkCall(x: Expr & { e: 'call' }, ctx: Ctx): void {
  if (x.fn.e === 'name' && (ctx.defs.has(x.fn.id) || ctx.classes.has(x.fn.id))) {
    return x.args.forEach((a) => checkRead(a, ctx));
  }
  if (x.fn.e === 'name' && MODELED_BUILTINS.has(x.fn.id))
    unsupported(ctx.line, `storing the result of ${x.fn.id}()`);
  checkRead(x, ctx);
}

function checkMethodCall(x: Expr & { e: 'call' }, ctx: Ctx): void {
  if (x.fn.e !== 'attr') return;
  const name = x.fn.name;
  if ((name === 'pop' || name === 'clear') && x.args.length > 0)
    unsupported(ctx.line, `${name}() with arguments`);
  checkRead(x.fn.obj, ctx);
  x.args.forEach((a) => checkRead(a, ctx));
}

function checkExprStatement(x: Expr, ctx: Ctx): void {
  if (x.e !== 'call') return checkRead(x, ctx);
  const mc = moduleCall(x);
  if (mc) return checkModuleCall(x, mc[0], mc[1], ctx);
  if (x.fn.e === 'name' && x.fn.id === 'print') return x.args.forEach((a) => checkPrintArg(a, ctx));
  if (x.fn.e === 'attr' && ['append', 'pop', 'clear'].includes(x.fn.name))
    return checkMethodCall(x, ctx);
  if (x.fn.e === 'name' && x.fn.id === 'len') return unsupported(ctx.line, 'len() outside print()');
  checkCall(x, ctx);
}

function checkPrintArg(x: Expr, ctx: Ctx): void {
  if (x.e === 'bool') return;
  if (x.e === 'is') {
    checkRead(x.left, ctx);
    return checkRead(x.right, ctx);
  }
  const mc = moduleCall(x);
  if (mc && x.e === 'call') return checkModuleCall(x, mc[0], mc[1], ctx);
  if (x.e === 'call' && x.fn.e === 'name' && x.fn.id === 'len') {
    if (x.args.length !== 1) unsupported(ctx.line, 'len() with other than one argument');
    return checkRead(x.args[0] as Expr, ctx);
  }
  checkRead(x, ctx);
}

/** Names a statement binds or unbinds (these are local to the enclosing function). */
function boundNames(st: Stmt): string[] {
  if (st.s === 'assign' && st.target.e === 'name') return [st.target.id];
  if (st.s === 'del') return st.targets.flatMap((t) => (t.e === 'name' ? [t.id] : []));
  return [];
}

/** Every name a statement mentions, in the order CPython's compiler emits them. */
function compileOrderNames(st: Stmt): string[] {
  if (st.s === 'assign') return [...exprNames(st.value), ...targetNames(st.target)];
  if (st.s === 'del') return st.targets.flatMap(targetNames);
  if (st.s === 'expr') return exprNames(st.expr);
  if (st.s === 'return' && st.value) return exprNames(st.value);
  return [];
}

function targetNames(t: Expr): string[] {
  if (t.e === 'attr') return exprNames(t.obj);
  if (t.e === 'index') return [...exprNames(t.obj), ...exprNames(t.index)];
  return exprNames(t);
}

function exprNames(x: Expr): string[] {
  switch (x.e) {
    case 'name':
      return [x.id];
    case 'attr':
      return exprNames(x.obj);
    case 'index':
      return [...exprNames(x.obj), ...exprNames(x.index)];
    case 'call':
      return [...exprNames(x.fn), ...x.args.flatMap(exprNames)];
    case 'list':
    case 'tuple':
      return x.items.flatMap(exprNames);
    case 'dict':
      return x.entries.flatMap(([k, v]) => [...exprNames(k), ...exprNames(v)]);
    case 'is':
      return [...exprNames(x.left), ...exprNames(x.right)];
    default:
      return [];
  }
}
