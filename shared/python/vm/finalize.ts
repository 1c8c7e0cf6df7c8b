/**
 * `__del__` and generator close at refcount zero (installed into instance.ts's hook): runs the
 * finalizer; an exception in it is reported on stderr as CPython's "Exception ignored in" and
 * swallowed. The handled-exception state is preserved around it.
 */
import { PyRaise } from './errors.ts';
import { decref, type PyObject } from './object.ts';
import { finalizerHook } from './instance.ts';
import { PyGenerator } from './generator.ts';
import { genClose } from './ops/gen.ts';
import { callBorrowed, callSpecial } from './ops/call.ts';
import { unraisableCall } from './weakref.ts';
import { vm } from './state.ts';
import { formatException } from './traceback.ts';
import { repr } from './ops/repr.ts';

export function runFinalizer(o: PyObject): void {
  try {
    if (o instanceof PyGenerator) genClose(o);
    else {
      const r = callSpecial(o, '__del__', []);
      if (r) decref(r);
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    const what = o instanceof PyGenerator ? repr(o) : `<function ${o.type.qualname}.__del__>`;
    vm.err.push(`Exception ignored in: ${what}\n${formatException(e.exc)}`);
    decref(e.exc);
  }
}

/** Calls `fn(*args)` (borrowed), reporting an exception as "Exception ignored in: <fn>". */
export function callIgnoringErrors(fn: PyObject, args: PyObject[]): void {
  try {
    decref(callBorrowed(fn, args));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    vm.err.push(`Exception ignored in: ${repr(fn)}\n${formatException(e.exc)}`);
    decref(e.exc);
  }
}

export function installFinalizer(): void {
  finalizerHook.run = runFinalizer;
  unraisableCall.call = callIgnoringErrors;
}
