/**
 * Expressions to bytecode, after compiler_visit_expr1 and its helpers in CPython 3.11's
 * Python/compile.c. Every function keeps CPython's emission order: it decides co_consts,
 * co_names and co_varnames order as much as the instructions themselves.
 */
import type { CmpOp, Expr, ExprOf, Keyword } from '../syntax/ast.ts';
import { at, type Block, type Loc } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import { syntaxError, unsupported } from './errors.ts';
import { BINARY_OP_ARG, COMPARE_ARG } from './ops.ts';
import { DEF_IMPORT, mangle } from './symtable.ts';
import type { CompilerState } from './unit.ts';
import { compileComprehension, compileLambda } from './scope.ts';
import { toFrozenset } from './fold.ts';

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

function compileDict(c: CompilerState, e: ExprOf<'Dict'>): void {
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

export function compareOp(c: CompilerState, op: CmpOp): void {
  const t = op._type;
  if (t === 'Is' || t === 'IsNot') c.u.emit('IS_OP', t === 'Is' ? 0 : 1);
  else if (t === 'In' || t === 'NotIn') c.u.emit('CONTAINS_OP', t === 'In' ? 0 : 1);
  else c.u.emit('COMPARE_OP', COMPARE_ARG[t] ?? 0);
}

function compileCompare(c: CompilerState, e: ExprOf<'Compare'>): void {
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

function isImportOriginated(c: CompilerState, e: Expr): boolean {
  if (e._type !== 'Name') return false;
  return ((c.st.top.flags.get(e.id) ?? 0) & DEF_IMPORT) !== 0;
}

function compileCall(c: CompilerState, e: ExprOf<'Call'>): void {
  const u = c.u;
  if (maybeMethodCall(c, e)) return;
  const saved = u.loc;
  u.loc = locOf(e.func);
  u.emit('PUSH_NULL');
  u.loc = saved;
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

function maybeMethodCall(c: CompilerState, e: ExprOf<'Call'>): boolean {
  const meth = e.func;
  if (meth._type !== 'Attribute' || meth.ctx._type !== 'Load') return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a._type === 'Starred')) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  const u = c.u;
  visitExpr(c, meth.value);
  const saved = u.loc;
  u.loc = locOf(meth);
  matchAttrStart(c, meth);
  u.emitName('LOAD_METHOD', mangle(u.privateName, meth.attr));
  u.loc = saved;
  for (const a of e.args) visitExpr(c, a);
  if (kwdsl) {
    for (const k of e.keywords) visitExpr(c, k.value);
    kwNames(c, e.keywords);
  }
  matchAttrStart(c, meth);
  u.emit('PRECALL', argsl + kwdsl);
  u.emit('CALL', argsl + kwdsl);
  u.loc = saved;
  return true;
}

function kwNames(c: CompilerState, keywords: Keyword[]): void {
  const items: CodeConstant[] = keywords.map((k) => ({ t: 'str', v: k.arg as string }));
  c.u.emit('KW_NAMES', c.u.consts.add({ t: 'tuple', items }));
}

function validateKeywords(keywords: Keyword[]): void {
  const seen = new Set<string>();
  for (const k of keywords) {
    if (k.arg === null) continue;
    if (seen.has(k.arg)) syntaxError(`keyword argument repeated: ${k.arg}`, k);
    seen.add(k.arg);
  }
}

/** compiler_call_helper: `n` values (callable pieces) are already pushed. */
export function callHelper(c: CompilerState, n: number, args: Expr[], keywords: Keyword[]): void {
  const u = c.u;
  validateKeywords(keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const simple =
    nelts + nkwelts * 2 <= STACK_USE_GUIDELINE &&
    !args.some((a) => a._type === 'Starred') &&
    !keywords.some((k) => k.arg === null);
  if (simple) {
    for (const a of args) visitExpr(c, a);
    if (nkwelts) {
      for (const k of keywords) visitExpr(c, k.value);
      kwNames(c, keywords);
    }
    u.emit('PRECALL', n + nelts + nkwelts);
    u.emit('CALL', n + nelts + nkwelts);
    return;
  }
  // ex_call
  const first = args[0];
  if (n === 0 && nelts === 1 && first?._type === 'Starred') visitExpr(c, first.value);
  else starunpack(c, args, n, 'BUILD_LIST', 'LIST_APPEND', 'LIST_EXTEND', true);
  if (nkwelts) {
    let nseen = 0;
    let haveDict = false;
    keywords.forEach((kw, i) => {
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) u.emit('DICT_MERGE', 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          u.emit('BUILD_MAP', 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        u.emit('DICT_MERGE', 1);
      } else nseen++;
    });
    if (nseen) {
      subkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) u.emit('DICT_MERGE', 1);
    }
  }
  u.emit('CALL_FUNCTION_EX', nkwelts > 0 ? 1 : 0);
}

function subkwargs(c: CompilerState, keywords: Keyword[], begin: number, end: number): void {
  const u = c.u;
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, at(keywords, i).value);
    const items: CodeConstant[] = keywords
      .slice(begin, end)
      .map((k) => ({ t: 'str', v: k.arg as string }));
    u.loadConst({ t: 'tuple', items });
    u.emit('BUILD_CONST_KEY_MAP', n);
    return;
  }
  if (big) u.emit('BUILD_MAP', 0);
  for (let i = begin; i < end; i++) {
    u.loadConst({ t: 'str', v: at(keywords, i).arg as string });
    visitExpr(c, at(keywords, i).value);
    if (big) u.emitNoLine('MAP_ADD', 1);
  }
  if (!big) u.emit('BUILD_MAP', n);
}
