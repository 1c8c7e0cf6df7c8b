/**
 * Statements to bytecode (compiler_visit_stmt and friends in CPython 3.11): assignments,
 * control flow with its frame-block unwinding, try/except/finally, with, imports.
 */
import type { ExceptHandler, Stmt, StmtOf } from '../syntax/ast.ts';
import { at, type Block } from './cfg.ts';
import { syntaxError, unsupported } from './errors.ts';
import { BINARY_OP_ARG } from './ops.ts';
import { jumpIf, locOf, matchAttrStart, nameOp, visitExpr } from './expr.ts';
import { compileClass, compileFunction, docstring } from './scope.ts';
import type { CompilerState, FBlock, FBlockKind } from './unit.ts';

type ForStmt = Extract<Stmt, { _type: 'For' | 'AsyncFor' }>;
type TryStmt = Extract<Stmt, { _type: 'Try' | 'TryStar' }>;
type WithStmt = Extract<Stmt, { _type: 'With' | 'AsyncWith' }>;

const IMPORTABLE = new Set(['gc', 'sys', 'weakref', 'tracemalloc']);
const MAX_FBLOCKS = 20;

function unsetLoc(c: CompilerState): void {
  const l = c.u.loc;
  c.u.loc = [-1, l[1], l[2], l[3]];
}

/** compiler_body: module and class bodies, with their docstring stored as __doc__. */
export function compileBody(c: CompilerState, body: Stmt[]): void {
  const u = c.u;
  const first = body[0];
  if (u.kind === 'module' && first) u.loc = locOf(first);
  if (!body.length) return;
  let i = 0;
  const doc = docstring(body);
  if (doc !== null) {
    i = 1;
    const st = body[0] as StmtOf<'Expr'>;
    visitExpr(c, st.value);
    unsetLoc(c);
    nameOp(c, '__doc__', 'Store');
  }
  for (const st of body.slice(i)) visitStmt(c, st);
}

function pushFBlock(
  c: CompilerState,
  kind: FBlockKind,
  block: Block,
  exit: Block | null,
  datum: unknown = null,
): void {
  if (c.u.fblocks.length >= MAX_FBLOCKS)
    syntaxError('too many statically nested blocks', { lineno: c.u.loc[0] });
  c.u.fblocks.push({ kind, block, exit, datum });
}

function popFBlock(c: CompilerState): void {
  c.u.fblocks.pop();
}

export function visitStmt(c: CompilerState, s: Stmt): void {
  const u = c.u;
  u.loc = locOf(s);
  switch (s._type) {
    case 'FunctionDef':
      return compileFunction(c, s);
    case 'ClassDef':
      return compileClass(c, s);
    case 'Return':
      return compileReturn(c, s);
    case 'Delete':
      for (const t of s.targets) visitExpr(c, t);
      return;
    case 'Assign': {
      visitExpr(c, s.value);
      s.targets.forEach((t, i) => {
        if (i < s.targets.length - 1) u.emit('COPY', 1);
        visitExpr(c, t);
      });
      return;
    }
    case 'AugAssign':
      return compileAugAssign(c, s);
    case 'For':
      return compileFor(c, s);
    case 'AsyncFor':
    case 'AsyncWith':
    case 'TryStar':
      return unsupported(s._type === 'TryStar' ? 'except*' : 'async', s);
    case 'While':
      return compileWhile(c, s);
    case 'If': {
      const end = u.newBlock();
      const next = s.orelse.length ? u.newBlock() : end;
      jumpIf(c, s.test, next, false);
      for (const st of s.body) visitStmt(c, st);
      if (s.orelse.length) {
        u.jumpNoLine('JUMP', end);
        u.useNext(next);
        for (const st of s.orelse) visitStmt(c, st);
      }
      u.useNext(end);
      return;
    }
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      u.emit('RAISE_VARARGS', n);
      u.useNext(u.newBlock());
      return;
    }
    case 'Try':
      if (s.finalbody.length) return tryFinally(c, s);
      return tryExcept(c, s);
    case 'Assert': {
      const end = u.newBlock();
      jumpIf(c, s.test, end, true);
      u.emit('LOAD_ASSERTION_ERROR');
      if (s.msg) {
        visitExpr(c, s.msg);
        u.emit('PRECALL', 0);
        u.emit('CALL', 0);
      }
      u.emit('RAISE_VARARGS', 1);
      u.useNext(end);
      return;
    }
    case 'Import':
      for (const a of s.names) {
        if (!IMPORTABLE.has(a.name)) unsupported(`import of module '${a.name}'`, s);
        u.loadConst({ t: 'int', v: '0' });
        u.loadConst({ t: 'None' });
        u.emitName('IMPORT_NAME', a.name);
        nameOp(c, a.asname ?? a.name, 'Store');
      }
      return;
    case 'ImportFrom': {
      if (!s.module || !IMPORTABLE.has(s.module) || s.level) {
        unsupported(`import from module '${s.module ?? '.'}'`, s);
      }
      u.loadConst({ t: 'int', v: String(s.level ?? 0) });
      u.loadConst({ t: 'tuple', items: s.names.map((a) => ({ t: 'str', v: a.name })) });
      u.emitName('IMPORT_NAME', s.module);
      for (const a of s.names) {
        u.emitName('IMPORT_FROM', a.name);
        nameOp(c, a.asname ?? a.name, 'Store');
      }
      u.emit('POP_TOP');
      return;
    }
    case 'Global':
    case 'Nonlocal':
      return;
    case 'Expr':
      if (s.value._type === 'Constant') {
        u.emit('NOP');
        return;
      }
      visitExpr(c, s.value);
      unsetLoc(c); // the POP_TOP is artificial
      u.emit('POP_TOP');
      return;
    case 'Pass':
      u.emit('NOP');
      return;
    case 'Break':
      return compileBreak(c, s);
    case 'Continue':
      return compileContinue(c, s);
    case 'With':
      return compileWith(c, s, 0);
    default:
      unsupported(s._type, s);
  }
}

