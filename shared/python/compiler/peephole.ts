/**
 * optimize_basic_block of CPython 3.11: constant conditions, `is None` jumps, jump threading,
 * constant tuples, BUILD_TUPLE/UNPACK_SEQUENCE swaps, SWAP minimisation, PUSH_NULL into LOAD_GLOBAL.
 */
import { at, type Block, type Ins, type Loc } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import type { Table } from './consts.ts';
import { BLOCK_PUSH, isJump } from './ops.ts';
import { constTruth } from './pyops.ts';

function constAt(consts: Table<CodeConstant>, i: number): CodeConstant {
  return at(consts.items, i);
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

export function optimizeBasicBlock(bb: Block, consts: Table<CodeConstant>): void {
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
            if ((constTruth(cnt) ?? true) === jumpIfTrue) at(ins, i + 1).op = 'JUMP';
            else {
              at(ins, i + 1).op = 'NOP';
              at(ins, i + 1).target = null;
            }
            break;
          }
          case 'JUMP_IF_FALSE_OR_POP':
          case 'JUMP_IF_TRUE_OR_POP': {
            const jumpIfTrue = nextop === 'JUMP_IF_TRUE_OR_POP';
            if ((constTruth(cnt) ?? true) === jumpIfTrue) at(ins, i + 1).op = 'JUMP';
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
