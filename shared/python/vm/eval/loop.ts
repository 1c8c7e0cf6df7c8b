/**
 * The eval loop: CPython 3.11's Python/ceval.c, opcode by opcode, with the same stack effects
 * and reference operations (LOAD_* push new references, STORE_* steal them and drop the old
 * value, CALL steals its arguments). Rarer opcode families live in ops-*.ts.
 *
 * `runFrame` runs a frame until it returns (the result, owned) or yields (`frame.yielded`).
 * Errors are JS-thrown `PyRaise`; they unwind by the code's exception table, adding a
 * traceback entry for each frame they enter (not on re-raise).
 */
import { PyRaise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { clearFrame, frameObjectOf, PyTraceback } from '../frame.ts';
import { PyException } from '../instance.ts';
import { newInt, S } from '../scalars.ts';
import { vm } from '../state.ts';
import { OP } from './opcodes.ts';
import { YIELDED } from './yielded.ts';
import { NULL } from './null.ts';
import { execOther } from './ops-other.ts';
import { loadGlobal, loadName } from './names.ts';
import { binaryOp, compareOp, isTrue } from '../ops/arith.ts';
import { getItem } from '../ops/seq.ts';
import { getAttr } from '../ops/attr.ts';
import { iterNext } from '../ops/iter.ts';
import { doCall } from './calls.ts';
import { raise } from '../errors.ts';
import { setContext } from '../ops/exc.ts';

export { YIELDED };

/** Runs `f` from `f.resumeAt`; with `throwIn`, first raises that exception (owned) at `f.lasti`. */
export function runFrame(f: Frame, throwIn: PyObject | null = null): PyObject {
  const prev = vm.frame;
  vm.frame = f;
  if (++vm.depth > vm.recursionLimit) {
    vm.depth--;
    vm.frame = prev;
    clearFrame(f);
    raise('RecursionError', 'maximum recursion depth exceeded');
  }
  if (vm.hooks.onCall && f.lasti === 0) vm.hooks.onCall(f);
  let pending: PyRaise | null = throwIn ? new PyRaise(throwIn) : null;
  try {
    for (;;) {
      try {
        if (pending) {
          const p = pending;
          pending = null;
          throw p;
        }
        const r = execute(f);
        if (!YIELDED.flag) finishFrame(f);
        return r;
      } catch (e) {
        if (!(e instanceof PyRaise)) {
          throw e;
        }
        if (!unwind(f, e)) {
          finishFrame(f);
          e.reraise = false;
          throw e;
        }
      }
    }
  } finally {
    vm.depth--;
    vm.frame = prev;
  }
}

function finishFrame(f: Frame): void {
  if (vm.hooks.onReturn) vm.hooks.onReturn(f);
  if (!f.generator) clearFrame(f);
}

/** Adds this frame to the traceback (unless re-raised) and jumps to a handler; false if none. */
function unwind(f: Frame, e: PyRaise): boolean {
  const exc = e.exc;
  if (!e.reraise && exc instanceof PyException) {
    const line = f.code.co.instrs[f.lasti]?.line ?? f.code.co.firstlineno;
    const fo = frameObjectOf(f);
    exc.traceback = new PyTraceback(exc.traceback as PyTraceback | null, fo, f.lasti, line);
  }
  e.reraise = false;
  const table = f.code.co.exceptionTable;
  const i = f.lasti;
  for (const h of table) {
    if (i >= h.start && i < h.end) {
      const stack = f.stack;
      while (stack.length > h.depth) decref(stack.pop()!);
      if (h.lasti) stack.push(newInt(i));
      stack.push(exc);
      f.lasti = h.target;
      f.resumeAt = h.target;
      return true;
    }
  }
  return false;
}

function execute(f: Frame): PyObject {
  YIELDED.flag = false;
  const code = f.code;
  const ops = code.ops;
  const args = code.args;
  const consts = code.consts;
  const fast = f.fast;
  const stack = f.stack;
  const hooks = vm.hooks.onLine ? vm.hooks : null;
  const instrs = code.co.instrs;
  let i = f.resumeAt;
  for (;;) {
    f.lasti = i;
    if (hooks) {
      const line = instrs[i]!.line;
      if (line !== null && line !== f.lastLine) {
        f.lastLine = line;
        hooks.onLine!(f);
      }
    }
    const op = ops[i]!;
    const arg = args[i]!;
    i++;
    switch (op) {
      case OP.NOP:
      case OP.RESUME:
      case OP.PRECALL:
        break;
      case OP.LOAD_FAST: {
        const v = fast[arg];
        if (!v) unboundLocal(f, arg);
        v.rc++;
        stack.push(v);
        break;
      }
      case OP.STORE_FAST: {
        const old = fast[arg];
        fast[arg] = stack.pop()!;
        if (old) decref(old);
        break;
      }
      case OP.LOAD_CONST: {
        const v = consts[arg]!;
        v.rc++;
        stack.push(v);
        break;
      }
      case OP.POP_TOP:
        decref(stack.pop()!);
        break;
      case OP.PUSH_NULL:
        stack.push(NULL);
        break;
      case OP.LOAD_NAME:
        stack.push(loadName(f, code.names[arg]!.v));
        break;
      case OP.LOAD_GLOBAL:
        if (arg & 1) stack.push(NULL);
        stack.push(loadGlobal(f, code.names[arg >> 1]!.v));
        break;
      case OP.LOAD_ATTR: {
        const owner = stack.pop()!;
        const v = getAttr(owner, code.names[arg]!.v);
        decref(owner);
        stack.push(v);
        break;
      }
      case OP.CALL:
        f.resumeAt = i;
        doCall(f, arg);
        break;
      case OP.BINARY_OP: {
        const r = stack.pop()!;
        const l = stack.pop()!;
        const v = binaryOp(arg, l, r);
        decref(l);
        decref(r);
        stack.push(v);
        break;
      }
      case OP.COMPARE_OP: {
        const r = stack.pop()!;
        const l = stack.pop()!;
        const v = compareOp(arg, l, r);
        decref(l);
        decref(r);
        stack.push(v);
        break;
      }
      case OP.BINARY_SUBSCR: {
        const k = stack.pop()!;
        const c = stack.pop()!;
        const v = getItem(c, k);
        decref(c);
        decref(k);
        stack.push(v);
        break;
      }
      case OP.FOR_ITER: {
        const it = stack[stack.length - 1]!;
        const v = iterNext(it);
        if (v === null) {
          decref(stack.pop()!);
          i = arg;
        } else stack.push(v);
        break;
      }
      case OP.JUMP_FORWARD:
      case OP.JUMP_BACKWARD:
      case OP.JUMP_BACKWARD_NO_INTERRUPT:
        i = arg;
        break;
      case OP.POP_JUMP_FORWARD_IF_FALSE:
      case OP.POP_JUMP_BACKWARD_IF_FALSE: {
        const v = stack.pop()!;
        if (v === S.False) i = arg;
        else if (v !== S.True) {
          const t = isTrue(v);
          decref(v);
          if (!t) i = arg;
        }
        break;
      }
      case OP.POP_JUMP_FORWARD_IF_TRUE:
      case OP.POP_JUMP_BACKWARD_IF_TRUE: {
        const v = stack.pop()!;
        if (v === S.True) i = arg;
        else if (v !== S.False) {
          const t = isTrue(v);
          decref(v);
          if (t) i = arg;
        }
        break;
      }
      case OP.RETURN_VALUE:
        f.resumeAt = i;
        YIELDED.flag = false;
        return stack.pop()!;
      default: {
        f.resumeAt = i;
        const r = execOther(f, op, arg);
        if (r !== undefined) return r;
        i = f.resumeAt;
      }
    }
  }
}

function unboundLocal(f: Frame, idx: number): never {
  const name = f.code.co.varnames[idx] ?? '?';
  raise(
    'UnboundLocalError',
    `cannot access local variable '${name}' where it is not associated with a value`,
  );
}

export { setContext };
