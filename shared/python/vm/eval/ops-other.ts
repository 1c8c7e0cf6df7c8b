/**
 * The opcodes not inlined in loop.ts: names and cells, attributes, containers, unpacking,
 * conditional jumps on None, stack shuffles. Exception/with/generator opcodes are in
 * ops-exc.ts, functions/classes/imports in ops-func.ts. Returns a value only for a
 * return/yield out of the frame; jumps set `f.resumeAt`.
 */
import { decref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { OP } from './opcodes.ts';
import { NULL } from './null.ts';
import { bool, newStr, PyStr, S } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyCell } from '../callables.ts';
import { raise } from '../errors.ts';
import { cellAt, deleteIn, loadDeref, makeCell, storeIn, unboundDeref, loadName } from './names.ts';
import { delAttr, loadMethod, setAttr } from '../ops/attr.ts';
import { contains, isTrue, unaryOp } from '../ops/arith.ts';
import { buildSlice, delItem, setItem } from '../ops/seq.ts';
import { extendList, getIter, unpackEx, unpackSequence } from '../ops/iter.ts';
import { formatValue } from '../ops/format.ts';
import { dictMerge, dictUpdate } from '../ops/dictops.ts';
import { execExc } from './ops-exc.ts';

function jumpIf(f: Frame, cond: boolean, target: number): void {
  if (cond) f.resumeAt = target;
}

