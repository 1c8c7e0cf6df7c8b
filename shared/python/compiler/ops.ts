/**
 * CPython 3.11 opcode facts the compiler needs: which opcodes take an argument, which jump,
 * and each one's stack effect (after `stack_effect()` in Python/compile.c).
 *
 * Pseudo opcodes (JUMP, POP_JUMP_IF_*, SETUP_*, POP_BLOCK…) exist only between code
 * generation and assembly; `normalizeJumps` and the exception-table pass replace them.
 */

/** Opcodes below CPython's HAVE_ARGUMENT (90) carry no argument. */
const NO_ARG = new Set([
  'CACHE',
  'POP_TOP',
  'PUSH_NULL',
  'NOP',
  'UNARY_POSITIVE',
  'UNARY_NEGATIVE',
  'UNARY_NOT',
  'UNARY_INVERT',
  'BINARY_SUBSCR',
  'GET_LEN',
  'PUSH_EXC_INFO',
  'CHECK_EXC_MATCH',
  'WITH_EXCEPT_START',
  'BEFORE_WITH',
  'STORE_SUBSCR',
  'DELETE_SUBSCR',
  'GET_ITER',
  'GET_YIELD_FROM_ITER',
  'LOAD_BUILD_CLASS',
  'LOAD_ASSERTION_ERROR',
  'RETURN_GENERATOR',
  'LIST_TO_TUPLE',
  'RETURN_VALUE',
  'YIELD_VALUE',
  'POP_EXCEPT',
  'POP_BLOCK',
]);

export function hasArg(op: string): boolean {
  return !NO_ARG.has(op);
}

/** Pseudo jumps as code generation emits them (direction decided at assembly). */
const JUMPS = new Set([
  'JUMP',
  'JUMP_NO_INTERRUPT',
  'POP_JUMP_IF_FALSE',
  'POP_JUMP_IF_TRUE',
  'POP_JUMP_IF_NONE',
  'POP_JUMP_IF_NOT_NONE',
  'JUMP_IF_FALSE_OR_POP',
  'JUMP_IF_TRUE_OR_POP',
  'FOR_ITER',
  'SEND',
  'JUMP_FORWARD',
  'JUMP_BACKWARD',
  'JUMP_BACKWARD_NO_INTERRUPT',
]);
export const UNCONDITIONAL = new Set([
  'JUMP',
  'JUMP_NO_INTERRUPT',
  'JUMP_FORWARD',
  'JUMP_BACKWARD',
  'JUMP_BACKWARD_NO_INTERRUPT',
]);
export const BLOCK_PUSH = new Set(['SETUP_FINALLY', 'SETUP_CLEANUP', 'SETUP_WITH']);
export const SCOPE_EXIT = new Set(['RETURN_VALUE', 'RAISE_VARARGS', 'RERAISE']);

export function isJump(op: string): boolean {
  return JUMPS.has(op);
}

const FIXED: Record<string, number> = {
  NOP: 0,
  POP_TOP: -1,
  PUSH_NULL: 1,
  RESUME: 0,
  CACHE: 0,
  MAKE_CELL: 0,
  COPY_FREE_VARS: 0,
  RETURN_GENERATOR: 0,
  UNARY_POSITIVE: 0,
  UNARY_NEGATIVE: 0,
  UNARY_NOT: 0,
  UNARY_INVERT: 0,
  BINARY_SUBSCR: -1,
  STORE_SUBSCR: -3,
  DELETE_SUBSCR: -2,
  GET_ITER: 0,
  GET_YIELD_FROM_ITER: 0,
  PUSH_EXC_INFO: 1,
  CHECK_EXC_MATCH: 0,
  WITH_EXCEPT_START: 1,
  BEFORE_WITH: 1,
  LOAD_BUILD_CLASS: 1,
  LOAD_ASSERTION_ERROR: 1,
  LIST_TO_TUPLE: 0,
  RETURN_VALUE: -1,
  YIELD_VALUE: 0,
  POP_EXCEPT: -1,
  STORE_NAME: -1,
  DELETE_NAME: 0,
  STORE_ATTR: -2,
  DELETE_ATTR: -1,
  STORE_GLOBAL: -1,
  DELETE_GLOBAL: 0,
  SWAP: 0,
  LOAD_CONST: 1,
  LOAD_NAME: 1,
  LOAD_ATTR: 0,
  COMPARE_OP: -1,
  IS_OP: -1,
  CONTAINS_OP: -1,
  IMPORT_NAME: -1,
  IMPORT_FROM: 1,
  LOAD_FAST: 1,
  STORE_FAST: -1,
  DELETE_FAST: 0,
  LOAD_CLOSURE: 1,
  LOAD_DEREF: 1,
  LOAD_CLASSDEREF: 1,
  STORE_DEREF: -1,
  DELETE_DEREF: 0,
  RERAISE: -1,
  COPY: 1,
  BINARY_OP: -1,
  LIST_APPEND: -1,
  SET_ADD: -1,
  MAP_ADD: -2,
  LIST_EXTEND: -1,
  SET_UPDATE: -1,
  DICT_MERGE: -1,
  DICT_UPDATE: -1,
  LOAD_METHOD: 1,
  KW_NAMES: 0,
  GET_LEN: 1,
  SETUP_ANNOTATIONS: 0,
  POP_BLOCK: 0,
  CHECK_EG_MATCH: 0,
  IMPORT_STAR: -1,
};

