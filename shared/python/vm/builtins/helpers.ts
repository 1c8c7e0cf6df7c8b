/**
 * Helpers for defining builtins: native functions (`PyBuiltin`), methods of builtin types
 * (`PyMethodDescr` in the type's dict), and argument checks with CPython's messages.
 * Native implementations receive borrowed arguments and return new references.
 */
import { raise } from '../errors.ts';
import type { PyObject } from '../object.ts';
import { PyBuiltin, PyMethodDescr, type Kwargs, type NativeFn } from '../callables.ts';
import type { PyDict } from '../dict.ts';
import type { PyType } from '../type.ts';
import { newStr, PyInt, PyStr, S } from '../scalars.ts';
import { T } from '../registry.ts';

export function defineFunction(
  dict: PyDict,
  name: string,
  fn: NativeFn,
  self: PyObject | null = null,
): void {
  dict.set(newStr(name), new PyBuiltin(name, fn, self));
}

export function defineMethods(type: PyType, methods: Record<string, NativeFn>): void {
  for (const [name, fn] of Object.entries(methods)) {
    type.dict.set(newStr(name), new PyMethodDescr(name, type, fn));
  }
}

/** Exactly `n` positional arguments, no keywords (METH_O / METH_NOARGS style messages). */
export function exact(name: string, args: PyObject[], n: number, kw: Kwargs = null): void {
  if (kw && kw.size > 0) raise('TypeError', `${name}() takes no keyword arguments`);
  if (args.length === n) return;
  if (n === 0) raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
  if (n === 1) raise('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  raise('TypeError', `${name} expected ${n} arguments, got ${args.length}`);
}

/** Between min and max positional arguments. */
export function between(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length < min) {
    raise(
      'TypeError',
      `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
  if (args.length > max) {
    raise(
      'TypeError',
      `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`,
    );
  }
}

export function noKw(name: string, kw: Kwargs): void {
  if (kw && kw.size > 0) raise('TypeError', `${name}() takes no keyword arguments`);
}

export function asInt(o: PyObject, what = 'an integer'): bigint {
  if (o instanceof PyInt) return o.v;
  raise('TypeError', `'${o.type.name}' object cannot be interpreted as ${what}`);
}

export function asStr(o: PyObject, ctx: string): string {
  if (o instanceof PyStr) return o.v;
  raise('TypeError', `${ctx} must be str, not ${o.type.name}`);
}

export function kwArg(kw: Kwargs, name: string): PyObject | null {
  return kw?.get(name) ?? null;
}

export function isNone(o: PyObject | null | undefined): boolean {
  return o === undefined || o === null || o === S.None;
}

export function isBool(o: PyObject): boolean {
  return o.type === T.bool;
}
