/**
 * Code objects inside code objects: functions, lambdas, classes and comprehensions
 * (compiler_function, compiler_lambda, compiler_class, compiler_comprehension and
 * compiler_make_closure in CPython 3.11).
 */
import type { Arguments, Expr, ExprOf, Stmt, StmtOf } from '../syntax/ast.ts';
import { assemble } from './assemble.ts';
import type { CodeConstant, CodeObject } from './code.ts';
import { callHelper } from './call.ts';
import { jumpIf } from './cond.ts';
import { locOf, nameOp, visitExpr } from './expr.ts';
import { mangle } from './symtable.ts';
import { compileBody, visitStmt } from './stmt.ts';
import { type CompilerState, Unit, type UnitKind } from './unit.ts';
import { at } from './cfg.ts';

export function enterScope(
  c: CompilerState,
  kind: UnitKind,
  name: string,
  node: object,
  lineno: number,
): Unit {
  const parent = c.u as Unit | undefined;
  const ste = c.st.lookup(node);
  const privateName = kind === 'class' ? name : (parent?.privateName ?? null);
  const u = new Unit(kind, name, ste, lineno, privateName);
  if (parent) {
    c.units.push(parent);
    u.qualname = qualname(parent, kind, name);
  } else {
    u.qualname = name;
  }
  c.u = u;
  u.emit('RESUME', 0);
  return u;
}

export function exitScope(c: CompilerState): void {
  c.u = c.units.pop() as Unit;
}

function qualname(parent: Unit, kind: UnitKind, name: string): string {
  if (parent.kind === 'module') return name;
  if (kind === 'function' || kind === 'class') {
    const mangled = mangle(parent.privateName, name);
    if (parent.ste.scopeOf(mangled) === 'GLOBAL_EXPLICIT') return name;
  }
  const base =
    parent.kind === 'function' || parent.kind === 'lambda'
      ? `${parent.qualname}.<locals>`
      : parent.qualname;
  return `${base}.${name}`;
}

/** Loads the new function object (with closure, defaults) on the stack. */
function makeClosure(c: CompilerState, co: CodeObject, flags: number): void {
  const u = c.u;
  if (co.freevars.length) {
    for (const name of co.freevars) {
      const isCell = (u.kind === 'class' && name === '__class__') || u.ste.scopeOf(name) === 'CELL';
      u.emit('LOAD_CLOSURE', isCell ? u.cellvars.indexOf(name) : u.derefIndex(name));
    }
    flags |= 0x08;
    u.emit('BUILD_TUPLE', co.freevars.length);
  }
  u.loadConst({ t: 'code', code: co });
  u.emit('MAKE_FUNCTION', flags);
}

function defaultArguments(c: CompilerState, args: Arguments): number {
  const u = c.u;
  let flags = 0;
  if (args.defaults.length) {
    for (const d of args.defaults) visitExpr(c, d);
    u.emit('BUILD_TUPLE', args.defaults.length);
    flags |= 0x01;
  }
  const keys: CodeConstant[] = [];
  args.kwonlyargs.forEach((a, i) => {
    const d = args.kw_defaults[i];
    if (d) {
      keys.push({ t: 'str', v: mangle(u.privateName, a.arg) });
      visitExpr(c, d);
    }
  });
  if (keys.length) {
    u.loadConst({ t: 'tuple', items: keys });
    u.emit('BUILD_CONST_KEY_MAP', keys.length);
    flags |= 0x02;
  }
  return flags;
}

function setArgCounts(u: Unit, args: Arguments): void {
  u.argcount = args.args.length;
  u.posonlyargcount = args.posonlyargs.length;
  u.kwonlyargcount = args.kwonlyargs.length;
}

export function docstring(body: Stmt[]): string | null {
  const first = body[0];
  if (
    first?._type === 'Expr' &&
    first.value._type === 'Constant' &&
    first.value.value.t === 'str'
  ) {
    return first.value.value.v;
  }
  return null;
}

export function compileFunction(c: CompilerState, s: StmtOf<'FunctionDef'>): void {
  const flags = defaultArguments(c, s.args);
  const u = enterScope(c, 'function', s.name, s, s.lineno);
  const doc = docstring(s.body);
  u.consts.add(doc === null ? { t: 'None' } : { t: 'str', v: doc });
  setArgCounts(u, s.args);
  for (const st of s.body.slice(doc === null ? 0 : 1)) visitStmt(c, st);
  const co = assemble(c, true);
  exitScope(c);
  makeClosure(c, co, flags);
  nameOp(c, s.name, 'Store');
}

