/** Name resolution opcodes: LOAD/STORE/DELETE of names, globals and cells (ceval.c). */
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { Frame } from '../frame.ts';
import { PyCell } from '../callables.ts';
import type { PyDict } from '../dict.ts';

function notDefined(name: string): never {
  raise('NameError', `name '${name}' is not defined`);
}

/** LOAD_NAME: locals, globals, builtins; a new reference. */
export function loadName(f: Frame, name: string): PyObject {
  const v = f.locals?.getStr(name) ?? f.globals.getStr(name) ?? f.builtins.getStr(name);
  if (!v) notDefined(name);
  v.rc++;
  return v;
}

export function loadGlobal(f: Frame, name: string): PyObject {
  const v = f.globals.getStr(name) ?? f.builtins.getStr(name);
  if (!v) notDefined(name);
  v.rc++;
  return v;
}

/** STORE_NAME / STORE_GLOBAL: the key is the code's interned name object; `v` is stolen. */
export function storeIn(dict: PyDict, nameObj: PyObject, v: PyObject): void {
  nameObj.rc++;
  dict.set(nameObj, v);
}

export function deleteIn(dict: PyDict, nameObj: PyObject, name: string): void {
  const e = dict.take(nameObj);
  if (!e) notDefined(name);
  decref(e.k);
  decref(e.v);
}

/** The cell in a frame slot (MAKE_CELL / COPY_FREE_VARS put one there). */
export function cellAt(f: Frame, idx: number): PyCell {
  return f.fast[idx] as PyCell;
}

export function derefName(f: Frame, idx: number): string {
  const co = f.code.co;
  const all = [...co.varnames, ...co.cellvars, ...co.freevars];
  return all[idx] ?? '?';
}

export function loadDeref(f: Frame, idx: number): PyObject {
  const v = cellAt(f, idx).ref;
  if (!v) unboundDeref(f, idx);
  v.rc++;
  return v;
}

export function unboundDeref(f: Frame, idx: number): never {
  const co = f.code.co;
  const name = derefName(f, idx);
  if (idx >= co.varnames.length + co.cellvars.length) {
    raise(
      'NameError',
      `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
    );
  }
  raise(
    'UnboundLocalError',
    `cannot access local variable '${name}' where it is not associated with a value`,
  );
}

/** MAKE_CELL: wraps the slot's current value (a parameter) or nothing in a new cell. */
export function makeCell(f: Frame, idx: number): void {
  f.fast[idx] = new PyCell(f.fast[idx] ?? null);
}
