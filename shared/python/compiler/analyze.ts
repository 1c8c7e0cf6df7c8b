/**
 * analyze_block of CPython 3.11's symtable.c: every symbol's scope, free variables resolved
 * bottom-up, locals captured by inner scopes turned into cells, `__class__` for methods.
 */
import { syntaxError } from './errors.ts';
import {
  DEF_BOUND,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  type Scope,
  type SymbolTable,
} from './symtable.ts';

/** analyze_block: resolves every symbol's scope, bottom-up free variables, cells. */
export function analyze(top: SymbolTable): void {
  analyzeBlock(top, null, new Set(), new Set());
}

function analyzeBlock(
  t: SymbolTable,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
): void {
  const local = new Set<string>();
  const scopes = new Map<string, Scope>();
  const newGlobal = new Set(global);
  const newBound = new Set<string>();
  if (t.kind === 'class') {
    for (const g of global) newGlobal.add(g);
    if (bound) for (const b of bound) newBound.add(b);
  }
  for (const [name, flags] of t.flags)
    analyzeName(t, scopes, name, flags, bound, local, free, newGlobal);
  if (t.kind !== 'class') {
    if (t.kind === 'function') for (const l of local) newBound.add(l);
    if (bound) for (const b of bound) newBound.add(b);
    for (const l of local) newGlobal.delete(l);
  } else {
    newBound.add('__class__');
  }
  const allFree = new Set<string>();
  for (const c of t.children) {
    const childFree = new Set<string>();
    analyzeBlock(c, newBound, childFree, t.kind === 'class' ? newGlobal : newGlobal);
    for (const f of childFree) allFree.add(f);
    if (c.hasFree || c.childFree) t.childFree = true;
  }
  if (t.kind === 'function') {
    for (const name of [...allFree]) {
      if (scopes.get(name) === 'LOCAL') {
        scopes.set(name, 'CELL');
        allFree.delete(name);
      }
    }
  } else if (t.kind === 'class' && allFree.has('__class__')) {
    t.needsClassClosure = true;
    allFree.delete('__class__');
  }
  // update_symbols: free names of children not known here become free here too
  for (const name of allFree) {
    const flags = t.flags.get(name);
    if (flags !== undefined) {
      if (t.kind === 'class' && flags & (DEF_BOUND | DEF_GLOBAL))
        t.flags.set(name, flags | DEF_FREE_CLASS);
      continue;
    }
    if (bound === null || !bound.has(name)) continue;
    scopes.set(name, 'FREE');
    t.flags.set(name, 0);
  }
  for (const [name, s] of scopes) {
    t.scopes.set(name, s);
    if (s === 'FREE') {
      t.hasFree = true;
      free.add(name);
    }
  }
  for (const f of allFree) free.add(f);
}

function analyzeName(
  t: SymbolTable,
  scopes: Map<string, Scope>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) {
      syntaxError(`name '${name}' is nonlocal and global`, t.directives.get(name) ?? t);
    }
    scopes.set(name, 'GLOBAL_EXPLICIT');
    global.add(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound || !bound.has(name)) {
      syntaxError(`no binding for nonlocal '${name}' found`, t.directives.get(name) ?? t);
    }
    scopes.set(name, 'FREE');
    t.hasFree = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, 'LOCAL');
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound && bound.has(name)) {
    scopes.set(name, 'FREE');
    t.hasFree = true;
    free.add(name);
    return;
  }
  scopes.set(name, 'GLOBAL_IMPLICIT');
}
