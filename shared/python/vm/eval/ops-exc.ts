/**
 * Exception, `with` and generator opcodes (ceval.c 3.11): RAISE_VARARGS, RERAISE,
 * PUSH_EXC_INFO/POP_EXCEPT (the handled-exception slot `vm.excInfo`), CHECK_EXC_MATCH,
 * BEFORE_WITH/WITH_EXCEPT_START, RETURN_GENERATOR/YIELD_VALUE/SEND.
 */
import { decref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { OP } from './opcodes.ts';
import { PyRaise, raise } from '../errors.ts';
import { bool, none, PyNone, S } from '../scalars.ts';
import { PyException } from '../instance.ts';
import { PyType } from '../type.ts';
import { PyTuple } from '../containers.ts';
import { EXC } from '../registry.ts';
import { vm } from '../state.ts';
import { call } from '../ops/call.ts';
import { lookupSpecialBound } from '../ops/attr.ts';
import { setContext } from '../ops/exc.ts';
import { PyGenerator } from '../generator.ts';
import { genSend } from '../ops/gen.ts';
import { YIELDED } from './yielded.ts';
import { execFunc } from './ops-func.ts';
import { getIter } from '../ops/iter.ts';

/** Makes an exception instance from `raise X` (a class is called with no arguments). */
export function instantiate(o: PyObject): PyObject {
  if (o instanceof PyType) {
    if (!o.isSubtype(EXC.BaseException!)) {
      decref(o);
      raise('TypeError', 'exceptions must derive from BaseException');
    }
    const e = call(o, []);
    decref(o);
    return e;
  }
  if (!(o instanceof PyException)) {
    decref(o);
    raise('TypeError', 'exceptions must derive from BaseException');
  }
  return o;
}

function matches(exc: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => matches(exc, x));
  if (!(t instanceof PyType) || !t.isSubtype(EXC.BaseException!)) {
    raise('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  }
  return exc.type.isSubtype(t);
}

export function execExc(f: Frame, op: number, arg: number): PyObject | undefined {
  const stack = f.stack;
  switch (op) {
    case OP.RAISE_VARARGS: {
      if (arg === 0) {
        const cur = vm.excInfo;
        if (!cur) raise('RuntimeError', 'No active exception to reraise');
        cur.rc++;
        const e = new PyRaise(cur);
        e.reraise = true;
        throw e;
      }
      const cause = arg === 2 ? stack.pop()! : null;
      const exc = instantiate(stack.pop()!);
      if (cause && exc instanceof PyException) {
        const c = cause === S.None ? null : instantiate(cause);
        if (cause === S.None) decref(cause);
        if (exc.cause) decref(exc.cause);
        exc.cause = c;
        exc.suppressContext = true;
      }
      throw new PyRaise(setContext(exc));
    }
    case OP.RERAISE: {
      // With oparg, CPython also moves prev_instr back to the saved lasti; the handler lookup
      // still uses this instruction's offset and no traceback entry is added, so nothing here
      // depends on it.
      const exc = stack.pop()!;
      const e = new PyRaise(exc);
      e.reraise = true;
      throw e;
    }
    case OP.PUSH_EXC_INFO: {
      const value = stack.pop()!;
      stack.push(vm.excInfo ?? none());
      value.rc++;
      stack.push(value);
      vm.excInfo = value;
      return;
    }
    case OP.POP_EXCEPT: {
      const value = stack.pop()!;
      const old = vm.excInfo;
      if (value instanceof PyNone) {
        decref(value);
        vm.excInfo = null;
      } else vm.excInfo = value;
      if (old) decref(old);
      return;
    }
    case OP.CHECK_EXC_MATCH: {
      const t = stack.pop()!;
      try {
        stack.push(bool(matches(stack[stack.length - 1]!, t)));
      } finally {
        decref(t);
      }
      return;
    }
    case OP.LOAD_ASSERTION_ERROR: {
      const t = EXC.AssertionError!;
      t.rc++;
      stack.push(t);
      return;
    }
    case OP.BEFORE_WITH: {
      const mgr = stack.pop()!;
      try {
        const enter = lookupSpecialBound(mgr, '__enter__', 'the context manager protocol');
        const exit = lookupSpecialBound(
          mgr,
          '__exit__',
          'the context manager protocol (missed __exit__ method)',
        );
        stack.push(exit);
        stack.push(call(enter, []));
        decref(enter);
      } finally {
        decref(mgr);
      }
      return;
    }
    case OP.WITH_EXCEPT_START: {
      const val = stack[stack.length - 1]!;
      const exitFunc = stack[stack.length - 4]!;
      const tb = (val as PyException).traceback ?? S.None;
      val.type.rc++;
      val.rc++;
      tb.rc++;
      stack.push(call(exitFunc, [val.type, val, tb]));
      return;
    }
    case OP.RETURN_GENERATOR: {
      const code = f.code;
      const gen = new PyGenerator(f, code.name, code.qualname);
      f.generator = gen;
      YIELDED.flag = true;
      return gen;
    }
    case OP.YIELD_VALUE:
      YIELDED.flag = true;
      return stack.pop()!;
    case OP.GET_YIELD_FROM_ITER: {
      const v = stack[stack.length - 1]!;
      if (!(v instanceof PyGenerator)) {
        stack.pop();
        stack.push(getIter(v));
        decref(v);
      }
      return;
    }
    case OP.SEND: {
      const v = stack.pop()!;
      const receiver = stack[stack.length - 1]!;
      const r = genSend(receiver, v);
      if (r.done) {
        stack.pop();
        decref(receiver);
        stack.push(r.value);
        f.resumeAt = arg;
      } else stack.push(r.value);
      return;
    }
  }
  return execFunc(f, op, arg);
}
