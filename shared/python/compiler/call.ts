/** Calls (compiler_call, maybe_optimize_method_call, compiler_call_helper in CPython 3.11). */
import type { Expr, ExprOf, Keyword } from '../syntax/ast.ts';
import { at } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import { syntaxError } from './errors.ts';
import { locOf, matchAttrStart, STACK_USE_GUIDELINE, visitExpr } from './expr.ts';
import { starunpack } from './display.ts';
import { DEF_IMPORT, mangle } from './symtable.ts';
import type { CompilerState } from './unit.ts';

function isImportOriginated(c: CompilerState, e: Expr): boolean {
  if (e._type !== 'Name') return false;
  return ((c.st.top.flags.get(e.id) ?? 0) & DEF_IMPORT) !== 0;
}

export function compileCall(c: CompilerState, e: ExprOf<'Call'>): void {
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
