/**
 * Frame blocks and the code that leaves them early: return, break and continue run the
 * `finally` bodies, `with` exits and handler cleanups they jump out of (compiler_unwind_fblock).
 */
import type { Stmt, StmtOf } from '../syntax/ast.ts';
import { at, type Block } from './cfg.ts';
import { syntaxError } from './errors.ts';
import { locOf, nameOp, visitExpr } from './expr.ts';
import { visitStmt } from './stmt.ts';
import type { CompilerState, FBlock, FBlockKind } from './unit.ts';

const MAX_FBLOCKS = 20;

/** UNSET_LOC: the next instructions are artificial (no line of their own). */
export function unsetLoc(c: CompilerState): void {
  const l = c.u.loc;
  c.u.loc = [-1, l[1], l[2], l[3]];
}

export function pushFBlock(
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

export function popFBlock(c: CompilerState): void {
  c.u.fblocks.pop();
}

export function compileReturn(c: CompilerState, s: StmtOf<'Return'>): void {
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

export function compileBreak(c: CompilerState, s: Stmt): void {
  const u = c.u;
  u.emit('NOP');
  const loop = unwindFBlockStack(c, false, true);
  if (!loop) syntaxError("'break' outside loop", s);
  unwindFBlock(c, loop, false);
  u.jump('JUMP', loop.exit as Block);
}

export function compileContinue(c: CompilerState, s: Stmt): void {
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

export function callExitWithNones(c: CompilerState): void {
  const u = c.u;
  u.loadConst({ t: 'None' });
  u.loadConst({ t: 'None' });
  u.loadConst({ t: 'None' });
  u.emit('PRECALL', 2);
  u.emit('CALL', 2);
}
