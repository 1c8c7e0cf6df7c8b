/** Stack depth and exception handlers of every instruction (stackdepth, label_exception_targets). */
import type { Block } from './cfg.ts';
import { CO } from './code.ts';
import { BLOCK_PUSH, isJump, SCOPE_EXIT, stackEffect } from './ops.ts';
import { hasFallthrough } from './optimize.ts';

export function stackDepth(entry: Block, blocks: Block[], flags: number): number {
  for (const b of blocks) b.startDepth = -Infinity;
  let maxdepth = 0;
  const stack: Block[] = [];
  const push = (b: Block, depth: number): void => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  push(entry, flags & CO.GENERATOR ? 1 : 0);
  while (stack.length) {
    const b = stack.pop() as Block;
    let depth = b.startDepth;
    let next = b.next;
    for (const ins of b.instrs) {
      const newDepth = depth + stackEffect(ins.op, ins.arg, false);
      if (newDepth > maxdepth) maxdepth = newDepth;
      if ((isJump(ins.op) || BLOCK_PUSH.has(ins.op)) && ins.target) {
        const targetDepth = depth + stackEffect(ins.op, ins.arg, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(ins.target, targetDepth);
      }
      depth = newDepth;
      if (ins.op === 'JUMP_NO_INTERRUPT' || ins.op === 'JUMP' || SCOPE_EXIT.has(ins.op)) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxdepth;
}

/** Sets each instruction's handler (null outside any try) from the SETUP_* and POP_BLOCK pseudo ops. */
export function labelExceptionTargets(entry: Block, blocks: Block[]): void {
  for (const b of blocks) {
    b.visited = false;
    b.exceptStack = null;
  }
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop() as Block;
    let stack = b.exceptStack as Block[];
    b.exceptStack = null;
    let handler: Block | null = stack[stack.length - 1] ?? null;
    for (const ins of b.instrs) {
      if (BLOCK_PUSH.has(ins.op) && ins.target) {
        const t = ins.target;
        if (!t.visited) {
          t.exceptStack = [...stack];
          todo.push(t);
          t.visited = true;
        }
        if (ins.op === 'SETUP_WITH' || ins.op === 'SETUP_CLEANUP') t.preserveLasti = true;
        stack.push(t);
        handler = t;
        ins.handler = null;
      } else if (ins.op === 'POP_BLOCK') {
        stack.pop();
        handler = stack[stack.length - 1] ?? null;
        ins.handler = null;
      } else if (isJump(ins.op) && ins.target) {
        ins.handler = handler;
        const t = ins.target;
        if (!t.visited) {
          if (hasFallthrough(b)) t.exceptStack = [...stack];
          else {
            t.exceptStack = stack;
            stack = [];
          }
          todo.push(t);
          t.visited = true;
        }
      } else {
        ins.handler = handler;
      }
    }
    if (hasFallthrough(b) && b.next && !b.next.visited) {
      b.next.exceptStack = stack;
      todo.push(b.next);
      b.next.visited = true;
    }
  }
}
