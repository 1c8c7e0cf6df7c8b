/**
 * The flow-graph optimizer of CPython 3.11 (optimize_basic_block, extend_block,
 * mark_reachable, clean_basic_block, jump threading, constant-tuple folding, static swaps).
 */
import { at, type Block, type Ins, type Loc } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import type { Table } from './consts.ts';
import { BLOCK_PUSH, isJump, SCOPE_EXIT, UNCONDITIONAL } from './ops.ts';

const MAX_COPY_SIZE = 4;

export function hasFallthrough(b: Block): boolean {
  const last = b.last();
  return !last || !(UNCONDITIONAL.has(last.op) || SCOPE_EXIT.has(last.op));
}

export function isExit(b: Block): boolean {
  const last = b.last();
  return last !== undefined && SCOPE_EXIT.has(last.op);
}

export function isExitWithoutLineno(b: Block): boolean {
  return isExit(b) && b.instrs.every((i) => i.loc[0] < 0);
}

export function layout(entry: Block): Block[] {
  const out: Block[] = [];
  for (let b: Block | null = entry; b; b = b.next) out.push(b);
  return out;
}

/** First non-empty block at or after `b` in layout order. */
export function skipEmpty(b: Block): Block {
  let t = b;
  while (t.instrs.length === 0 && t.next) t = t.next;
  return t;
}

/** normalize_basic_block: jumps skip empty target blocks. */
export function normalizeTargets(blocks: Block[]): void {
  for (const b of blocks) {
    for (const x of b.instrs) if (isJump(x.op) && x.target) x.target = skipEmpty(x.target);
  }
}

/** extend_block: an unconditional jump to a small exit block becomes a copy of that block. */
export function extendBlock(b: Block): void {
  const last = b.last();
  if (!last || !UNCONDITIONAL.has(last.op) || !last.target) return;
  const target = last.target;
  if (isExitWithoutLineno(target) && target.instrs.length <= MAX_COPY_SIZE) {
    last.op = 'NOP';
    last.target = null;
    for (const ins of target.instrs) b.instrs.push({ ...ins });
  }
}

export function optimizeCfg(entry: Block, blocks: Block[], consts: Table<CodeConstant>): void {
  for (const b of layout(entry)) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  for (let i = blocks.length - 1; i >= 0; i--) extendBlock(at(blocks, i));
  markReachable(entry, blocks);
  for (const b of layout(entry)) if (b.predecessors === 0) b.instrs = [];
  for (const b of layout(entry)) cleanBasicBlock(b);
  eliminateEmptyBlocks(entry);
  let maybeEmpty = false;
  for (const b of layout(entry)) {
    const last = b.last();
    if (last && (last.op === 'JUMP' || last.op === 'JUMP_NO_INTERRUPT') && last.target === b.next) {
      last.op = 'NOP';
      last.target = null;
      maybeEmpty = true;
    }
  }
  if (maybeEmpty) eliminateEmptyBlocks(entry);
}

