/**
 * The flow-graph optimizer of CPython 3.11 (optimize_basic_block, extend_block,
 * mark_reachable, clean_basic_block, jump threading, constant-tuple folding, static swaps).
 */
import { at, type Block, type Ins } from './cfg.ts';
import type { CodeConstant } from './code.ts';
import type { Table } from './consts.ts';
import { BLOCK_PUSH, isJump, SCOPE_EXIT, UNCONDITIONAL } from './ops.ts';
import { optimizeBasicBlock } from './peephole.ts';

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
