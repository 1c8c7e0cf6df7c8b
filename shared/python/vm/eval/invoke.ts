/**
 * Calling a Python function: binds the (stolen) argument references into a new frame's locals
 * the way 3.11's `initialize_locals` does, with CPython's TypeError messages, then runs it.
 */
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { PyFunction } from '../callables.ts';
import { CO } from '../../compiler/code.ts';
import { Frame } from '../frame.ts';
import { newTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { newStr } from '../scalars.ts';
import { vm } from '../state.ts';
import { runFrame } from './loop.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

export function callPython(func: PyFunction, args: PyObject[], kwnames: string[] | null): PyObject {
  const frame = new Frame(func.code, func, func.globals, func.builtins, null, vm.frame);
  try {
    bindArguments(func, frame.fast, args, kwnames);
  } catch (e) {
    frame.releaseContents();
    throw e;
  }
  return runFrame(frame);
}

function bindArguments(
  func: PyFunction,
  fast: (PyObject | null)[],
  args: PyObject[],
  kwnames: string[] | null,
): void {
  const co = func.code.co;
  const qual = func.qualname.v;
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  const argcount = co.argcount;
  const total = argcount + co.kwonlyargcount;
  const hasVarargs = (co.flags & CO.VARARGS) !== 0;
  const hasVarkw = (co.flags & CO.VARKEYWORDS) !== 0;
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = new PyDict();
    fast[total + (hasVarargs ? 1 : 0)] = kwdict;
  }
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) fast[i] = args[i]!;
  if (hasVarargs) fast[total] = newTuple(args.slice(n, npos));
  else if (npos > argcount) {
    for (let i = n; i < args.length; i++) decref(args[i]!);
    const defaults = func.defaults?.items.length ?? 0;
    const takes = defaults > 0 ? `from ${argcount - defaults} to ${argcount}` : `${argcount}`;
    const word = defaults === 0 && argcount === 1 ? 'positional argument' : 'positional arguments';
    raise(
      'TypeError',
      `${qual}() takes ${takes} ${word} but ${npos} ${npos === 1 ? 'was' : 'were'} given`,
    );
  }
  for (let j = 0; j < nkw; j++) {
    const name = kwnames![j]!;
    const value = args[npos + j]!;
    const idx = co.varnames.indexOf(name);
    if (idx >= co.posonlyargcount && idx < total) {
      if (fast[idx] !== null) {
        decref(value);
        for (let k = j + 1; k < nkw; k++) decref(args[npos + k]!);
        raise('TypeError', `${qual}() got multiple values for argument '${name}'`);
      }
      fast[idx] = value;
    } else if (kwdict) {
      kwdict.set(newStr(name), value);
    } else {
      decref(value);
      for (let k = j + 1; k < nkw; k++) decref(args[npos + k]!);
      raise('TypeError', `${qual}() got an unexpected keyword argument '${name}'`);
    }
  }
  fillDefaults(func, fast, qual);
}

function fillDefaults(func: PyFunction, fast: (PyObject | null)[], qual: string): void {
  const co = func.code.co;
  const argcount = co.argcount;
  const defaults = func.defaults?.items ?? [];
  const firstDefault = argcount - defaults.length;
  const missing: string[] = [];
  for (let i = 0; i < argcount; i++) {
    if (fast[i] !== null) continue;
    if (i >= firstDefault) {
      const d = defaults[i - firstDefault]!;
      d.rc++;
      fast[i] = d;
    } else missing.push(co.varnames[i]!);
  }
  if (missing.length > 0) {
    raise(
      'TypeError',
      `${qual}() missing ${plural(missing.length, 'required positional argument')}: ${nameList(missing)}`,
    );
  }
  const kwMissing: string[] = [];
  for (let i = argcount; i < argcount + co.kwonlyargcount; i++) {
    if (fast[i] !== null) continue;
    const name = co.varnames[i]!;
    const d = func.kwdefaults?.getStr(name) ?? null;
    if (d) {
      d.rc++;
      fast[i] = d;
    } else kwMissing.push(name);
  }
  if (kwMissing.length > 0) {
    raise(
      'TypeError',
      `${qual}() missing ${plural(kwMissing.length, 'required keyword-only argument')}: ${nameList(kwMissing)}`,
    );
  }
}
