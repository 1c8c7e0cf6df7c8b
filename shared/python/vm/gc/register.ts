/**
 * Registers the modules vmgc owns with the VM's import system (vm/modules.ts): `gc`, and `weakref`:
 * its native part (weakref_module.ts, CPython's `_weakref`) then its Python source run in the same
 * namespace on first import, as CPython runs Lib/weakref.py. Imported once for its effect by the VM's entry point.
 */
import { parse } from '../../syntax/index.ts';
import { compileModule } from '../../compiler/index.ts';
import type { PyDict } from '../dict.ts';
import { decref, type PyObject } from '../object.ts';
import { PyRaise } from '../errors.ts';
import { callBorrowed } from '../ops/call.ts';
import { repr } from '../ops/repr.ts';
import { formatException } from '../traceback.ts';
import { unraisableCall } from '../weakref.ts';
import { registerModule } from '../modules.ts';
import { Loader } from '../loader.ts';
import { Frame } from '../frame.ts';
import { runFrame } from '../eval/loop.ts';
import { vm } from '../state.ts';
import { initWeakrefModule } from '../weakref_module.ts';
import { WEAKREF_SOURCE } from '../weakref_py.ts';
import { initGcModule } from './module.ts';

/** Runs module source in `dict` (a module body: globals = locals = its namespace). */
function execModuleSource(dict: PyDict, source: string, filename: string): void {
  const module = parse(source);
  const loader = new Loader(module);
  const code = loader.code(compileModule(module, filename));
  loader.settle();
  const frame = new Frame(code, null, dict, vm.builtins, dict, vm.frame);
  try {
    decref(runFrame(frame));
  } finally {
    loader.freeArena();
  }
}

/**
 * PyErr_WriteUnraisable around a call made by the collector or a dying referent (weakref
 * callbacks, gc.callbacks, atexit): the result is dropped; an exception is reported, not raised.
 */
function callUnraisable(fn: PyObject, args: PyObject[]): void {
  try {
    decref(callBorrowed(fn, args));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    vm.err.push(`Exception ignored in: ${repr(fn)}\n${formatException(e.exc)}`);
    decref(e.exc);
  }
}

unraisableCall.call = callUnraisable;

registerModule({ name: 'gc', init: initGcModule });
registerModule({
  name: 'weakref',
  init: (dict) => {
    initWeakrefModule(dict);
    execModuleSource(dict, WEAKREF_SOURCE, '/usr/lib/python3.11/weakref.py');
  },
});
