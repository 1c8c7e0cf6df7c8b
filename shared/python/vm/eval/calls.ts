/**
 * CALL (3.11): the stack holds [NULL or method, callable or self, args...]. A bound method in
 * the callable slot is unpacked into function + self first (and dropped), as ceval does; the
 * arguments are moved into the call (`call` steals them).
 */
import { decref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { PyMethod } from '../callables.ts';
import { call } from '../ops/call.ts';
import { NULL } from './null.ts';

export function doCall(f: Frame, oparg: number): void {
  const stack = f.stack;
  const kwnames = f.kwnames;
  f.kwnames = null;
  const base = stack.length - oparg - 2;
  let callable: PyObject;
  let args: PyObject[];
  const slot = stack[base]!;
  if (slot !== NULL) {
    callable = slot;
    args = stack.splice(base + 1);
  } else {
    callable = stack[base + 1]!;
    args = stack.splice(base + 2);
    if (callable instanceof PyMethod) {
      const m = callable;
      m.func.rc++;
      m.self.rc++;
      args.unshift(m.self);
      callable = m.func;
      decref(m);
    }
  }
  stack.length = base;
  let result: PyObject;
  try {
    result = call(callable, args, kwnames);
  } finally {
    decref(callable);
  }
  stack.push(result);
}
