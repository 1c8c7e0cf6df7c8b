/** Builds the `builtins` namespace for a run: functions, types, exceptions, constants. */
import { markVarargs } from '../ops/tpcall.ts';
import type { PyBuiltin } from '../callables.ts';
import type { PyObject } from '../object.ts';
import { PyDict } from '../dict.ts';
import { newStr, S } from '../scalars.ts';
import { EXC, T } from '../registry.ts';
import { defineFunctions } from './functions.ts';
import { installConstructors, objectInstanceHook } from './constructors.ts';
import { installStrMethods } from './strmethods.ts';
import { installListMethods } from './listmethods.ts';
import { installDictMethods } from './dictmethods.ts';
import { installSetMethods } from './setmethods.ts';
import { installMiscMethods, strHook } from './misc.ts';
import { PyInstance } from '../instance.ts';
import type { PyType } from '../type.ts';
import { strHook as attrStrHook } from '../ops/attr.ts';
import { installSlotMethods } from './slotmethods.ts';

const EXPOSED_TYPES = [
  'object',
  'type',
  'int',
  'bool',
  'float',
  'str',
  'bytes',
  'tuple',
  'list',
  'dict',
  'set',
  'frozenset',
  'range',
  'staticmethod',
  'classmethod',
  'property',
  'super',
] as const;

export function makeBuiltins(): PyDict {
  installConstructors();
  installStrMethods();
  installListMethods();
  installDictMethods();
  installSetMethods();
  installMiscMethods();
  installSlotMethods();
  objectInstanceHook.cls = class extends PyInstance {
    constructor(t: PyType) {
      super(t);
      this.attrs = null;
    }
  };
  strHook.make = (s) => newStr(s);
  attrStrHook.make = (s) => newStr(s);
  const b = new PyDict();
  defineFunctions(b);
  // bltinmodule.c's METH_VARARGS functions (their arguments arrive as a tuple: ops/tpcall.ts).
  // enumerate, map and zip are types called through tp_call: the same tuple and dict.
  markVarargs(
    ...['min', 'max', 'vars', 'enumerate', 'map', 'zip'].map((n) => (b.getStr(n) as PyBuiltin).fn),
  );
  const put = (name: string, o: PyObject): void => {
    o.rc++;
    b.set(newStr(name), o);
  };
  for (const name of EXPOSED_TYPES) put(name, T[name]);
  for (const [name, t] of Object.entries(EXC)) put(name, t);
  put('None', S.None);
  put('Ellipsis', S.Ellipsis);
  put('NotImplemented', S.NotImplemented);
  put('True', S.True);
  put('False', S.False);
  b.set(newStr('__name__'), newStr('builtins'));
  return b;
}
