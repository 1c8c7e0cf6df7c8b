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
import { PyTuple, PyList } from '../containers.ts';
import type { PyDict } from '../dict.ts';
import { PyStr, S } from '../scalars.ts';
import { callWithTuple } from '../ops/call.ts';
import { extendList } from '../ops/iter.ts';
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
      const callargs = stack.pop()!;
      const func = stack.pop()!;
      const nul = stack.pop()!;
      if (nul !== NULL) decref(nul);
      try {
        let pos: PyObject[];
        if (callargs instanceof PyTuple) pos = callargs.items.slice();
        else {
          const tmp = new PyList([]);
          extendList(tmp, callargs);
          pos = tmp.items.slice();
          decref(tmp);
          for (const p of pos) p.rc++;
          for (const p of pos) p.rc--;
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
