/**
 * The native `_weakref` module (Modules/_weakref.c + the weakref types): `ref` (the
 * ReferenceType type object itself, so `weakref.ref is weakref.ReferenceType`), `proxy`,
 * `getweakrefcount`, `getweakrefs`, and the proxy types. The `weakref` module's dictionaries,
 * WeakSet and finalize are Python code on top of it (weakref_py.ts), as in CPython.
 */
import type { PyDict } from './dict.ts';
import { incref, type PyObject } from './object.ts';
import { PyBuiltin, type Kwargs, type NativeFn } from './callables.ts';
import { PyList } from './containers.ts';
import { newInt, newStr, none, S } from './scalars.ts';
import { raise } from './errors.ts';
import { newWeakref, weakrefCount, weakrefsOf, weakrefType } from './weakref.ts';
import { atexitCallbacks } from './gc/atexit.ts';

/** (object[, callback]) with None meaning no callback. */
function refArgs(name: string, args: PyObject[], kw: Kwargs): [PyObject, PyObject | null] {
  if (kw !== null && kw.size > 0) raise('TypeError', `${name}() takes no keyword arguments`);
  const [ob, cb] = args;
  if (ob === undefined || args.length > 2) {
    raise('TypeError', `${name} expected 1 or 2 arguments, got ${args.length}`);
  }
  return [ob, cb === undefined || cb === S.None ? null : cb];
}

function oneArg(name: string, args: PyObject[]): PyObject {
  const [ob] = args;
  if (ob === undefined || args.length !== 1) {
    raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  }
  return ob;
}

const FUNCTIONS: Record<string, NativeFn> = {
  proxy: (args, kw) => newWeakref(...refArgs('proxy', args, kw), true),
  getweakrefcount: (args) => newInt(weakrefCount(oneArg('getweakrefcount', args))),
  getweakrefs: (args) => new PyList(weakrefsOf(oneArg('getweakrefs', args)).map((w) => incref(w))),
  /** Private: weakref.finalize registers its exit function once (CPython uses the atexit module). */
  _register_atexit: (args) => {
    atexitCallbacks.push(incref(oneArg('_register_atexit', args)));
    return none();
  },
};

export function initWeakrefModule(dict: PyDict): void {
  const ref = weakrefType('ref');
  ref.construct = (_type, args, kw) => newWeakref(...refArgs('__new__', args, kw), false);
  dict.set(newStr('ref'), incref(ref));
  dict.set(newStr('ReferenceType'), incref(ref));
  dict.set(newStr('ProxyType'), incref(weakrefType('proxy')));
  dict.set(newStr('CallableProxyType'), incref(weakrefType('callableproxy')));
  for (const [name, fn] of Object.entries(FUNCTIONS))
    dict.set(newStr(name), new PyBuiltin(name, fn));
}
