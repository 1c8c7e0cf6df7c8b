/**
 * Function, call-shape, class and import opcodes: MAKE_FUNCTION, KW_NAMES, CALL_FUNCTION_EX,
 * LOAD_BUILD_CLASS, IMPORT_NAME, IMPORT_FROM. Anything else is refused by name.
 */
import { decref, incref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { OP, OPS } from './opcodes.ts';
import { refuse } from '../errors.ts';
import { PyFunction, PyMethod } from '../callables.ts';
import type { PyCode } from '../callables.ts';
import { newTuple, PyTuple, type PyList } from '../containers.ts';
import { PyType } from '../type.ts';
import { PyException } from '../instance.ts';
import { EXC, T } from '../registry.ts';
import { classCallBorrowed } from '../classcall.ts';
import type { PyDict } from '../dict.ts';
import { PyStr, S } from '../scalars.ts';
import { callWithTuple } from '../ops/call.ts';
import { forEach } from '../builtins/functions.ts';
import { getAttr } from '../ops/attr.ts';
import { importModule } from '../modules.ts';
import { NULL } from './null.ts';
import { raise } from '../errors.ts';

export function execFunc(f: Frame, op: number, arg: number): PyObject | undefined {
  const stack = f.stack;
  switch (op) {
    case OP.MAKE_FUNCTION: {
      const code = stack.pop()! as PyCode;
      const first = code.consts[0];
      const doc = first instanceof PyStr ? first : S.None;
      const fn = new PyFunction(code, f.globals, f.builtins, code.qualname, doc);
      if (arg & 0x08) fn.closure = stack.pop()! as PyTuple;
      if (arg & 0x04) decref(stack.pop()!);
      if (arg & 0x02) fn.kwdefaults = stack.pop()! as PyDict;
      if (arg & 0x01) fn.defaults = stack.pop()! as PyTuple;
      stack.push(fn);
      return;
    }
    case OP.KW_NAMES:
      f.kwnames = (f.code.consts[arg] as PyTuple).items.map((s) => (s as PyStr).v);
      return;
    case OP.CALL_FUNCTION_EX: {
      const kwargs = arg & 1 ? (stack.pop()! as PyDict) : null;
      let callargs = stack.pop()!;
      const func = stack.pop()!;
      const nul = stack.pop()!;
      if (nul !== NULL) decref(nul);
      try {
        // PySequence_Tuple replaces any other iterable on the stack before the call.
        if (!(callargs instanceof PyTuple)) {
          const tuple = tupleFrom(callargs);
          decref(callargs);
          callargs = tuple;
        }
        const pos = (callargs as PyTuple).items.slice();
        if ((!kwargs || kwargs.map.size === 0) && func instanceof PyType) {
          const given = callargs.type === T.tuple ? (callargs as PyTuple) : null;
          if (func.isHeap) {
            // type_call borrows the tuple's items: no copies to count inside __new__/__init__.
            stack.push(classCallBorrowed(func, pos, null, given));
            return;
          }
          if (given && func.isSubtype(EXC.BaseException!)) {
            // BaseException_new keeps the caller's tuple as `args`.
            stack.push(new PyException(func, (given.rc++, given)));
            return;
          }
        }
        for (const p of pos) p.rc++;
        const kwnames: string[] = [];
        if (kwargs) {
          for (const e of kwargs.map.values()) {
            if (!('v' in e.k) || typeof (e.k as PyStr).v !== 'string') {
              raise('TypeError', 'keywords must be strings');
            }
            kwnames.push((e.k as PyStr).v);
            e.v.rc++;
            pos.push(e.v);
          }
        }
        // _PyVectorcall_Call: keywords for a Python function go through _PyStack_UnpackDict,
        // a copy of every argument held for the call.
        const unpacked =
          kwnames.length > 0 && (func instanceof PyFunction || func instanceof PyMethod)
            ? pos.map(incref)
            : [];
        try {
          stack.push(callWithTuple(func, pos, kwnames.length > 0 ? kwnames : null));
        } finally {
          for (const u of unpacked) decref(u);
        }
      } finally {
        decref(callargs);
        if (kwargs) decref(kwargs);
        decref(func);
      }
      return;
    }
    case OP.LOAD_BUILD_CLASS: {
      const b = f.builtins.getStr('__build_class__')!;
      b.rc++;
      stack.push(b);
      return;
    }
    case OP.IMPORT_NAME: {
      const fromlist = stack.pop()!;
      const level = stack.pop()!;
      decref(fromlist);
      decref(level);
      stack.push(importModule(f.code.names[arg]!.v));
      return;
    }
    case OP.IMPORT_FROM: {
      const mod = stack[stack.length - 1]!;
      stack.push(getAttr(mod, f.code.names[arg]!.v));
      return;
    }
  }
  refuse(`the ${OPS[op] ?? 'unknown'} instruction`);
}

/**
 * A new tuple of the items `iterable` yields, as PySequence_Tuple makes it: a list's items
 * directly, others straight into the tuple (no list in between: the gen-0 count sees one object).
 */
function tupleFrom(iterable: PyObject): PyTuple {
  if (iterable.type === T.list) return newTuple((iterable as PyList).items.map(incref));
  const items: PyObject[] = [];
  try {
    forEach(iterable, (v) => void items.push(incref(v)));
  } catch (e) {
    for (const v of items) decref(v);
    throw e;
  }
  return newTuple(items);
}
