/**
 * The assembler (CPython 3.11's assemble()): the implicit `return None`, prefix instructions
 * (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR), cell offsets, the flow-graph optimizer,
 * line-number propagation, stack depth, the exception table, jump directions — and the
 * finished CodeObject.
 */
import { at, type Block, type Ins, type Loc, NO_LOC } from './cfg.ts';
import { CO, type CodeObject, type ExceptionEntry, type Instr } from './code.ts';
import { labelExceptionTargets, stackDepth } from './exceptions.ts';
import {
  duplicateExitsWithoutLineno,
  guaranteeLinenoForExits,
  propagateLineNumbers,
} from './lines.ts';
import { BLOCK_PUSH, hasArg } from './ops.ts';
import {
  cleanBasicBlock,
  extendBlock,
  layout,
  normalizeTargets,
  optimizeCfg,
  skipEmpty,
} from './optimize.ts';
import type { CompilerState, Unit } from './unit.ts';

const DEREF_OPS = new Set([
  'MAKE_CELL',
  'LOAD_CLOSURE',
  'LOAD_DEREF',
  'STORE_DEREF',
  'DELETE_DEREF',
  'LOAD_CLASSDEREF',
]);

export function assemble(c: CompilerState, addNone: boolean): CodeObject {
  const u = c.u;
  if (u.cur.last()?.op !== 'RETURN_VALUE') {
    u.loc = [-1, u.loc[1], u.loc[2], u.loc[3]];
    if (addNone) u.loadConst({ t: 'None' });
    u.emit('RETURN_VALUE');
  }
  normalizeTargets(u.blocks);
  for (let i = u.blocks.length - 1; i >= 0; i--) extendBlock(at(u.blocks, i));
  const flags = codeFlags(u);
  const fixed = cellFixedOffsets(u);
  insertPrefix(u, fixed, flags);
  fixCellOffsets(u, fixed);
  optimizeCfg(u.entry, u.blocks, u.consts);
  duplicateExitsWithoutLineno(u);
  trimUnusedConsts(u);
  propagateLineNumbers(u.entry);
  guaranteeLinenoForExits(u.entry, u.firstlineno);
  const stacksize = stackDepth(u.entry, u.blocks, flags);
  labelExceptionTargets(u.entry, u.blocks);
  for (const b of layout(u.entry)) {
    for (const ins of b.instrs) {
      if (BLOCK_PUSH.has(ins.op) || ins.op === 'POP_BLOCK') {
        ins.op = 'NOP';
        ins.target = null;
      }
    }
  }
  for (const b of layout(u.entry)) cleanBasicBlock(b);
  normalizeJumps(u.entry);
  // co_cellvars in localsplus order: cells that are parameters (at their varnames slot) first.
  const cellvars = u.cellvars
    .map((name, i) => ({ name, offset: at(fixed, i) }))
    .sort((a, b) => a.offset - b.offset)
    .map((x) => x.name);
  return finish(u, flags, stacksize, cellvars);
}

function codeFlags(u: Unit): number {
  let flags = 0;
  const ste = u.ste;
  if (ste.kind === 'function') {
    flags |= CO.NEWLOCALS | CO.OPTIMIZED;
    if (ste.nested) flags |= CO.NESTED;
    if (ste.generator) flags |= CO.GENERATOR;
    if (ste.varargs) flags |= CO.VARARGS;
    if (ste.varkeywords) flags |= CO.VARKEYWORDS;
  }
  return flags;
}

function cellFixedOffsets(u: Unit): number[] {
  const nlocals = u.varnames.items.length;
  const fixed: number[] = [];
  const n = u.cellvars.length + u.freevars.length;
  for (let i = 0; i < n; i++) fixed.push(nlocals + i);
  u.cellvars.forEach((name, i) => {
    const v = u.varnames.find(name);
    if (v !== undefined) fixed[i] = v;
  });
  return fixed;
}

function insertPrefix(u: Unit, fixed: number[], flags: number): void {
  const prefix: Ins[] = [];
  const bare = (op: string, arg: number): Ins => ({ op, arg, target: null, loc: NO_LOC });
  if (u.freevars.length) prefix.push(bare('COPY_FREE_VARS', u.freevars.length));
  const ncells = u.cellvars.length;
  if (ncells) {
    const order = u.cellvars.map((_, i) => i).sort((a, b) => at(fixed, a) - at(fixed, b));
    for (const i of order) prefix.push(bare('MAKE_CELL', i));
  }
  if (flags & CO.GENERATOR) {
    const line = u.firstlineno;
    prefix.push({ op: 'RETURN_GENERATOR', arg: 0, target: null, loc: [line, line, -1, -1] });
    prefix.push(bare('POP_TOP', 0));
  }
  u.entry.instrs.unshift(...prefix);
}

