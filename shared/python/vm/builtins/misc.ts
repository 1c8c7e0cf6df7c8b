/** Methods of int, generators, exceptions and object. */
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { NativeFn } from '../callables.ts';
import type { PyInt } from '../scalars.ts';
import { newInt, none } from '../scalars.ts';
import { newTuple } from '../containers.ts';
import { EXC, T } from '../registry.ts';
import { PyException } from '../instance.ts';
import type { PyGenerator } from '../generator.ts';
import { PyType } from '../type.ts';
import { genClose, genSend, genThrow } from '../ops/gen.ts';
import { stopIteration } from '../ops/exc.ts';
import { call } from '../ops/call.ts';
import { builtinRepr } from '../ops/repr.ts';
import { defineMethods } from './helpers.ts';

function gen(self: PyObject | null): PyGenerator {
  return self as PyGenerator;
}

function finish(r: { done: boolean; value: PyObject }): PyObject {
  if (r.done) stopIteration(r.value);
  return r.value;
}

const GENERATOR: Record<string, NativeFn> = {
  send: (a, _k, self) => {
    a[0]!.rc++;
    return finish(genSend(gen(self), a[0]!));
  },
  __next__: (_a, _k, self) => finish(genSend(gen(self), none())),
  throw: (a, _k, self) => {
    let exc = a[0]!;
    exc.rc++;
    if (exc instanceof PyType) {
      const made = call(exc, a[1] ? [(a[1].rc++, a[1])] : []);
      decref(exc);
      exc = made;
    }
    return finish(genThrow(gen(self), exc));
  },
  close: (_a, _k, self) => {
    genClose(gen(self));
    return none();
  },
};

const EXCEPTION: Record<string, NativeFn> = {
  __init__: (a, _k, self) => {
    const e = self as PyException;
    for (const x of a) x.rc++;
    const old = e.args;
    e.args = newTuple(a.slice());
    decref(old);
    return none();
  },
  with_traceback: (a, _k, self) => {
    const e = self as PyException;
    const tb = a[0]!;
    tb.rc++;
    if (e.traceback) decref(e.traceback);
    e.traceback = tb.type === T.NoneType ? (decref(tb), null) : tb;
    e.rc++;
    return e;
  },
};

const OBJECT: Record<string, NativeFn> = {
  __init__: () => none(),
  __repr__: (_a, _k, self) => newStrRepr(self!),
};

function newStrRepr(o: PyObject): PyObject {
  return strHook.make(builtinRepr(o));
}

export const strHook = { make: (_s: string): PyObject => none() };

const INT: Record<string, NativeFn> = {
  bit_length: (_a, _k, self) => {
    const v = (self as PyInt).v;
    const abs = v < 0n ? -v : v;
    return newInt(abs === 0n ? 0 : abs.toString(2).length);
  },
};

export function installMiscMethods(): void {
  defineMethods(T.generator, GENERATOR);
  defineMethods(EXC.BaseException!, EXCEPTION);
  defineMethods(T.object, OBJECT);
  defineMethods(T.int, INT);
  T.BaseException.construct = (t, a) => {
    for (const x of a) x.rc++;
    return new PyException(t, newTuple(a.slice()));
  };
  for (const t of Object.values(EXC)) t.construct = T.BaseException.construct;
  void raise;
}
