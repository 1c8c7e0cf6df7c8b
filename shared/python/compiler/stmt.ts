/**
 * Statements to bytecode (compiler_visit_stmt and friends in CPython 3.11): assignments,
 * control flow with its frame-block unwinding, try/except/finally, with, imports.
 */
import type { Stmt, StmtOf } from '../syntax/ast.ts';
import { syntaxError, unsupported } from './errors.ts';
import { BINARY_OP_ARG } from './ops.ts';
import { jumpIf } from './cond.ts';
import { locOf, matchAttrStart, nameOp, visitExpr } from './expr.ts';
import { compileClass, compileFunction, docstring } from './scope.ts';
import {
  compileBreak,
  compileContinue,
  compileReturn,
  popFBlock,
  pushFBlock,
  unsetLoc,
} from './fblock.ts';
import { compileWith, tryExcept, tryFinally } from './trywith.ts';
import type { CompilerState } from './unit.ts';

type ForStmt = Extract<Stmt, { _type: 'For' | 'AsyncFor' }>;

const IMPORTABLE = new Set(['gc', 'sys', 'weakref', '_weakref', 'tracemalloc']);

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