/** Net stack effect of `op` with `arg`; `jump` selects the branch-taken effect of a jump. */
export function stackEffect(op: string, arg: number, jump: boolean): number {
  const fixed = FIXED[op];
  if (fixed !== undefined) return fixed;
  switch (op) {
    case 'UNPACK_SEQUENCE':
      return arg - 1;
    case 'UNPACK_EX':
      return (arg & 0xff) + (arg >> 8);
    case 'FOR_ITER':
      return jump ? -1 : 1;
    case 'SEND':
      return jump ? -1 : 0;
    case 'BUILD_TUPLE':
    case 'BUILD_LIST':
    case 'BUILD_SET':
    case 'BUILD_STRING':
      return 1 - arg;
    case 'BUILD_MAP':
      return 1 - 2 * arg;
    case 'BUILD_CONST_KEY_MAP':
      return -arg;
    case 'LOAD_GLOBAL':
      return (arg & 1) + 1;
    case 'RAISE_VARARGS':
      return -arg;
    case 'PRECALL':
      return -arg;
    case 'CALL':
      return -1;
    case 'CALL_FUNCTION_EX':
      return -2 - (arg & 1);
    case 'MAKE_FUNCTION':
      return -bitCount(arg & 0x0f);
    case 'BUILD_SLICE':
      return arg === 3 ? -2 : -1;
    case 'FORMAT_VALUE':
      return (arg & 0x04) === 0x04 ? -1 : 0;
    case 'JUMP_FORWARD':
    case 'JUMP_BACKWARD':
    case 'JUMP':
    case 'JUMP_BACKWARD_NO_INTERRUPT':
    case 'JUMP_NO_INTERRUPT':
      return 0;
    case 'JUMP_IF_TRUE_OR_POP':
    case 'JUMP_IF_FALSE_OR_POP':
      return jump ? 0 : -1;
    case 'POP_JUMP_IF_FALSE':
    case 'POP_JUMP_IF_TRUE':
    case 'POP_JUMP_IF_NONE':
    case 'POP_JUMP_IF_NOT_NONE':
      return -1;
    case 'SETUP_FINALLY':
      return jump ? 1 : 0;
    case 'SETUP_CLEANUP':
      return jump ? 2 : 0;
    case 'SETUP_WITH':
      return jump ? 1 : 0;
  }
  throw new Error(`no stack effect for ${op}`);
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v >>= 1) c += v & 1;
  return c;
}

/** BINARY_OP arguments (Include/opcode.h NB_*); in-place forms add 13. */
export const BINARY_OP_ARG: Record<string, number> = {
  Add: 0,
  BitAnd: 1,
  FloorDiv: 2,
  LShift: 3,
  MatMult: 4,
  Mult: 5,
  Mod: 6,
  BitOr: 7,
  Pow: 8,
  RShift: 9,
  Sub: 10,
  Div: 11,
  BitXor: 12,
};
export const COMPARE_ARG: Record<string, number> = {
  Lt: 0,
  LtE: 1,
  Eq: 2,
  NotEq: 3,
  Gt: 4,
  GtE: 5,
};
