/**
 * The GC objects CPython's output path allocates, for the gen-0 count and `gc.get_objects()`
 * (measured on 3.11.7 with stdout a pipe, as the oracle runs it):
 * - `print(*args)` packs its positional arguments into a tuple for the call (Argument Clinic
 *   varargs): each printed object has one more reference while its `__str__` runs, and the
 *   tuple goes to the free list afterwards;
 * - the first write to sys.stdout of the process leaves one GC object behind for good;
 * - the first `Py_ReprEnter` of the process (repr of a non-empty list or tuple, of any set or
 *   dict) creates the thread-state dict and its `Py_Repr` list, which live to the end.
 * The objects are real (tracked, counted) but nothing in the program can reach them.
 */
import { decref, incref, type PyObject } from './object.ts';
import { PyList, PyTuple } from './containers.ts';
import { PyDict } from './dict.ts';
import { newStr } from './scalars.ts';

const process = { wrote: null as PyList | null, threadDict: null as PyDict | null };

/** A new run: the previous run's objects belong to its heap, which is gone. */
export function resetStdio(): void {
  process.wrote = null;
  process.threadDict = null;
}

/** print's argument tuple around `body` (which formats and writes the arguments). */
export function withPrintArgs<R>(args: PyObject[], body: () => R): R {
  const tuple = args.length > 0 ? new PyTuple(args.map(incref)) : null;
  try {
    return body();
  } finally {
    if (tuple) decref(tuple);
  }
}

/** A write to sys.stdout. */
export function noteStdoutWrite(): void {
  process.wrote ??= new PyList([]);
}

/** Py_ReprEnter: the first one makes the thread-state dict and its Py_Repr list. */
export function noteReprEnter(): void {
  if (process.threadDict) return;
  const dict = new PyDict();
  process.threadDict = dict;
  dict.set(newStr('Py_Repr'), new PyList([]));
}
