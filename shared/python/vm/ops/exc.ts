/**
 * Exception objects: creation, matching, `__context__` chaining at raise time
 * (_PyErr_SetObject), and the str() of an exception.
 */
import { PyRaise, raiseHook } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { EXC } from '../registry.ts';
import { PyException } from '../instance.ts';
import { newTuple } from '../containers.ts';
import { newStr, S } from '../scalars.ts';
import { vm } from '../state.ts';

/** A new exception of a builtin type named `typeName` with one message argument (or none). */
export function makeException(typeName: string, message: string | null): PyException {
  const t = EXC[typeName];
  if (!t) throw new Error(`no exception type ${typeName}`);
  return new PyException(t, newTuple(message === null ? [] : [newStr(message)]));
}

raiseHook.make = (typeName, message) => setContext(makeException(typeName, message));

/**
 * _PyErr_SetObject's chaining: a new exception raised while another is handled gets it as
 * `__context__` (unless that would make a cycle, which is cut). Returns `exc`.
 */
export function setContext<O extends PyObject>(exc: O): O {
  const handled = vm.excInfo;
  if (!handled || handled === exc || !(exc instanceof PyException)) return exc;
  // Cut a cycle: if exc is already in handled's context chain, unlink it there.
  let o: PyObject | null = handled;
  while (o instanceof PyException) {
    const next: PyObject | null = o.context;
    if (next === exc) {
      o.context = null;
      decref(exc);
      break;
    }
    o = next;
  }
  if (exc.context) decref(exc.context);
  handled.rc++;
  exc.context = handled;
  return exc;
}

/** Throws StopIteration(value) with `value` owned by the exception. */
export function stopIteration(value: PyObject): never {
  // _PyGen_SetStopIterationValue; a None result is a bare StopIteration (args ()).
  const args = value === S.None ? (decref(value), []) : [value];
  const e = new PyException(EXC.StopIteration!, newTuple(args));
  throw new PyRaise(setContext(e));
}
