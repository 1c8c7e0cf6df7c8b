/**
 * One code object being compiled (CPython's `struct compiler_unit`) and the compiler state
 * shared by all of them (`struct compiler`): the emit helpers every code-generation file uses.
 */
import type { CodeConstant } from './code.ts';
import { Block, type Ins, type Loc, NO_LOC } from './cfg.ts';
import { constKey, Table } from './consts.ts';
import { isJump } from './ops.ts';
import type { SymbolTable, Symtable } from './symtable.ts';

export type UnitKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

/** Frame blocks for break/continue/return unwinding (compiler_push_fblock). */
export type FBlockKind =
  | 'WHILE_LOOP'
  | 'FOR_LOOP'
  | 'TRY_EXCEPT'
  | 'FINALLY_TRY'
  | 'FINALLY_END'
  | 'WITH'
  | 'HANDLER_CLEANUP'
  | 'POP_VALUE'
  | 'EXCEPTION_HANDLER';

export interface FBlock {
  kind: FBlockKind;
  block: Block;
  exit: Block | null;
  /** FINALLY_TRY: the finally body to inline; HANDLER_CLEANUP: the `as` name or null. */
  datum: unknown;
}

export class Unit {
  readonly consts = new Table<CodeConstant>(constKey);
  readonly names = new Table<string>((s) => s);
  readonly varnames = new Table<string>((s) => s);
  readonly cellvars: string[];
  readonly freevars: string[];
  readonly blocks: Block[] = [];
  readonly entry: Block;
  cur: Block;
  loc: Loc;
  readonly fblocks: FBlock[] = [];
  qualname = '';
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;

  readonly kind: UnitKind;
  readonly name: string;
  readonly ste: SymbolTable;
  readonly firstlineno: number;
  /** The enclosing class name for private-name mangling, or null. */
  readonly privateName: string | null;

  constructor(
    kind: UnitKind,
    name: string,
    ste: SymbolTable,
    firstlineno: number,
    privateName: string | null,
  ) {
    this.kind = kind;
    this.name = name;
    this.ste = ste;
    this.firstlineno = firstlineno;
    this.privateName = privateName;
    for (const v of ste.varnames) this.varnames.add(v);
    const byScope = (scope: string): string[] =>
      [...ste.scopes].filter(([, s]) => s === scope).map(([n]) => n);
    this.cellvars = byScope('CELL');
    if (ste.needsClassClosure) this.cellvars.push('__class__');
    this.cellvars.sort(compareNames);
    this.freevars = [...byScope('FREE'), ...classFree(ste)].sort(compareNames);
    this.entry = this.cur = this.newBlock();
    this.loc = kind === 'module' ? [0, 1, 0, 0] : [firstlineno, firstlineno, 0, 0];
  }

  newBlock(): Block {
    const b = new Block(this.blocks.length);
    this.blocks.push(b);
    return b;
  }

  /** compiler_use_next_block: `b` follows the current block in layout. */
  useNext(b: Block): void {
    this.cur.next = b;
    this.cur = b;
  }

  emit(op: string, arg = 0, loc: Loc = this.loc): Ins {
    const ins: Ins = { op, arg, target: null, loc };
    this.cur.instrs.push(ins);
    return ins;
  }

  emitNoLine(op: string, arg = 0): Ins {
    return this.emit(op, arg, NO_LOC);
  }

  /** A jump ends its block (CPython's NEXT_BLOCK after every jump); SETUP_* do not. */
  jump(op: string, target: Block, loc: Loc = this.loc): void {
    this.cur.instrs.push({ op, arg: 0, target, loc });
    if (isJump(op)) this.useNext(this.newBlock());
  }

  jumpNoLine(op: string, target: Block): void {
    this.jump(op, target, NO_LOC);
  }

  loadConst(c: CodeConstant): void {
    this.emit('LOAD_CONST', this.consts.add(c));
  }

  emitName(op: string, name: string): void {
    this.emit(op, this.names.add(name));
  }

  /** Index of a cell or free variable in cellvars + freevars (fixed up to localsplus at assembly). */
  derefIndex(name: string): number {
    const c = this.cellvars.indexOf(name);
    if (c >= 0) return c;
    const f = this.freevars.indexOf(name);
    if (f < 0) throw new Error(`no cell for ${name}`);
    return this.cellvars.length + f;
  }
}

/** Names a class binds locally that its methods use freely (DEF_FREE_CLASS) are also free vars of the class. */
function classFree(ste: SymbolTable): string[] {
  if (ste.kind !== 'class') return [];
  return [...ste.flags].filter(([n, f]) => f & 64 && ste.scopes.get(n) !== 'FREE').map(([n]) => n);
}

/** PyUnicode ordering (code points), as dictbytype's sorted keys. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CompilerState {
  st: Symtable;
  units: Unit[];
  /** The unit being compiled; undefined only before the module's scope is entered. */
  u: Unit;
  filename: string;
}
