/**
 * Code objects: what the compiler produces and the virtual machine runs, shaped after CPython
 * 3.11's `types.CodeType`.
 *
 * Contract: for a source file, `compileModule(parse(src))` deep-equals the JSON that
 * `test/tools/pycode.py` prints for CPython 3.11's `compile(src, path, 'exec')` (modulo the
 * documented normalisations in docs/python-vm.md). So the VM can be developed and tested on
 * code objects from CPython itself, and the compiler on CPython's output.
 *
 * - `instrs` has no CACHE entries and no EXTENDED_ARG. For a jump, `arg` is the index of the
 *   target instruction in `instrs`; otherwise it is CPython's oparg (null when none).
 * - Exception-table ranges are instruction indices, `end` exclusive.
 */
import type { PyConstant } from '../syntax/ast.ts';

export type CodeConstant =
  | PyConstant
  | { t: 'tuple'; items: CodeConstant[] }
  | { t: 'frozenset'; items: CodeConstant[] }
  | { t: 'code'; code: CodeObject };

export interface Instr {
  /** CPython 3.11 opname (`dis.opname`), e.g. 'LOAD_FAST', 'CALL', 'RETURN_VALUE'. */
  op: string;
  arg: number | null;
  line: number | null;
  /** [lineno, end_lineno, col_offset, end_col_offset], UTF-8 byte columns; for tracebacks. */
  pos: [number, number | null, number | null, number | null] | null;
}

export interface ExceptionEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** co_flags bits (Include/cpython/code.h). */
export const CO = {
  OPTIMIZED: 0x1,
  NEWLOCALS: 0x2,
  VARARGS: 0x4,
  VARKEYWORDS: 0x8,
  NESTED: 0x10,
  GENERATOR: 0x20,
  NOFREE: 0x40,
  COROUTINE: 0x80,
  ITERABLE_COROUTINE: 0x100,
  ASYNC_GENERATOR: 0x200,
} as const;

export interface CodeObject {
  name: string;
  qualname: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  stacksize: number;
  nlocals: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  names: string[];
  consts: CodeConstant[];
  instrs: Instr[];
  exceptionTable: ExceptionEntry[];
}