function compileReturn(c: CompilerState, s: StmtOf<'Return'>): void {
  const u = c.u;
  const v = s.value;
  const preserveTos = v !== null && v._type !== 'Constant';
  if (u.ste.kind !== 'function') syntaxError("'return' outside function", s);
  if (preserveTos) visitExpr(c, v);
  else if (v) {
    u.loc = locOf(v);
    u.emit('NOP');
  }
  if (v === null || v.lineno !== s.lineno) {
    u.loc = locOf(s);
    u.emit('NOP');
  }
  unwindFBlockStack(c, preserveTos, false);
  if (v === null) u.loadConst({ t: 'None' });
  else if (!preserveTos && v._type === 'Constant') u.loadConst(v.value);
  u.emit('RETURN_VALUE');
  u.useNext(u.newBlock());
}

function compileBreak(c: CompilerState, s: Stmt): void {
  const u = c.u;
  u.emit('NOP');
  const loop = unwindFBlockStack(c, false, true);
  if (!loop) syntaxError("'break' outside loop", s);
  unwindFBlock(c, loop, false);
  u.jump('JUMP', loop.exit as Block);
}

function compileContinue(c: CompilerState, s: Stmt): void {
  const u = c.u;
  u.emit('NOP');
  const loop = unwindFBlockStack(c, false, true);
  if (!loop) syntaxError("'continue' not properly in loop", s);
  u.jump('JUMP', loop.block);
}

/** Unwinds frame blocks for return/break/continue; with `toLoop`, stops at (and returns) the innermost loop. */
function unwindFBlockStack(c: CompilerState, preserveTos: boolean, toLoop: boolean): FBlock | null {
  const stack = c.u.fblocks;
  if (!stack.length) return null;
  const top = at(stack, stack.length - 1);
  if (toLoop && (top.kind === 'WHILE_LOOP' || top.kind === 'FOR_LOOP')) return top;
  stack.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, toLoop);
  stack.push(top);
  return loop;
}

function unwindFBlock(c: CompilerState, info: FBlock, preserveTos: boolean): void {
  const u = c.u;
  switch (info.kind) {
    case 'WHILE_LOOP':
    case 'EXCEPTION_HANDLER':
      return;
    case 'FOR_LOOP':
      if (preserveTos) u.emit('SWAP', 2);
      u.emit('POP_TOP');
      return;
    case 'TRY_EXCEPT':
      u.emit('POP_BLOCK');
      return;
    case 'FINALLY_TRY':
      u.emit('POP_BLOCK');
      if (preserveTos) pushFBlock(c, 'POP_VALUE', u.cur, null);
      for (const st of info.datum as Stmt[]) visitStmt(c, st);
      if (preserveTos) popFBlock(c);
      unsetLoc(c);
      return;
    case 'FINALLY_END':
      if (preserveTos) u.emit('SWAP', 2);
      u.emit('POP_TOP');
      if (preserveTos) u.emit('SWAP', 2);
      u.emit('POP_BLOCK');
      u.emit('POP_EXCEPT');
      return;
    case 'WITH':
      u.loc = locOf(info.datum as Stmt);
      u.emit('POP_BLOCK');
      if (preserveTos) u.emit('SWAP', 2);
      callExitWithNones(c);
      u.emit('POP_TOP');
      unsetLoc(c);
      return;
    case 'HANDLER_CLEANUP': {
      const name = info.datum as string | null;
      if (name) u.emit('POP_BLOCK');
      if (preserveTos) u.emit('SWAP', 2);
      u.emit('POP_BLOCK');
      u.emit('POP_EXCEPT');
      if (name) {
        u.loadConst({ t: 'None' });
        nameOp(c, name, 'Store');
        nameOp(c, name, 'Del');
      }
      return;
    }
    case 'POP_VALUE':
      if (preserveTos) u.emit('SWAP', 2);
      u.emit('POP_TOP');
      return;
  }
}

