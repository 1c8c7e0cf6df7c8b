/**
 * Functions to run when the script ends, before module teardown (CPython's atexit, which
 * weakref.finalize registers with). Per run: `runAtexit` calls them newest first and empties it.
 */
import { decref, type PyObject } from '../object.ts';
import { unraisableCall } from '../weakref.ts';

export const atexitCallbacks: PyObject[] = [];

export function runAtexit(): void {
  while (atexitCallbacks.length > 0) {
    const fn = atexitCallbacks.pop() as PyObject;
    unraisableCall.call(fn, []);
    decref(fn);
  }
}