function fixCellOffsets(u: Unit, fixed: number[]): void {
  const nlocals = u.varnames.items.length;
  let dropped = 0;
  const map = fixed.map((f, i) => {
    if (f === i + nlocals) return f - dropped;
    dropped++;
    return f;
  });
  for (const b of u.blocks) {
    for (const ins of b.instrs) if (DEREF_OPS.has(ins.op)) ins.arg = at(map, ins.arg);
  }
}

function trimUnusedConsts(u: Unit): void {
  let max = 0;
  for (const b of layout(u.entry)) {
    for (const ins of b.instrs) {
      if ((ins.op === 'LOAD_CONST' || ins.op === 'KW_NAMES') && ins.arg > max) max = ins.arg;
    }
  }
  u.consts.items.length = Math.min(u.consts.items.length, max + 1);
}

const DIRECTED: Record<string, [string, string]> = {
  JUMP: ['JUMP_FORWARD', 'JUMP_BACKWARD'],
  JUMP_NO_INTERRUPT: ['JUMP_FORWARD', 'JUMP_BACKWARD_NO_INTERRUPT'],
  POP_JUMP_IF_NOT_NONE: ['POP_JUMP_FORWARD_IF_NOT_NONE', 'POP_JUMP_BACKWARD_IF_NOT_NONE'],
  POP_JUMP_IF_NONE: ['POP_JUMP_FORWARD_IF_NONE', 'POP_JUMP_BACKWARD_IF_NONE'],
  POP_JUMP_IF_FALSE: ['POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_FALSE'],
  POP_JUMP_IF_TRUE: ['POP_JUMP_FORWARD_IF_TRUE', 'POP_JUMP_BACKWARD_IF_TRUE'],
};

function normalizeJumps(entry: Block): void {
  const seen = new Set<Block>();
  for (const b of layout(entry)) {
    seen.add(b);
    const last = b.last();
    if (!last || !last.target) continue;
    const pair = DIRECTED[last.op];
    if (pair) last.op = seen.has(skipEmpty(last.target)) ? pair[1] : pair[0];
  }
}

function position(loc: Loc): Instr['pos'] {
  const [line, endLine, col, endCol] = loc;
  if (line < 0) return null;
  const c = (v: number): number | null => (v < 0 ? null : v);
  if (col < 0 || endCol < 0) {
    if (endLine === line || endLine === -1) return [line, line, null, null];
  }
  return [line, endLine, c(col), c(endCol)];
}

function finish(u: Unit, flags: number, stacksize: number, cellvars: string[]): CodeObject {
  const blocks = layout(u.entry);
  const start = new Map<Block, number>();
  let n = 0;
  for (const b of blocks) {
    start.set(b, n);
    n += b.instrs.length;
  }
  const indexOf = (b: Block): number => start.get(skipEmpty(b)) ?? n;
  const instrs: Instr[] = [];
  const table: ExceptionEntry[] = [];
  let handler: Block | null = null;
  let from = -1;
  const close = (end: number): void => {
    if (!handler) return;
    const lasti = handler.preserveLasti;
    const depth = handler.startDepth - 1 - (lasti ? 1 : 0);
    table.push({ start: from, end, target: indexOf(handler), depth, lasti });
  };
  for (const b of blocks) {
    for (const ins of b.instrs) {
      const h = ins.handler ?? null;
      if (h !== handler) {
        close(instrs.length);
        from = instrs.length;
        handler = h;
      }
      const arg = ins.target ? indexOf(ins.target) : hasArg(ins.op) ? ins.arg : null;
      const pos = position(ins.loc);
      instrs.push({ op: ins.op, arg, line: pos ? pos[0] : null, pos });
    }
  }
  close(instrs.length);
  return {
    name: u.name,
    qualname: u.qualname,
    firstlineno: u.firstlineno,
    argcount: u.argcount + u.posonlyargcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    flags,
    stacksize,
    nlocals: u.varnames.items.length,
    varnames: [...u.varnames.items],
    cellvars,
    freevars: [...u.freevars],
    names: [...u.names.items],
    consts: [...u.consts.items],
    instrs,
    exceptionTable: table,
  };
}