export function eliminateEmptyBlocks(entry: Block): void {
  for (const b of layout(entry)) {
    let next = b.next;
    if (next) {
      while (next.instrs.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (const b of layout(entry)) {
    const last = b.last();
    if (last && isJump(last.op) && last.target) last.target = skipEmpty(last.target);
  }
}

export function markReachable(entry: Block, blocks: Block[]): void {
  for (const b of blocks) {
    b.predecessors = 0;
    b.visited = false;
  }
  entry.predecessors = 1;
  const stack = [entry];
  while (stack.length) {
    const b = stack.pop() as Block;
    b.visited = true;
    if (b.next && hasFallthrough(b)) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instrs) {
      if ((isJump(ins.op) || BLOCK_PUSH.has(ins.op)) && ins.target) {
        const t = ins.target;
        if (!t.visited) stack.push(t);
        t.predecessors++;
      }
    }
  }
}

/** clean_basic_block: drop NOPs whose line is already marked by a neighbour. */
export function cleanBasicBlock(b: Block): void {
  const out: Ins[] = [];
  let prevLine = -1;
  const ins = b.instrs;
  for (let src = 0; src < ins.length; src++) {
    const cur = at(ins, src);
    const line = cur.loc[0];
    if (cur.op === 'NOP') {
      if (line < 0) continue;
      if (prevLine === line) continue;
      if (src < ins.length - 1) {
        const nextLine = at(ins, src + 1).loc[0];
        if (nextLine < 0 || nextLine === line) {
          if (nextLine < 0) at(ins, src + 1).loc = cur.loc;
          continue;
        }
      } else {
        let next = b.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && line === at(next.instrs, 0).loc[0]) continue;
      }
    }
    out.push(cur);
    prevLine = line;
  }
  b.instrs = out;
}

function constAt(consts: Table<CodeConstant>, i: number): CodeConstant {
  return at(consts.items, i);
}

function truthy(c: CodeConstant): boolean {
  switch (c.t) {
    case 'None':
      return false;
    case 'bool':
      return c.v;
    case 'int':
      return c.v !== '0';
    case 'float':
      return Number(c.v) !== 0;
    case 'complex':
      return Number(c.real) !== 0 || Number(c.imag) !== 0;
    case 'str':
    case 'bytes':
      return c.v.length > 0;
    case 'tuple':
    case 'frozenset':
      return c.items.length > 0;
    default:
      return true;
  }
}

function jumpThread(ins: Ins, target: Ins, op: string): number {
  if (ins.loc[0] === target.loc[0] && ins.target !== target.target) {
    ins.target = target.target;
    ins.op = op;
    return 1;
  }
  return 0;
}

const NOP_INS: Ins = { op: 'NOP', arg: 0, target: null, loc: [-1, -1, -1, -1] as Loc };

function optimizeBasicBlock(bb: Block, consts: Table<CodeConstant>): void {
  const ins = bb.instrs;
  for (let i = 0; i < ins.length; i++) {
    const inst = at(ins, i);
    const oparg = inst.arg;
    const nextop = i + 1 < ins.length ? at(ins, i + 1).op : '';
    let target = NOP_INS;
    if ((isJump(inst.op) || BLOCK_PUSH.has(inst.op)) && inst.target) {
      while (inst.target.instrs.length === 0 && inst.target.next) inst.target = inst.target.next;
      target = inst.target.instrs[0] ?? NOP_INS;
    }
    switch (inst.op) {
      case 'LOAD_CONST': {
        const cnt = constAt(consts, oparg);
        switch (nextop) {
          case 'POP_JUMP_IF_FALSE':
          case 'POP_JUMP_IF_TRUE': {
            inst.op = 'NOP';
            const jumpIfTrue = nextop === 'POP_JUMP_IF_TRUE';
            if (truthy(cnt) === jumpIfTrue) at(ins, i + 1).op = 'JUMP';
            else {
              at(ins, i + 1).op = 'NOP';
              at(ins, i + 1).target = null;
            }
            break;
          }
          case 'JUMP_IF_FALSE_OR_POP':
          case 'JUMP_IF_TRUE_OR_POP': {
            const jumpIfTrue = nextop === 'JUMP_IF_TRUE_OR_POP';
            if (truthy(cnt) === jumpIfTrue) at(ins, i + 1).op = 'JUMP';
            else {
              inst.op = 'NOP';
              at(ins, i + 1).op = 'NOP';
              at(ins, i + 1).target = null;
            }
            break;
          }
          case 'IS_OP': {
            const jumpOp = i + 2 < ins.length ? at(ins, i + 2).op : '';
            if (
              cnt.t === 'None' &&
              (jumpOp === 'POP_JUMP_IF_FALSE' || jumpOp === 'POP_JUMP_IF_TRUE')
            ) {
              const nextarg = at(ins, i + 1).arg;
              inst.op = 'NOP';
              at(ins, i + 1).op = 'NOP';
              const invert = (nextarg ? 1 : 0) ^ (jumpOp === 'POP_JUMP_IF_FALSE' ? 1 : 0);
              at(ins, i + 2).op = invert ? 'POP_JUMP_IF_NOT_NONE' : 'POP_JUMP_IF_NONE';
            }
            break;
          }
        }
        break;
      }
      case 'BUILD_TUPLE':
        if (nextop === 'UNPACK_SEQUENCE' && oparg === at(ins, i + 1).arg) {
          if (oparg === 1) {
            inst.op = 'NOP';
            at(ins, i + 1).op = 'NOP';
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = 'NOP';
            at(ins, i + 1).op = 'SWAP';
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(ins, i, oparg, consts);
        break;
      case 'JUMP_IF_FALSE_OR_POP':
        switch (target.op) {
          case 'POP_JUMP_IF_FALSE':
            i -= jumpThread(inst, target, 'POP_JUMP_IF_FALSE');
            break;
          case 'JUMP':
          case 'JUMP_IF_FALSE_OR_POP':
            i -= jumpThread(inst, target, 'JUMP_IF_FALSE_OR_POP');
            break;
          case 'JUMP_IF_TRUE_OR_POP':
          case 'POP_JUMP_IF_TRUE':
            if (inst.loc[0] === target.loc[0] && inst.target) {
              inst.op = 'POP_JUMP_IF_FALSE';
              inst.target = inst.target.next;
              i--;
            }
            break;
        }
        break;
      case 'JUMP_IF_TRUE_OR_POP':
        switch (target.op) {
          case 'POP_JUMP_IF_TRUE':
            i -= jumpThread(inst, target, 'POP_JUMP_IF_TRUE');
            break;
          case 'JUMP':
          case 'JUMP_IF_TRUE_OR_POP':
            i -= jumpThread(inst, target, 'JUMP_IF_TRUE_OR_POP');
            break;
          case 'JUMP_IF_FALSE_OR_POP':
          case 'POP_JUMP_IF_FALSE':
            if (inst.loc[0] === target.loc[0] && inst.target) {
              inst.op = 'POP_JUMP_IF_TRUE';
              inst.target = inst.target.next;
              i--;
            }
            break;
        }
        break;
      case 'POP_JUMP_IF_NOT_NONE':
      case 'POP_JUMP_IF_NONE':
      case 'POP_JUMP_IF_FALSE':
      case 'POP_JUMP_IF_TRUE':
      case 'JUMP':
        if (target.op === 'JUMP') i -= jumpThread(inst, target, inst.op);
        break;
      case 'SWAP':
        if (oparg === 1) {
          inst.op = 'NOP';
          break;
        }
        i = swaptimize(ins, i);
        applyStaticSwaps(ins, i);
        break;
      case 'PUSH_NULL':
        if (nextop === 'LOAD_GLOBAL' && (at(ins, i + 1).arg & 1) === 0) {
          inst.op = 'NOP';
          inst.arg = 0;
          at(ins, i + 1).arg |= 1;
        }
        break;
    }
  }
}

function foldTupleOnConstants(
  ins: Ins[],
  end: number,
  n: number,
  consts: Table<CodeConstant>,
): void {
  const start = end - n;
  for (let i = start; i < end; i++) if (at(ins, i).op !== 'LOAD_CONST') return;
  const items = ins.slice(start, end).map((x) => at(consts.items, x.arg));
  const index = consts.add({ t: 'tuple', items });
  for (let i = start; i < end; i++) {
    at(ins, i).op = 'NOP';
    at(ins, i).arg = 0;
  }
  at(ins, end).op = 'LOAD_CONST';
  at(ins, end).arg = index;
}

/** swaptimize: a run of SWAPs becomes the shortest equivalent run. Returns the index of its last instruction. */
function swaptimize(ins: Ins[], ix: number): number {
  let depth = at(ins, ix).arg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = at(ins, ix + len).op;
    if (op === 'SWAP') {
      depth = Math.max(depth, at(ins, ix + len).arg);
      more = true;
    } else if (op !== 'NOP') break;
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    const s = at(ins, ix + i);
    if (s.op === 'SWAP') {
      const oparg = s.arg;
      const top = at(stack, 0);
      stack[0] = at(stack, oparg - 1);
      stack[oparg - 1] = top;
    }
  }
  let current = len - 1;
  const VISITED = -1;
  for (let i = 0; i < depth; i++) {
    if (at(stack, i) === VISITED || at(stack, i) === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        at(ins, ix + current).op = 'SWAP';
        at(ins, ix + current).arg = j + 1;
        current--;
      }
      const nextJ = at(stack, j);
      if (nextJ === VISITED) break;
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) {
    at(ins, ix + current).op = 'NOP';
    current--;
  }
  return ix + len - 1;
}

const SWAPPABLE = new Set(['STORE_FAST', 'POP_TOP']);

function nextSwappable(ins: Ins[], i: number, lineno: number): number {
  while (++i < ins.length) {
    const x = at(ins, i);
    if (lineno >= 0 && x.loc[0] !== lineno) return -1;
    if (x.op === 'NOP') continue;
    if (SWAPPABLE.has(x.op)) return i;
    return -1;
  }
  return -1;
}

function applyStaticSwaps(ins: Ins[], i: number): void {
  for (; i >= 0; i--) {
    const swap = at(ins, i);
    if (swap.op !== 'SWAP') {
      if (swap.op === 'NOP' || SWAPPABLE.has(swap.op)) continue;
      return;
    }
    const j = nextSwappable(ins, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = at(ins, j).loc[0];
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(ins, k, lineno);
      if (k < 0) return;
    }
    swap.op = 'NOP';
    const tmp = at(ins, j);
    ins[j] = at(ins, k);
    ins[k] = tmp;
  }
}