function compileAugAssign(c: CompilerState, s: StmtOf<'AugAssign'>): void {
  const u = c.u;
  const e = s.target;
  const stmtLoc = u.loc;
  u.loc = locOf(e);
  switch (e._type) {
    case 'Attribute':
      visitExpr(c, e.value);
      u.emit('COPY', 1);
      matchAttrStart(c, e);
      u.emitName('LOAD_ATTR', e.attr);
      break;
    case 'Subscript':
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      u.emit('COPY', 2);
      u.emit('COPY', 2);
      u.emit('BINARY_SUBSCR');
      break;
    case 'Name':
      nameOp(c, e.id, 'Load');
      break;
    default:
      syntaxError('illegal expression for augmented assignment', e);
  }
  u.loc = stmtLoc;
  visitExpr(c, s.value);
  u.emit('BINARY_OP', (BINARY_OP_ARG[s.op._type] ?? 0) + 13);
  u.loc = locOf(e);
  switch (e._type) {
    case 'Attribute':
      matchAttrStart(c, e);
      u.emit('SWAP', 2);
      u.emitName('STORE_ATTR', e.attr);
      return;
    case 'Subscript':
      u.emit('SWAP', 3);
      u.emit('SWAP', 2);
      u.emit('STORE_SUBSCR');
      return;
    case 'Name':
      nameOp(c, e.id, 'Store');
  }
}

function compileFor(c: CompilerState, s: ForStmt): void {
  const u = c.u;
  const start = u.newBlock();
  const cleanup = u.newBlock();
  const end = u.newBlock();
  pushFBlock(c, 'FOR_LOOP', start, end);
  visitExpr(c, s.iter);
  u.emit('GET_ITER');
  u.useNext(start);
  u.jump('FOR_ITER', cleanup);
  visitExpr(c, s.target);
  for (const st of s.body) visitStmt(c, st);
  unsetLoc(c);
  u.jump('JUMP', start);
  u.useNext(cleanup);
  popFBlock(c);
  for (const st of s.orelse) visitStmt(c, st);
  u.useNext(end);
}

function compileWhile(c: CompilerState, s: StmtOf<'While'>): void {
  const u = c.u;
  const loop = u.newBlock();
  const body = u.newBlock();
  const anchor = u.newBlock();
  const end = u.newBlock();
  u.useNext(loop);
  pushFBlock(c, 'WHILE_LOOP', loop, end);
  jumpIf(c, s.test, anchor, false);
  u.useNext(body);
  for (const st of s.body) visitStmt(c, st);
  u.loc = locOf(s);
  jumpIf(c, s.test, body, true);
  popFBlock(c);
  u.useNext(anchor);
  for (const st of s.orelse) visitStmt(c, st);
  u.useNext(end);
}

function popExceptAndReraise(c: CompilerState): void {
  c.u.emit('COPY', 3);
  c.u.emit('POP_EXCEPT');
  c.u.emit('RERAISE', 1);
}

function tryFinally(c: CompilerState, s: TryStmt): void {
  const u = c.u;
  const body = u.newBlock();
  const end = u.newBlock();
  const exit = u.newBlock();
  const cleanup = u.newBlock();
  u.jump('SETUP_FINALLY', end);
  u.useNext(body);
  pushFBlock(c, 'FINALLY_TRY', body, end, s.finalbody);
  if (s.handlers.length) tryExcept(c, s);
  else for (const st of s.body) visitStmt(c, st);
  u.emitNoLine('POP_BLOCK');
  popFBlock(c);
  for (const st of s.finalbody) visitStmt(c, st);
  u.jumpNoLine('JUMP', exit);
  u.useNext(end);
  unsetLoc(c);
  u.jump('SETUP_CLEANUP', cleanup);
  u.emit('PUSH_EXC_INFO');
  pushFBlock(c, 'FINALLY_END', end, null);
  for (const st of s.finalbody) visitStmt(c, st);
  popFBlock(c);
  u.emit('RERAISE', 0);
  u.useNext(cleanup);
  popExceptAndReraise(c);
  u.useNext(exit);
}

