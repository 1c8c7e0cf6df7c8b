/**
 * Scopes and the binding of every name, after CPython 3.11's Python/symtable.c: which names
 * are local, global (explicit or implicit), free or cell in each function, class, lambda and
 * comprehension. The compiler asks `scopeOf` to choose between *_FAST, *_NAME, *_GLOBAL and
 * *_DEREF.
 */
import type { Arguments, Expr, Module, Stmt } from '../syntax/ast.ts';
import { at } from './cfg.ts';
import { analyze } from './analyze.ts';
import { syntaxError, unsupported } from './errors.ts';

export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export type Scope = 'LOCAL' | 'GLOBAL_EXPLICIT' | 'GLOBAL_IMPLICIT' | 'FREE' | 'CELL';
export type BlockKind = 'module' | 'function' | 'class';

export class SymbolTable {
  readonly flags = new Map<string, number>();
  readonly scopes = new Map<string, Scope>();
  readonly children: SymbolTable[] = [];
  /** Parameters in co_varnames order. */
  readonly varnames: string[] = [];
  nested = false;
  generator = false;
  varargs = false;
  varkeywords = false;
  childFree = false;
  needsClassClosure = false;
  /** Any free variable (own or a child's): CO_NOFREE is off. */
  hasFree = false;
  comprehension = false;
  /** Where each name was first declared global/nonlocal (CPython's ste_directives), for errors. */
  readonly directives = new Map<string, { lineno: number; col_offset: number }>();

  readonly name: string;
  readonly kind: BlockKind;
  readonly node: object;
  readonly lineno: number;

  constructor(name: string, kind: BlockKind, node: object, lineno: number) {
    this.name = name;
    this.kind = kind;
    this.node = node;
    this.lineno = lineno;
  }

  scopeOf(name: string): Scope | undefined {
    return this.scopes.get(name);
  }
}

/** Builds the symbol tables of a module; `byNode` finds the table of each scope-creating node. */
export class Symtable {
  readonly top: SymbolTable;
  readonly byNode = new Map<object, SymbolTable>();
  private cur: SymbolTable;
  private stack: SymbolTable[] = [];
  private className: string | null = null;

  constructor(module: Module) {
    this.top = this.cur = this.enter('top', 'module', module, 0);
    this.stack.pop();
    this.stack = [];
    for (const s of module.body) this.stmt(s);
    analyze(this.top);
  }

  lookup(node: object): SymbolTable {
    const t = this.byNode.get(node);
    if (!t) throw new Error('no symbol table for node');
    return t;
  }

  private enter(name: string, kind: BlockKind, node: object, lineno: number): SymbolTable {
    const t = new SymbolTable(name, kind, node, lineno);
    if (this.stack.length || this.cur !== undefined) {
      const parent = this.cur as SymbolTable | undefined;
      if (parent) {
        parent.children.push(t);
        t.nested = parent.nested || parent.kind === 'function';
      }
    }
    this.byNode.set(node, t);
    this.stack.push(this.cur);
    this.cur = t;
    return t;
  }

  private leave(): void {
    this.cur = this.stack.pop() as SymbolTable;
  }

  private addDef(
    name: string,
    flag: number,
    node: { lineno: number; col_offset?: number },
    t = this.cur,
  ): void {
    const mangled = mangle(this.className, name);
    const old = t.flags.get(mangled) ?? 0;
    if (flag & DEF_PARAM && old & DEF_PARAM) {
      syntaxError(`duplicate argument '${name}' in function definition`, node);
    }
    t.flags.set(mangled, old | flag);
    // symtable_add_def: a `global` declaration anywhere also marks the module's own symbol.
    if (flag & DEF_GLOBAL && t !== this.top) {
      this.top.flags.set(mangled, (this.top.flags.get(mangled) ?? 0) | flag);
    }
    if (flag & DEF_PARAM) t.varnames.push(mangled);
  }

