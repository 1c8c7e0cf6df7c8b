/**
 * Expressions to bytecode, after compiler_visit_expr1 and its helpers in CPython 3.11's
 * Python/compile.c. Every function keeps CPython's emission order: it decides co_consts,
 * co_names and co_varnames order as much as the instructions themselves.
 */
import type { Expr, ExprOf } from '../syntax/ast.ts';
import { compileCall } from './call.ts';
import { at, type Loc } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import { compileCompare, jumpIf } from './cond.ts';
import { compileDict, starunpack } from './display.ts';
import { syntaxError, unsupported } from './errors.ts';
import { BINARY_OP_ARG } from './ops.ts';
import { compileComprehension, compileLambda } from './scope.ts';
import { mangle } from './symtable.ts';
import type { CompilerState } from './unit.ts';

/** CPython's STACK_USE_GUIDELINE: displays and calls bigger than this are built incrementally. */
export const STACK_USE_GUIDELINE = 30;

export function locOf(e: {
  lineno: number;
  end_lineno: number | null;
  col_offset: number;
  end_col_offset: number | null;
}): Loc {
  return [e.lineno, e.end_lineno ?? e.lineno, e.col_offset, e.end_col_offset ?? -1];
}

export function visitExpr(c: CompilerState, e: Expr): void {
  const saved = c.u.loc;
  c.u.loc = locOf(e);
  visitExpr1(c, e);
  c.u.loc = saved;
}

function visitExpr1(c: CompilerState, e: Expr): void {
  const u = c.u;
  switch (e._type) {
    case 'BoolOp': {
      const end = u.newBlock();
      const op = e.op._type === 'And' ? 'JUMP_IF_FALSE_OR_POP' : 'JUMP_IF_TRUE_OR_POP';
      const n = e.values.length - 1;
      for (let i = 0; i < n; i++) {
        visitExpr(c, at(e.values, i));
        u.jump(op, end);
      }
      visitExpr(c, at(e.values, n));
      u.useNext(end);
      return;
    }
    case 'BinOp':
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      u.emit('BINARY_OP', BINARY_OP_ARG[e.op._type] ?? 0);
      return;
    case 'UnaryOp':
      visitExpr(c, e.operand);
      u.emit(UNARY[e.op._type]);
      return;
    case 'Lambda':
      return compileLambda(c, e);
    case 'IfExp': {
      const end = u.newBlock();
      const next = u.newBlock();
      jumpIf(c, e.test, next, false);
      visitExpr(c, e.body);
      u.jumpNoLine('JUMP', end);
      u.useNext(next);
      visitExpr(c, e.orelse);
      u.useNext(end);
      return;
    }
    case 'Dict':
      return compileDict(c, e);
    case 'Set':
      return starunpack(c, e.elts, 0, 'BUILD_SET', 'SET_ADD', 'SET_UPDATE', false);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return compileComprehension(c, e);
    case 'Yield':
      if (u.ste.kind !== 'function') syntaxError("'yield' outside function", e);
      if (e.value) visitExpr(c, e.value);
      else u.loadConst({ t: 'None' });
      u.emit('YIELD_VALUE');
      u.emit('RESUME', 1);
      return;
    case 'YieldFrom':
      if (u.ste.kind !== 'function') syntaxError("'yield' outside function", e);
      visitExpr(c, e.value);
      u.emit('GET_YIELD_FROM_ITER');
      u.loadConst({ t: 'None' });
      yieldFrom(c);
      return;
    case 'Compare':
      return compileCompare(c, e);
    case 'Call':
      return compileCall(c, e);
    case 'FormattedValue': {
      visitExpr(c, e.value);
      let arg = CONVERSION[e.conversion] ?? 0;
      if (e.format_spec) {
        visitExpr(c, e.format_spec);
        arg |= 4;
      }
      u.emit('FORMAT_VALUE', arg);
      return;
    }
    case 'JoinedStr': {
      const n = e.values.length;
      if (n > STACK_USE_GUIDELINE) {
        u.loadConst({ t: 'str', v: '' });
        u.emitName('LOAD_METHOD', 'join');
        u.emit('BUILD_LIST', 0);
        for (const v of e.values) {
          visitExpr(c, v);
          u.emit('LIST_APPEND', 1);
        }
        u.emit('PRECALL', 1);
        u.emit('CALL', 1);
        return;
      }
      for (const v of e.values) visitExpr(c, v);
      if (n !== 1) u.emit('BUILD_STRING', n);
      return;
    }
    case 'Constant':
      u.loadConst(e.value as CodeConstant);
      return;
    case 'Attribute': {
      visitExpr(c, e.value);
      matchAttrStart(c, e);
      const op = { Load: 'LOAD_ATTR', Store: 'STORE_ATTR', Del: 'DELETE_ATTR' }[e.ctx._type];
      u.emitName(op, mangle(u.privateName, e.attr));
      return;
    }
    case 'Subscript': {
      const op = { Load: 'BINARY_SUBSCR', Store: 'STORE_SUBSCR', Del: 'DELETE_SUBSCR' }[
        e.ctx._type
      ];
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      u.emit(op);
      return;
    }
    case 'Starred':
      if (e.ctx._type === 'Store') {
        syntaxError('starred assignment target must be in a list or tuple', e);
      }
      syntaxError("can't use starred expression here", e);
    // falls through (unreachable)
    case 'Slice': {
      let n = 2;
      if (e.lower) visitExpr(c, e.lower);
      else u.loadConst({ t: 'None' });
      if (e.upper) visitExpr(c, e.upper);
      else u.loadConst({ t: 'None' });
      if (e.step) {
        n++;
        visitExpr(c, e.step);
      }
      u.emit('BUILD_SLICE', n);
      return;
    }
    case 'Name':
      return nameOp(c, e.id, e.ctx._type);
    case 'List':
    case 'Tuple':
      if (e.ctx._type === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx._type === 'Del') {
        for (const x of e.elts) visitExpr(c, x);
        return;
      }
      return starunpack(
        c,
        e.elts,
        0,
        'BUILD_LIST',
        'LIST_APPEND',
        'LIST_EXTEND',
        e._type === 'Tuple',
      );
    case 'NamedExpr':
      unsupported('assignment expressions (:=)', e);
    // falls through (unreachable)
    case 'Await':
      unsupported('await', e);
  }
}