function tryExcept(c: CompilerState, s: TryStmt): void {
  const u = c.u;
  const body = u.newBlock();
  let except = u.newBlock();
  const end = u.newBlock();
  const cleanup = u.newBlock();
  u.jump('SETUP_FINALLY', except);
  u.useNext(body);
  pushFBlock(c, 'TRY_EXCEPT', body, null);
  for (const st of s.body) visitStmt(c, st);
  popFBlock(c);
  u.emitNoLine('POP_BLOCK');
  for (const st of s.orelse) visitStmt(c, st);
  u.jumpNoLine('JUMP', end);
  const n = s.handlers.length;
  u.useNext(except);
  unsetLoc(c);
  u.jump('SETUP_CLEANUP', cleanup);
  u.emit('PUSH_EXC_INFO');
  pushFBlock(c, 'EXCEPTION_HANDLER', u.cur, null);
  s.handlers.forEach((h: ExceptHandler, i) => {
    u.loc = locOf(h);
    if (!h.type && i < n - 1) syntaxError("default 'except:' must be last", h);
    except = u.newBlock();
    if (h.type) {
      visitExpr(c, h.type);
      u.emit('CHECK_EXC_MATCH');
      u.jump('POP_JUMP_IF_FALSE', except);
    }
    if (h.name) {
      const cleanupEnd = u.newBlock();
      const cleanupBody = u.newBlock();
      nameOp(c, h.name, 'Store');
      u.jump('SETUP_CLEANUP', cleanupEnd);
      u.useNext(cleanupBody);
      pushFBlock(c, 'HANDLER_CLEANUP', cleanupBody, null, h.name);
      for (const st of h.body) visitStmt(c, st);
      popFBlock(c);
      unsetLoc(c);
      u.emit('POP_BLOCK');
      u.emit('POP_BLOCK');
      u.emit('POP_EXCEPT');
      u.loadConst({ t: 'None' });
      nameOp(c, h.name, 'Store');
      nameOp(c, h.name, 'Del');
      u.jump('JUMP', end);
      u.useNext(cleanupEnd);
      unsetLoc(c);
      u.loadConst({ t: 'None' });
      nameOp(c, h.name, 'Store');
      nameOp(c, h.name, 'Del');
      u.emit('RERAISE', 1);
    } else {
      const cleanupBody = u.newBlock();
      u.emit('POP_TOP');
      u.useNext(cleanupBody);
      pushFBlock(c, 'HANDLER_CLEANUP', cleanupBody, null, null);
      for (const st of h.body) visitStmt(c, st);
      popFBlock(c);
      unsetLoc(c);
      u.emit('POP_BLOCK');
      u.emit('POP_EXCEPT');
      u.jump('JUMP', end);
    }
    u.useNext(except);
  });
  unsetLoc(c);
  popFBlock(c);
  u.emit('RERAISE', 0);
  u.useNext(cleanup);
  popExceptAndReraise(c);
  u.useNext(end);
}

function callExitWithNones(c: CompilerState): void {
  const u = c.u;
  u.loadConst({ t: 'None' });
  u.loadConst({ t: 'None' });
  u.loadConst({ t: 'None' });
  u.emit('PRECALL', 2);
  u.emit('CALL', 2);
}

function compileWith(c: CompilerState, s: WithStmt, pos: number): void {
  const u = c.u;
  const item = at(s.items, pos);
  const block = u.newBlock();
  const final = u.newBlock();
  const exit = u.newBlock();
  const cleanup = u.newBlock();
  visitExpr(c, item.context_expr);
  u.emit('BEFORE_WITH');
  u.jump('SETUP_WITH', final);
  u.useNext(block);
  pushFBlock(c, 'WITH', block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else u.emit('POP_TOP');
  if (pos + 1 === s.items.length) for (const st of s.body) visitStmt(c, st);
  else compileWith(c, s, pos + 1);
  unsetLoc(c);
  u.emit('POP_BLOCK');
  popFBlock(c);
  u.loc = locOf(s);
  callExitWithNones(c);
  u.emit('POP_TOP');
  u.jump('JUMP', exit);
  u.useNext(final);
  u.jump('SETUP_CLEANUP', cleanup);
  u.emit('PUSH_EXC_INFO');
  u.emit('WITH_EXCEPT_START');
  // compiler_with_except_finish
  unsetLoc(c);
  const finish = u.newBlock();
  u.jump('POP_JUMP_IF_TRUE', finish);
  u.emit('RERAISE', 2);
  u.useNext(u.newBlock());
  u.useNext(cleanup);
  popExceptAndReraise(c);
  u.useNext(finish);
  u.emit('POP_TOP');
  u.emit('POP_BLOCK');
  u.emit('POP_EXCEPT');
  u.emit('POP_TOP');
  u.emit('POP_TOP');
  u.useNext(exit);
}