  private stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s._type) {
      case 'FunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.argDefaults(s.args);
        if (s.decorator_list.length) unsupported('decorators', s);
        if (s.returns || hasAnnotations(s.args)) unsupported('annotations', s);
        this.enter(s.name, 'function', s, s.lineno);
        this.params(s.args);
        this.stmts(s.body);
        this.leave();
        return;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        if (s.decorator_list.length) unsupported('decorators', s);
        const saved = this.className;
        this.enter(s.name, 'class', s, s.lineno);
        this.className = s.name;
        this.stmts(s.body);
        this.className = saved;
        this.leave();
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        return;
      case 'Delete':
        for (const t of s.targets) this.expr(t);
        return;
      case 'Assign':
        for (const t of s.targets) this.expr(t);
        this.expr(s.value);
        return;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        return;
      case 'For':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case 'Try':
        this.stmts(s.body);
        this.stmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.finalbody);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          const stored = a.asname ?? a.name.split('.')[0] ?? a.name;
          this.addDef(stored, DEF_IMPORT, s);
        }
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') unsupported('import *', s);
          this.addDef(a.asname ?? a.name, DEF_IMPORT, s);
        }
        return;
      case 'Global':
      case 'Nonlocal':
        this.declareNames(s);
        return;
      case 'Expr':
        this.expr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
      default:
        unsupported(describeStmt(s._type), s);
    }
  }

  private declareNames(s: Extract<Stmt, { _type: 'Global' | 'Nonlocal' }>): void {
    const isGlobal = s._type === 'Global';
    const word = isGlobal ? 'global' : 'nonlocal';
    if (!isGlobal && this.cur.kind === 'module') {
      syntaxError('nonlocal declaration not allowed at module level', s);
    }
    for (const name of s.names) {
      const m = mangle(this.className, name);
      const cur = this.cur.flags.get(m) ?? 0;
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_IMPORT)) {
        const msg =
          cur & DEF_PARAM
            ? `name '${name}' is parameter and ${word}`
            : cur & USE
              ? `name '${name}' is used prior to ${word} declaration`
              : `name '${name}' is assigned to before ${word} declaration`;
        syntaxError(msg, s);
      }
      this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
      if (!this.cur.directives.has(m)) this.cur.directives.set(m, s);
    }
  }

  private argDefaults(a: Arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }

  private params(a: Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs])
      this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private exprs(list: (Expr | null)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  private expr(e: Expr): void {
    switch (e._type) {
      case 'Name': {
        const ctx = e.ctx._type;
        this.addDef(e.id, ctx === 'Load' ? USE : DEF_LOCAL, e);
        if (ctx === 'Load' && this.cur.kind === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        return;
      }
      case 'BoolOp':
        return this.exprs(e.values);
      case 'BinOp':
        this.expr(e.left);
        return this.expr(e.right);
      case 'UnaryOp':
        return this.expr(e.operand);
      case 'Lambda': {
        this.argDefaults(e.args);
        if (hasAnnotations(e.args)) unsupported('annotations', e);
        this.enter('lambda', 'function', e, e.lineno);
        this.params(e.args);
        this.expr(e.body);
        this.leave();
        return;
      }
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        return this.expr(e.orelse);
      case 'Dict':
        this.exprs(e.keys);
        return this.exprs(e.values);
      case 'Set':
      case 'List':
      case 'Tuple':
        return this.exprs(e.elts);
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        return this.comprehension(e);
      case 'Yield':
      case 'YieldFrom': {
        if (this.cur.kind !== 'function') syntaxError(`'yield' outside function`, e);
        if (this.cur.comprehension) {
          const what = (this.cur.node as Expr)._type;
          syntaxError(`'yield' inside ${COMP_WORD[what] ?? 'generator expression'}`, e);
        }
        this.cur.generator = true;
        if (e.value) this.expr(e.value);
        return;
      }
      case 'Compare':
        this.expr(e.left);
        return this.exprs(e.comparators);
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) this.expr(k.value);
        return;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        return;
      case 'JoinedStr':
        return this.exprs(e.values);
      case 'Constant':
        return;
      case 'Attribute':
        return this.expr(e.value);
      case 'Subscript':
        this.expr(e.value);
        return this.expr(e.slice);
      case 'Starred':
        return this.expr(e.value);
      case 'Slice':
        return this.exprs([e.lower, e.upper, e.step]);
      case 'NamedExpr':
        unsupported('assignment expressions (:=)', e);
      // falls through (unreachable)
      case 'Await':
        unsupported('await', e);
    }
  }

  private comprehension(
    e: Extract<Expr, { _type: 'ListComp' | 'SetComp' | 'GeneratorExp' | 'DictComp' }>,
  ): void {
    const gens = e.generators;
    if (gens.some((g) => g.is_async)) unsupported('async comprehensions', e);
    this.expr(at(gens, 0).iter);
    const name = COMP_NAME[e._type];
    const t = this.enter(name, 'function', e, e.lineno);
    t.comprehension = true;
    if (e._type === 'GeneratorExp') t.generator = true;
    this.addDef('.0', DEF_PARAM, e);
    gens.forEach((g, i) => {
      this.expr(g.target);
      if (i > 0) this.expr(g.iter);
      this.exprs(g.ifs);
    });
    if (e._type === 'DictComp') {
      this.expr(e.key);
      this.expr(e.value);
    } else this.expr(e.elt);
    this.leave();
  }
}

const COMP_NAME = {
  ListComp: 'listcomp',
  SetComp: 'setcomp',
  DictComp: 'dictcomp',
  GeneratorExp: 'genexpr',
} as const;
const COMP_WORD: Record<string, string> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

function hasAnnotations(a: Arguments): boolean {
  const all = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg];
  return all.some((p) => p !== null && p.annotation !== null);
}

function describeStmt(type: string): string {
  const words: Record<string, string> = {
    AsyncFunctionDef: 'async def',
    AsyncFor: 'async for',
    AsyncWith: 'async with',
    Match: 'match',
    TryStar: 'except*',
    AnnAssign: 'annotated assignment',
  };
  return words[type] ?? type;
}

/** Private name mangling: `__x` inside class `C` is `_C__x` (leading underscores of C stripped). */
export function mangle(className: string | null, name: string): string {
  if (className === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) {
    return name;
  }
  const stripped = className.replace(/^_+/, '');
  return stripped === '' ? name : `_${stripped}${name}`;
}
