/**
 * The control-flow graph code generation writes into: basic blocks of instructions with
 * source locations, as CPython 3.11's compiler keeps them before assembly.
 */

/** [lineno, end_lineno, col_offset, end_col_offset]; lineno -1 means "no location". */
export type Loc = readonly [number, number, number, number];
export const NO_LOC: Loc = [-1, -1, -1, -1];

export interface Ins {
  op: string;
  arg: number;
  target: Block | null;
  loc: Loc;
  /** The exception handler covering this instruction; set by the assembler. */
  handler?: Block | null;
}

export class Block {
  instrs: Ins[] = [];
  /** Fall-through successor in layout order. */
  next: Block | null = null;
  predecessors = 0;
  visited = false;
  startDepth = -1;
  exceptHandler = false;
  preserveLasti = false;
  exceptStack: Block[] | null = null;

  readonly id: number;

  constructor(id: number) {
    this.id = id;
  }

  last(): Ins | undefined {
    return this.instrs[this.instrs.length - 1];
  }
}

/** `list[i]` for an index the caller knows is in range (the checker cannot). */
export function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}
