/**
 * Line numbers of artificial instructions (CPython 3.11): exit blocks without a line are
 * duplicated per jump, then lines flow forward to instructions that have none.
 */
import { at, type Block, type Ins, NO_LOC } from './cfg.ts';
import { isJump } from './ops.ts';
import { eliminateEmptyBlocks, hasFallthrough, isExitWithoutLineno, layout } from './optimize.ts';
import type { Unit } from './unit.ts';

export function duplicateExitsWithoutLineno(u: Unit): void {
  // CPython walks u_blocks through b_list: newest block first.
  for (const b of [...u.blocks].reverse()) {
    const last = b.last();
    if (!last || !isJump(last.op) || !last.target) continue;
    const target = last.target;
    if (isExitWithoutLineno(target) && target.predecessors > 1) {
      const copy = u.newBlock();
      copy.instrs = target.instrs.map((i) => ({ ...i }));
      at(copy.instrs, 0).loc = last.loc;
      last.target = copy;
      target.predecessors--;
      copy.predecessors = 1;
      copy.next = target.next;
      target.next = copy;
    }
  }
  eliminateEmptyBlocks(u.entry);
  for (const b of layout(u.entry)) {
    const last = b.last();
    if (last && hasFallthrough(b) && b.next && isExitWithoutLineno(b.next)) {
      at(b.next.instrs, 0).loc = last.loc;
    }
  }
}

export function propagateLineNumbers(entry: Block): void {
  for (const b of layout(entry)) {
    if (!b.instrs.length) continue;
    let prev: Ins | null = null;
    for (const ins of b.instrs) {
      if (ins.loc[0] < 0) {
        if (prev) ins.loc = prev.loc;
      } else prev = ins;
    }
    const last = at(b.instrs, b.instrs.length - 1);
    const prevLoc = prev ? prev.loc : NO_LOC;
    if (hasFallthrough(b) && b.next && b.next.predecessors === 1 && b.next.instrs.length) {
      const first = at(b.next.instrs, 0);
      if (first.loc[0] < 0) first.loc = prevLoc;
    }
    if (isJump(last.op) && last.target && last.target.predecessors === 1) {
      const first = at(last.target.instrs, 0);
      if (first.loc[0] < 0) first.loc = last.loc;
    }
  }
}

export function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let lineno = firstlineno;
  for (const b of layout(entry)) {
    const last = b.last();
    if (!last) continue;
    if (last.loc[0] < 0) {
      if (last.op === 'RETURN_VALUE') {
        for (const ins of b.instrs) ins.loc = [lineno, ins.loc[1], ins.loc[2], ins.loc[3]];
      }
    } else lineno = last.loc[0];
  }
}
