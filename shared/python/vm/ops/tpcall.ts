/**
 * The argument objects CPython's call machinery builds that a vectorcall does not: they hold
 * references (visible to `sys.getrefcount` inside the callee) and are GC allocations (the gen-0
 * count, through the free lists). Measured on 3.11.7:
 * - `_PyObject_MakeTpCall`, for types without vectorcall (classes defined in the program, `int`,
 *   `str`, `enumerate`, `map`, `zip`): a tuple of the positional arguments and a dict of the
 *   keywords, for the call's duration; the caller's stack keeps its own references meanwhile.
 *   A class's `__init__` then gets its arguments through `_PyObject_Call_Prepend` (borrowed),
 *   copied once more by `_PyStack_UnpackDict` when there are keywords (with a kwnames tuple).
 * - METH_VARARGS builtins (`min`, `max`, `str.format`, `sys.getsizeof`, ...): the same tuple and
 *   dict around the native call.
 * Exception classes are left out: BaseException keeps that tuple as `args` (instance.ts).
 */
import { decref, incref, type PyObject } from '../object.ts';
import { newTuple, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { newStr } from '../scalars.ts';
import type { PyType } from '../type.ts';
import type { NativeFn } from '../callables.ts';
import { EXC } from '../registry.ts';

const TP_CALL_BUILTINS = new Set(['int', 'str', 'enumerate', 'map', 'zip']);
const varargs = new Set<NativeFn>();

/** Marks native functions that CPython defines METH_VARARGS. */
export function markVarargs(...fns: NativeFn[]): void {
  for (const fn of fns) varargs.add(fn);
}

export function isVarargs(fn: NativeFn): boolean {
  return varargs.has(fn);
}

export function usesTpCall(t: PyType): boolean {
  if (t.isHeap) return !t.isSubtype(EXC.BaseException!);
  return TP_CALL_BUILTINS.has(t.name);
}

/**
 * Runs `body` with the tuple (and dict) a tp_call or METH_VARARGS call builds from `args`
 * (borrowed; the last `kwnames.length` are keyword values).
 */
export function withArgObjects<R>(args: PyObject[], kwnames: string[] | null, body: () => R): R {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  const tuple = npos > 0 ? new PyTuple(args.slice(0, npos).map(incref)) : null;
  let dict: PyDict | null = null;
  if (nkw > 0) {
    dict = new PyDict();
    kwnames!.forEach((n, i) => dict!.set(newStr(n), incref(args[npos + i]!)));
  }
  try {
    return body();
  } finally {
    if (dict) decref(dict);
    if (tuple) decref(tuple);
  }
}

/**
 * A class's `__init__` call with keywords: `_PyStack_UnpackDict` copies every argument (new
 * references) and makes a kwnames tuple, both dropped after the call.
 */
export function withUnpackedKeywords<R>(args: PyObject[], kwnames: string[], body: () => R): R {
  const copies = args.map(incref);
  const names = newTuple(kwnames.map((n) => newStr(n)));
  try {
    return body();
  } finally {
    decref(names);
    for (const c of copies) decref(c);
  }
}
