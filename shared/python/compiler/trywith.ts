/** try/except/else/finally and with (compiler_try_except, compiler_try_finally, compiler_with). */
import type { ExceptHandler, Stmt } from '../syntax/ast.ts';
import { at } from './cfg.ts';
import { syntaxError } from './errors.ts';
import { locOf, nameOp, visitExpr } from './expr.ts';
import { callExitWithNones, popFBlock, pushFBlock, unsetLoc } from './fblock.ts';
import { visitStmt } from './stmt.ts';
import type { CompilerState } from './unit.ts';

type TryStmt = Extract<Stmt, { _type: 'Try' | 'TryStar' }>;
type WithStmt = Extract<Stmt, { _type: 'With' | 'AsyncWith' }>;

function popExceptAndReraise(c: CompilerState): void {
  c.u.emit('COPY', 3);
  c.u.emit('POP_EXCEPT');
  c.u.emit('RERAISE', 1);
}

export function tryFinally(c: CompilerState, s: TryStmt): void {
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

export function tryExcept(c: CompilerState, s: TryStmt): void {
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

export function compileWith(c: CompilerState, s: WithStmt, pos: number): void {
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