export function execOther(f: Frame, op: number, arg: number): PyObject | undefined {
  const stack = f.stack;
  const code = f.code;
  switch (op) {
    case OP.STORE_NAME: {
      const v = stack.pop()!;
      if (!f.locals) raise('SystemError', 'no locals');
      storeIn(f.locals, code.names[arg]!, v);
      return;
    }
    case OP.DELETE_NAME:
      deleteIn(f.locals!, code.names[arg]!, code.names[arg]!.v);
      return;
    case OP.STORE_GLOBAL:
      storeIn(f.globals, code.names[arg]!, stack.pop()!);
      return;
    case OP.DELETE_GLOBAL:
      deleteIn(f.globals, code.names[arg]!, code.names[arg]!.v);
      return;
    case OP.DELETE_FAST: {
      const old = f.fast[arg];
      if (!old) {
        const name = code.co.varnames[arg];
        raise(
          'UnboundLocalError',
          `cannot access local variable '${name}' where it is not associated with a value`,
        );
      }
      f.fast[arg] = null;
      decref(old);
      return;
    }
    case OP.MAKE_CELL:
      makeCell(f, arg);
      return;
    case OP.COPY_FREE_VARS: {
      const closure = f.func!.closure!.items;
      const offset = code.co.varnames.length + code.co.cellvars.length;
      for (let j = 0; j < arg; j++) {
        closure[j]!.rc++;
        f.fast[offset + j] = closure[j]!;
      }
      return;
    }
    case OP.LOAD_CLOSURE: {
      const c = f.fast[arg]!;
      c.rc++;
      stack.push(c);
      return;
    }
    case OP.LOAD_DEREF:
      stack.push(loadDeref(f, arg));
      return;
    case OP.LOAD_CLASSDEREF: {
      const co = code.co;
      const name = [...co.varnames, ...co.cellvars, ...co.freevars][arg]!;
      const v = f.locals?.getStr(name);
      if (v) {
        v.rc++;
        stack.push(v);
      } else stack.push(loadDeref(f, arg));
      return;
    }
    case OP.STORE_DEREF: {
      const cell = cellAt(f, arg);
      const old = cell.ref;
      cell.ref = stack.pop()!;
      if (old) decref(old);
      return;
    }
    case OP.DELETE_DEREF: {
      const cell = cellAt(f, arg) as PyCell;
      const old = cell.ref;
      if (!old) unboundDeref(f, arg);
      cell.ref = null;
      decref(old);
      return;
    }
    case OP.STORE_ATTR: {
      const owner = stack.pop()!;
      const v = stack.pop()!;
      try {
        setAttr(owner, code.names[arg]!.v, v);
      } finally {
        decref(v);
        decref(owner);
      }
      return;
    }
    case OP.DELETE_ATTR: {
      const owner = stack.pop()!;
      try {
        delAttr(owner, code.names[arg]!.v);
      } finally {
        decref(owner);
      }
      return;
    }
    case OP.LOAD_METHOD: {
      const owner = stack.pop()!;
      const [meth, self] = loadMethod(owner, code.names[arg]!.v);
      if (self) {
        stack.push(meth, owner);
      } else {
        decref(owner);
        stack.push(NULL, meth);
      }
      return;
    }
    case OP.STORE_SUBSCR: {
      const sub = stack.pop()!;
      const container = stack.pop()!;
      const v = stack.pop()!;
      try {
        setItem(container, sub, v);
      } finally {
        decref(v);
        decref(container);
        decref(sub);
      }
      return;
    }
    case OP.DELETE_SUBSCR: {
      const sub = stack.pop()!;
      const container = stack.pop()!;
      try {
        delItem(container, sub);
      } finally {
        decref(container);
        decref(sub);
      }
      return;
    }
    case OP.BUILD_SLICE: {
      const step = arg === 3 ? stack.pop()! : null;
      const stop = stack.pop()!;
      const start = stack.pop()!;
      stack.push(buildSlice(start, stop, step));
      return;
    }
    case OP.IS_OP: {
      const r = stack.pop()!;
      const l = stack.pop()!;
      const res = (l === r) !== (arg === 1);
      decref(l);
      decref(r);
      stack.push(bool(res));
      return;
    }
    case OP.CONTAINS_OP: {
      const r = stack.pop()!;
      const l = stack.pop()!;
      try {
        stack.push(bool(contains(r, l) !== (arg === 1)));
      } finally {
        decref(l);
        decref(r);
      }
      return;
    }
    case OP.UNARY_NOT: {
      const v = stack.pop()!;
      const t = isTrue(v);
      decref(v);
      stack.push(bool(!t));
      return;
    }
    case OP.UNARY_NEGATIVE:
    case OP.UNARY_POSITIVE:
    case OP.UNARY_INVERT: {
      const v = stack.pop()!;
      try {
        stack.push(unaryOp(op, v));
      } finally {
        decref(v);
      }
      return;
    }
    case OP.BUILD_TUPLE:
      stack.push(newTuple(stack.splice(stack.length - arg, arg)));
      return;
    case OP.BUILD_LIST:
      stack.push(new PyList(stack.splice(stack.length - arg, arg)));
      return;
    case OP.BUILD_SET: {
      const items = stack.splice(stack.length - arg, arg);
      const s = new PySet();
      for (const it of items) s.add(it);
      stack.push(s);
      return;
    }
    case OP.BUILD_MAP: {
      const items = stack.splice(stack.length - 2 * arg, 2 * arg);
      const d = new PyDict(arg);
      for (let j = 0; j < items.length; j += 2) d.set(items[j]!, items[j + 1]!);
      stack.push(d);
      return;
    }
    case OP.BUILD_CONST_KEY_MAP: {
      const keys = stack.pop()! as PyTuple;
      const values = stack.splice(stack.length - arg, arg);
      const d = new PyDict(arg);
      keys.items.forEach((k, j) => {
        k.rc++;
        d.set(k, values[j]!);
      });
      decref(keys);
      stack.push(d);
      return;
    }
    case OP.BUILD_STRING: {
      const parts = stack.splice(stack.length - arg, arg);
      const s = parts.map((p) => (p as PyStr).v).join('');
      for (const p of parts) decref(p);
      stack.push(newStr(s));
      return;
    }
    case OP.LIST_APPEND: {
      const v = stack.pop()!;
      (stack[stack.length - arg] as PyList).append(v);
      return;
    }
    case OP.SET_ADD: {
      const v = stack.pop()!;
      (stack[stack.length - arg] as PySet).add(v);
      return;
    }
    case OP.MAP_ADD: {
      const v = stack.pop()!;
      const k = stack.pop()!;
      (stack[stack.length - arg] as PyDict).set(k, v);
      return;
    }
    case OP.LIST_EXTEND: {
      const it = stack.pop()!;
      try {
        extendList(stack[stack.length - arg] as PyList, it);
      } finally {
        decref(it);
      }
      return;
    }
    case OP.SET_UPDATE: {
      const it = stack.pop()!;
      const s = stack[stack.length - arg] as PySet;
      try {
        const tmp = new PyList([]);
        extendList(tmp, it);
        for (const x of tmp.items) {
          x.rc++;
          s.add(x);
        }
        decref(tmp);
      } finally {
        decref(it);
      }
      return;
    }
    case OP.DICT_UPDATE:
    case OP.DICT_MERGE: {
      const other = stack.pop()!;
      const d = stack[stack.length - arg] as PyDict;
      try {
        if (op === OP.DICT_MERGE) dictMerge(d, other);
        else dictUpdate(d, other);
      } finally {
        decref(other);
      }
      return;
    }
    case OP.LIST_TO_TUPLE: {
      const l = stack.pop()! as PyList;
      const items = l.items.slice();
      for (const x of items) x.rc++;
      decref(l);
      stack.push(newTuple(items));
      return;
    }
    case OP.FORMAT_VALUE: {
      const spec = arg & 4 ? (stack.pop()! as PyStr) : null;
      const v = stack.pop()!;
      try {
        stack.push(formatValue(v, arg & 3, spec));
      } finally {
        decref(v);
        if (spec) decref(spec);
      }
      return;
    }
    case OP.UNPACK_SEQUENCE: {
      const seq = stack.pop()!;
      try {
        stack.push(...unpackSequence(seq, arg).reverse());
      } finally {
        decref(seq);
      }
      return;
    }
    case OP.UNPACK_EX: {
      const seq = stack.pop()!;
      try {
        stack.push(...unpackEx(seq, arg & 0xff, arg >> 8).reverse());
      } finally {
        decref(seq);
      }
      return;
    }
    case OP.GET_ITER: {
      const v = stack.pop()!;
      try {
        stack.push(getIter(v));
      } finally {
        decref(v);
      }
      return;
    }
    case OP.POP_JUMP_FORWARD_IF_NONE:
    case OP.POP_JUMP_BACKWARD_IF_NONE: {
      const v = stack.pop()!;
      jumpIf(f, v === S.None, arg);
      decref(v);
      return;
    }
    case OP.POP_JUMP_FORWARD_IF_NOT_NONE:
    case OP.POP_JUMP_BACKWARD_IF_NOT_NONE: {
      const v = stack.pop()!;
      jumpIf(f, v !== S.None, arg);
      decref(v);
      return;
    }
    case OP.JUMP_IF_FALSE_OR_POP:
    case OP.JUMP_IF_TRUE_OR_POP: {
      const v = stack[stack.length - 1]!;
      const t = isTrue(v);
      if (t === (op === OP.JUMP_IF_TRUE_OR_POP)) f.resumeAt = arg;
      else decref(stack.pop()!);
      return;
    }
    case OP.COPY: {
      const v = stack[stack.length - arg]!;
      v.rc++;
      stack.push(v);
      return;
    }
    case OP.SWAP: {
      const top = stack.length - 1;
      const other = stack.length - arg;
      const t = stack[top]!;
      stack[top] = stack[other]!;
      stack[other] = t;
      return;
    }
    case OP.LOAD_LOCALS:
      stack.push(loadName(f, '__locals__'));
      return;
  }
  return execExc(f, op, arg);
}

export { PyTuple, PyStr };