const UNARY = {
  Invert: 'UNARY_INVERT',
  Not: 'UNARY_NOT',
  UAdd: 'UNARY_POSITIVE',
  USub: 'UNARY_NEGATIVE',
} as const;
const CONVERSION: Record<number, number> = { [-1]: 0, 115: 1, 114: 2, 97: 3 };

/** update_start_location_to_match_attr: a multi-line attribute is located at its last line. */
export function matchAttrStart(c: CompilerState, e: ExprOf<'Attribute'>): void {
  const u = c.u;
  const end = e.end_lineno ?? e.lineno;
  if (u.loc[0] !== end) {
    const len = [...e.attr].length;
    const endCol = e.end_col_offset ?? -1;
    u.loc = len <= endCol ? [end, u.loc[1], endCol - len, u.loc[3]] : [end, u.loc[1], -1, -1];
  }
}

/** yield from / await loop: SEND, YIELD_VALUE, RESUME 2, JUMP_BACKWARD_NO_INTERRUPT. */
export function yieldFrom(c: CompilerState): void {
  const u = c.u;
  const start = u.newBlock();
  const resume = u.newBlock();
  const exit = u.newBlock();
  u.useNext(start);
  u.jump('SEND', exit);
  u.useNext(resume);
  u.emit('YIELD_VALUE');
  u.emit('RESUME', 2);
  u.jump('JUMP_NO_INTERRUPT', start);
  u.useNext(exit);
}

export function nameOp(c: CompilerState, name: string, ctx: 'Load' | 'Store' | 'Del'): void {
  const u = c.u;
  if (name === '__debug__' && ctx !== 'Load')
    syntaxError('cannot assign to __debug__', { lineno: u.loc[0] });
  const mangled = mangle(u.privateName, name);
  const scope = u.ste.scopeOf(mangled);
  const isFunction = u.ste.kind === 'function';
  let kind: 'deref' | 'fast' | 'global' | 'name' = 'name';
  if (scope === 'FREE' || scope === 'CELL') kind = 'deref';
  else if (scope === 'LOCAL' && isFunction) kind = 'fast';
  else if (scope === 'GLOBAL_IMPLICIT' && isFunction) kind = 'global';
  else if (scope === 'GLOBAL_EXPLICIT') kind = 'global';
  const verb = { Load: 'LOAD', Store: 'STORE', Del: 'DELETE' }[ctx];
  switch (kind) {
    case 'deref': {
      const op = ctx === 'Load' && u.ste.kind === 'class' ? 'LOAD_CLASSDEREF' : `${verb}_DEREF`;
      u.emit(op, u.derefIndex(mangled));
      return;
    }
    case 'fast':
      u.emit(`${verb}_FAST`, u.varnames.add(mangled));
      return;
    case 'global': {
      const i = u.names.add(mangled);
      u.emit(`${verb}_GLOBAL`, ctx === 'Load' ? i << 1 : i);
      return;
    }
    case 'name':
      u.emit(`${verb}_NAME`, u.names.add(mangled));
  }
}

function assignmentHelper(c: CompilerState, elts: Expr[]): void {
  const n = elts.length;
  let seenStar = false;
  elts.forEach((elt, i) => {
    if (elt._type === 'Starred') {
      if (seenStar) syntaxError('multiple starred expressions in assignment', elt);
      c.u.emit('UNPACK_EX', i + ((n - i - 1) << 8));
      seenStar = true;
    }
  });
  if (!seenStar) c.u.emit('UNPACK_SEQUENCE', n);
  for (const elt of elts) visitExpr(c, elt._type === 'Starred' ? elt.value : elt);
}
