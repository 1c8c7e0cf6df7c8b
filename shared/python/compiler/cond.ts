/** Comparisons and conditional jumps (compiler_compare, compiler_jump_if in CPython 3.11). */
import type { CmpOp, Expr, ExprOf } from '../syntax/ast.ts';
import { at, type Block } from './cfg.ts';
import { locOf, visitExpr } from './expr.ts';
import { COMPARE_ARG } from './ops.ts';
import type { CompilerState } from './unit.ts';

export function compareOp(c: CompilerState, op: CmpOp): void {
  const t = op._type;
  if (t === 'Is' || t === 'IsNot') c.u.emit('IS_OP', t === 'Is' ? 0 : 1);
  else if (t === 'In' || t === 'NotIn') c.u.emit('CONTAINS_OP', t === 'In' ? 0 : 1);
  else c.u.emit('COMPARE_OP', COMPARE_ARG[t] ?? 0);
}

export function compileCompare(c: CompilerState, e: ExprOf<'Compare'>): void {
  const u = c.u;
  const n = e.ops.length - 1;
  visitExpr(c, e.left);
  if (n === 0) {
    visitExpr(c, at(e.comparators, 0));
    compareOp(c, at(e.ops, 0));
    return;
  }
  const cleanup = u.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, at(e.comparators, i));
    u.emit('SWAP', 2);
    u.emit('COPY', 2);
    compareOp(c, at(e.ops, i));
    u.jump('JUMP_IF_FALSE_OR_POP', cleanup);
  }
  visitExpr(c, at(e.comparators, n));
  compareOp(c, at(e.ops, n));
  const end = u.newBlock();
  u.jumpNoLine('JUMP', end);
  u.useNext(cleanup);
  u.emit('SWAP', 2);
  u.emit('POP_TOP');
  u.useNext(end);
}

/** compiler_jump_if: jump to `next` when `e` is truthy (cond) or falsy (!cond). */
export function jumpIf(c: CompilerState, e: Expr, next: Block, cond: boolean): void {
  jumpIf1(c, e, next, cond);
}

function jumpIf1(c: CompilerState, e: Expr, next: Block, cond: boolean): void {
  const u = c.u;
  switch (e._type) {
    case 'UnaryOp':
      if (e.op._type === 'Not') return jumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const n = e.values.length - 1;
      const cond2 = e.op._type === 'Or';
      const next2 = cond2 !== cond ? u.newBlock() : next;
      for (let i = 0; i < n; i++) jumpIf(c, at(e.values, i), next2, cond2);
      jumpIf(c, at(e.values, n), next, cond);
      if (next2 !== next) u.useNext(next2);
      return;
    }
    case 'IfExp': {
      const end = u.newBlock();
      const next2 = u.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      u.jumpNoLine('JUMP', end);
      u.useNext(next2);
      jumpIf(c, e.orelse, next, cond);
      u.useNext(end);
      return;
    }
    case 'Compare': {
      // CPython sets (and leaves) the comparison's location here, even for a single comparison.
      u.loc = locOf(e);
      const n = e.ops.length - 1;
      if (n === 0) break;
      const cleanup = u.newBlock();
      visitExpr(c, e.left);
      for (let i = 0; i < n; i++) {
        visitExpr(c, at(e.comparators, i));
        u.emit('SWAP', 2);
        u.emit('COPY', 2);
        compareOp(c, at(e.ops, i));
        u.jump('POP_JUMP_IF_FALSE', cleanup);
      }
      visitExpr(c, at(e.comparators, n));
      compareOp(c, at(e.ops, n));
      u.jump(cond ? 'POP_JUMP_IF_TRUE' : 'POP_JUMP_IF_FALSE', next);
      const end = u.newBlock();
      u.jumpNoLine('JUMP', end);
      u.useNext(cleanup);
      u.emit('POP_TOP');
      if (!cond) u.jumpNoLine('JUMP', next);
      u.useNext(end);
      return;
    }
  }
  visitExpr(c, e);
  u.jump(cond ? 'POP_JUMP_IF_TRUE' : 'POP_JUMP_IF_FALSE', next);
}