export function compileLambda(c: CompilerState, e: ExprOf<'Lambda'>): void {
  const flags = defaultArguments(c, e.args);
  const u = enterScope(c, 'lambda', '<lambda>', e, e.lineno);
  u.consts.add({ t: 'None' });
  setArgCounts(u, e.args);
  visitExpr(c, e.body);
  let co: CodeObject;
  if (u.ste.generator) co = assemble(c, false);
  else {
    u.emit('RETURN_VALUE');
    co = assemble(c, true);
  }
  exitScope(c);
  makeClosure(c, co, flags);
}

export function compileClass(c: CompilerState, s: StmtOf<'ClassDef'>): void {
  const u = enterScope(c, 'class', s.name, s, s.lineno);
  nameOp(c, '__name__', 'Load');
  nameOp(c, '__module__', 'Store');
  u.loadConst({ t: 'str', v: u.qualname });
  nameOp(c, '__qualname__', 'Store');
  compileBody(c, s.body);
  u.loc = [-1, u.loc[1], u.loc[2], u.loc[3]];
  if (u.ste.needsClassClosure) {
    u.emit('LOAD_CLOSURE', u.cellvars.indexOf('__class__'));
    u.emit('COPY', 1);
    nameOp(c, '__classcell__', 'Store');
  } else {
    u.loadConst({ t: 'None' });
  }
  u.emit('RETURN_VALUE');
  const co = assemble(c, true);
  exitScope(c);
  const outer = c.u;
  outer.emit('PUSH_NULL');
  outer.emit('LOAD_BUILD_CLASS');
  makeClosure(c, co, 0);
  outer.loadConst({ t: 'str', v: s.name });
  callHelper(c, 2, s.bases, s.keywords);
  nameOp(c, s.name, 'Store');
}

type Comp = ExprOf<'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp'>;

export function compileComprehension(c: CompilerState, e: Comp): void {
  const names = {
    ListComp: '<listcomp>',
    SetComp: '<setcomp>',
    DictComp: '<dictcomp>',
    GeneratorExp: '<genexpr>',
  };
  const u = enterScope(c, 'comprehension', names[e._type], e, e.lineno);
  u.loc = locOf(e);
  const build = {
    ListComp: 'BUILD_LIST',
    SetComp: 'BUILD_SET',
    DictComp: 'BUILD_MAP',
    GeneratorExp: '',
  }[e._type];
  if (build) u.emit(build, 0);
  comprehensionGenerator(c, e, 0, 0);
  if (build) u.emit('RETURN_VALUE');
  const co = assemble(c, true);
  exitScope(c);
  makeClosure(c, co, 0);
  visitExpr(c, at(e.generators, 0).iter);
  c.u.emit('GET_ITER');
  c.u.emit('PRECALL', 0);
  c.u.emit('CALL', 0);
}

function comprehensionGenerator(c: CompilerState, e: Comp, index: number, depth: number): void {
  const u = c.u;
  let start: ReturnType<Unit['newBlock']> | null = u.newBlock();
  const ifCleanup = u.newBlock();
  const anchor = u.newBlock();
  const gen = at(e.generators, index);
  if (index === 0) {
    u.argcount = 1;
    u.emit('LOAD_FAST', 0);
  } else {
    const it = gen.iter;
    const elts: Expr[] | null = it._type === 'List' || it._type === 'Tuple' ? it.elts : null;
    const only = elts?.length === 1 ? at(elts, 0) : null;
    if (only && only._type !== 'Starred') {
      visitExpr(c, only);
      start = null;
    } else {
      visitExpr(c, it);
      u.emit('GET_ITER');
    }
  }
  if (start) {
    depth++;
    u.useNext(start);
    u.jump('FOR_ITER', anchor);
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, cond, ifCleanup, false);
  if (index + 1 < e.generators.length) comprehensionGenerator(c, e, index + 1, depth);
  else {
    switch (e._type) {
      case 'GeneratorExp':
        visitExpr(c, e.elt);
        u.emit('YIELD_VALUE');
        u.emit('RESUME', 1);
        u.emit('POP_TOP');
        break;
      case 'ListComp':
        visitExpr(c, e.elt);
        u.emit('LIST_APPEND', depth + 1);
        break;
      case 'SetComp':
        visitExpr(c, e.elt);
        u.emit('SET_ADD', depth + 1);
        break;
      case 'DictComp':
        visitExpr(c, e.key);
        visitExpr(c, e.value);
        u.emit('MAP_ADD', depth + 1);
        break;
    }
  }
  u.useNext(ifCleanup);
  if (start) {
    u.jump('JUMP', start);
    u.useNext(anchor);
  }
}
