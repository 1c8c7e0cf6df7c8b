/**
 * List, tuple, set and dict displays (starunpack_helper, compiler_dict, compiler_subdict in
 * CPython 3.11): constant displays as one constant, big ones built incrementally.
 */
import type { Expr, ExprOf } from '../syntax/ast.ts';
import { at } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import { STACK_USE_GUIDELINE, visitExpr } from './expr.ts';
import { toFrozenset } from './fold.ts';
import type { CompilerState } from './unit.ts';

function isConst(e: Expr | null): e is ExprOf<'Constant'> {
  return e !== null && e._type === 'Constant';
}

export function starunpack(
  c: CompilerState,
  elts: Expr[],
  pushed: number,
  build: string,
  add: string,
  extend: string,
  tuple: boolean,
): void {
  const u = c.u;
  const n = elts.length;
  if (n > 2 && elts.every(isConst)) {
    const items = elts.map((e) => (e as ExprOf<'Constant'>).value as CodeConstant);
    if (tuple && !pushed) {
      u.loadConst({ t: 'tuple', items });
      return;
    }
    u.emit(build, pushed);
    u.loadConst(add === 'SET_ADD' ? toFrozenset(items) : { t: 'tuple', items });
    u.emit(extend, 1);
    if (tuple) u.emit('LIST_TO_TUPLE');
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((e) => e._type === 'Starred');
  if (!seenStar && !big) {
    for (const e of elts) visitExpr(c, e);
    u.emit(tuple ? 'BUILD_TUPLE' : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    u.emit(build, pushed);
    built = true;
  }
  elts.forEach((e, i) => {
    if (e._type === 'Starred') {
      if (!built) {
        u.emit(build, i + pushed);
        built = true;
      }
      visitExpr(c, e.value);
      u.emit(extend, 1);
    } else {
      visitExpr(c, e);
      if (built) u.emit(add, 1);
    }
  });
  if (tuple) u.emit('LIST_TO_TUPLE');
}

export function compileDict(c: CompilerState, e: ExprOf<'Dict'>): void {
  const u = c.u;
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  const flush = (begin: number, end: number): void => {
    subdict(c, e, begin, end);
    if (haveDict) u.emit('DICT_UPDATE', 1);
    haveDict = true;
    elements = 0;
  };
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) flush(i - elements, i);
      if (!haveDict) {
        u.emit('BUILD_MAP', 0);
        haveDict = true;
      }
      visitExpr(c, at(e.values, i));
      u.emit('DICT_UPDATE', 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      flush(i - elements, i + 1);
    } else {
      elements++;
    }
  }
  if (elements) flush(n - elements, n);
  if (!haveDict) u.emit('BUILD_MAP', 0);
}

function subdict(c: CompilerState, e: ExprOf<'Dict'>, begin: number, end: number): void {
  const u = c.u;
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  const keys = e.keys.slice(begin, end);
  if (n > 1 && !big && keys.every(isConst)) {
    for (let i = begin; i < end; i++) visitExpr(c, at(e.values, i));
    const items = keys.map((k) => (k as ExprOf<'Constant'>).value as CodeConstant);
    u.loadConst({ t: 'tuple', items });
    u.emit('BUILD_CONST_KEY_MAP', n);
    return;
  }
  if (big) u.emit('BUILD_MAP', 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i] as Expr);
    visitExpr(c, at(e.values, i));
    if (big) u.emit('MAP_ADD', 1);
  }
  if (!big) u.emit('BUILD_MAP', n);
}
