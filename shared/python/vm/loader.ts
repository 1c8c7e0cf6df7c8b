/**
 * Turns the compiler's code objects into the VM's `PyCode`s with their constants, with the
 * reference counts CPython 3.11 ends up with (measured, see test/fixtures/vm):
 * - Constants are merged module-wide (`merge_consts_recursive`): the first object registered
 *   for a value is the one every code object uses.
 * - That first object is usually the literal's own object from the parser, which the AST arena
 *   keeps alive until the module finishes (+1: `x = "hello"` prints 4). When the first one was
 *   made by the compiler (the tuple of a list display, a folded defaults tuple, KW_NAMES), no
 *   arena holds it (`[1, 2, 3]` before `(1, 2, 3)` makes the tuple print 3).
 * - `co_consts` is itself a tuple, and equal co_consts tuples of different code objects are one
 *   tuple (`merge_const_one`): two functions returning "hi" hold it once between them.
 * Constant tuples are ordinary (tracked) tuples until a collection untracks them.
 * Identifier-like str constants are interned and so are one object with equal names.
 */
import type { CodeConstant, CodeObject } from '../compiler/code.ts';
import { constKey } from '../compiler/consts.ts';
import { isInternedConstant } from '../values/index.ts';
import { refuse } from './errors.ts';
import { decref, type PyObject } from './object.ts';
import { PyCode } from './callables.ts';
import { intern, newFloat, newInt, newStr, PyBytes, S, type PyStr } from './scalars.ts';
import { newTuple, PyTuple } from './containers.ts';
import { PySet } from './set.ts';
import { OP, type OpName } from './eval/opcodes.ts';

type Origin = 'ast' | 'compiler' | 'folded';

/**
 * How the instruction at `i` uses its constant: the tuple of a display or of dict keys is made
 * during code generation; a defaults tuple is folded later, when the enclosing code is
 * assembled; anything else is the AST's literal.
 */
function originAt(co: CodeObject, i: number): Origin {
  const next = co.instrs[i + 1]?.op;
  if (next === 'LIST_EXTEND' || next === 'SET_UPDATE' || next === 'BUILD_CONST_KEY_MAP')
    return 'compiler';
  if (next === 'MAKE_FUNCTION' || co.instrs[i + 2]?.op === 'MAKE_FUNCTION') return 'folded';
  return 'ast';
}

export class Loader {
  private cache = new Map<string, PyObject>();
  /** Keys whose canonical object is an AST literal (held by the arena). */
  private arena = new Set<string>();
  private constsTuples = new Map<string, PyTuple>();
  private codes = new Map<CodeObject, number>();

  name(s: string): PyStr {
    const fresh = newStr(s);
    const r = intern(fresh);
    decref(fresh);
    return r;
  }

  /** Walks the module's code in compile order and records which constants the arena holds. */
  register(co: CodeObject): void {
    const deferred: CodeConstant[] = [];
    co.instrs.forEach((ins, i) => {
      if (ins.op !== 'LOAD_CONST' && ins.op !== 'KW_NAMES') return;
      const c = co.consts[ins.arg ?? 0];
      if (!c) return;
      if (c.t === 'code') this.register(c.code);
      else if (ins.op === 'KW_NAMES') this.note(c, 'compiler');
      else {
        const origin = originAt(co, i);
        if (c.t !== 'tuple' && c.t !== 'frozenset') this.note(c, 'ast');
        else if (origin === 'folded') deferred.push(c);
        else this.note(c, origin);
      }
    });
    for (const c of co.consts) if (c.t !== 'code') this.note(c, 'compiler');
    for (const c of deferred) this.note(c, 'compiler');
  }

  private seen = new Set<string>();
  private note(c: CodeConstant, origin: 'ast' | 'compiler'): void {
    if (c.t === 'code') return;
    const key = constKey(c);
    if (key === null || this.seen.has(key)) return;
    this.seen.add(key);
    if (origin === 'ast') this.arena.add(key);
    if (c.t === 'tuple' || c.t === 'frozenset') for (const x of c.items) this.note(x, 'ast');
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
        return refuse('complex numbers');
      case 'tuple':
        return c.items.length === 0
          ? newTuple([])
          : new PyTuple(c.items.map((x) => this.constant(x)));
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
    // The creation reference stands for the arena's; `settle` drops it where none holds it.
    o.rc++;
    return o;
  }

  private constsTuple(co: CodeObject): PyTuple {
    const key = co.consts
      .map((c) => (c.t === 'code' ? `code#${this.codeId(c.code)}` : constKey(c)))
      .join('\u0001');
    const shared = this.constsTuples.get(key);
    if (shared) {
      shared.rc++;
      return shared;
    }
    const t = new PyTuple(co.consts.map((c) => this.constant(c)));
    this.constsTuples.set(key, t);
    return t;
  }

  private codeId(co: CodeObject): number {
    let id = this.codes.get(co);
    if (id === undefined) {
      id = this.codes.size;
      this.codes.set(co, id);
    }
    return id;
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
    const consts = this.constsTuple(co);
    const names = co.names.map((s) => this.name(s));
    const code = new PyCode(co, consts, names, ops, args);
    code.name = this.name(co.name);
    code.qualname = isInternedConstant(co.qualname) ? this.name(co.qualname) : newStr(co.qualname);
    return code;
  }

  /** Drops the creation reference of constants no arena object stands for. Call after loading. */
  settle(): void {
    for (const [key, o] of this.cache) if (!this.arena.has(key)) decref(o);
  }

  /** The constants the arena holds a reference to (none once it is freed). */
  arenaHeld(): PyObject[] {
    return [...this.cache].filter(([key]) => this.arena.has(key)).map(([, o]) => o);
  }

  /** The end of the run: the arena is freed (pyrun_file after run_mod). */
  freeArena(): void {
    for (const [key, o] of this.cache) if (this.arena.has(key)) decref(o);
    this.cache.clear();
  }
}
