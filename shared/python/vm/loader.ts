/**
 * Turns the compiler's code objects into the VM's `PyCode`s with their constants.
 * Constants are merged across the whole module (CPython's `merge_consts_recursive`), each
 * co_consts slot holds one reference, and every constant that is the value of a Constant node
 * of the (optimized) AST carries one more: the parser's AST arena keeps the literal's object
 * alive until the module finishes running (measured: `x = "hello"` prints 4).
 * Identifier-like str constants are interned and so are one object with equal names.
 */
import type { CodeConstant, CodeObject } from '../compiler/code.ts';
import { constKey } from '../compiler/consts.ts';
import { foldModule } from '../compiler/fold.ts';
import type { Module } from '../syntax/ast.ts';
import { isInternedConstant } from '../values/index.ts';
import { refuse } from './errors.ts';
import { decref, type PyObject } from './object.ts';
import { PyCode } from './callables.ts';
import { intern, newFloat, newInt, newStr, PyBytes, S, type PyStr } from './scalars.ts';
import { PyTuple } from './containers.ts';
import { PySet } from './set.ts';
import { OP, type OpName } from './eval/opcodes.ts';

/** Keys of every constant value the optimized AST holds (the arena's references). */
function arenaKeys(module: Module): Set<string> {
  const keys = new Set<string>();
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    const node = n as { _type?: string; value?: unknown };
    if (node._type === 'Constant') {
      const k = constKey(node.value as CodeConstant);
      if (k) keys.add(k);
      return;
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  visit(foldModule(module).body);
  return keys;
}

export class Loader {
  private cache = new Map<string, PyObject>();
  private arena: Set<string>;

  constructor(module: Module) {
    this.arena = arenaKeys(module);
  }

  name(s: string): PyStr {
    const fresh = newStr(s);
    const r = intern(fresh);
    decref(fresh);
    return r;
  }

  private make(c: CodeConstant): PyObject {
    switch (c.t) {
      case 'None':
        return (S.None.rc++, S.None);
      case 'Ellipsis':
        return (S.Ellipsis.rc++, S.Ellipsis);
      case 'bool':
        return c.v ? (S.True.rc++, S.True) : (S.False.rc++, S.False);
      case 'int':
        return newInt(BigInt(c.v));
      case 'float':
        return newFloat(Number(c.v === 'inf' ? Infinity : c.v === '-inf' ? -Infinity : c.v));
      case 'str':
        return isInternedConstant(c.v) ? this.name(c.v) : newStr(c.v);
      case 'bytes':
        return new PyBytes(c.v);
      case 'complex':
        refuse('complex numbers');
      case 'tuple':
        return new PyTuple(
          c.items.map((x) => this.constant(x)),
          false,
        );
      case 'frozenset': {
        const s = new PySet(true);
        for (const x of c.items) s.add(this.constant(x));
        return s;
      }
      case 'code':
        return this.code(c.code);
    }
  }

  /** A new reference to the module-wide object for constant `c`. */
  constant(c: CodeConstant): PyObject {
    if (c.t === 'code') return this.code(c.code);
    const key = constKey(c)!;
    let o = this.cache.get(key);
    if (o) {
      o.rc++;
      return o;
    }
    o = this.make(c);
    this.cache.set(key, o);
    // The creation reference stands for the arena's; constants the AST does not hold drop it.
    o.rc++;
    return o;
  }

  code(co: CodeObject): PyCode {
    const n = co.instrs.length;
    const ops = new Int32Array(n);
    const args = new Int32Array(n);
    co.instrs.forEach((ins, i) => {
      const op = OP[ins.op as OpName];
      if (op === undefined) refuse(`the ${ins.op} instruction`);
      ops[i] = op;
      args[i] = ins.arg ?? 0;
    });
    const consts = co.consts.map((c) => this.constant(c));
    const names = co.names.map((s) => this.name(s));
    const code = new PyCode(co, consts, names, ops, args);
    code.name = this.name(co.name);
    code.qualname = isInternedConstant(co.qualname) ? this.name(co.qualname) : newStr(co.qualname);
    return code;
  }

  /** Drops the creation reference of constants no AST node holds. Call once after loading. */
  settle(): void {
    for (const [key, o] of this.cache) if (!this.arena.has(key)) decref(o);
  }

  /** The end of the run: the arena is freed (pyrun_file after run_mod). */
  freeArena(): void {
    for (const [key, o] of this.cache) if (this.arena.has(key)) decref(o);
    this.cache.clear();
  }
}
