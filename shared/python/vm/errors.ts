/**
 * How Python exceptions travel through JavaScript: a `PyRaise` carries the exception object
 * (an owned reference). Builtins throw it; the eval loop catches it and unwinds by the
 * exception table. `Refusal` is a run-time "unsupported" that aborts the whole run.
 */
import type { PyObject } from './object.ts';
import { vm } from './state.ts';

export class PyRaise {
  exc: PyObject;
  /** A re-raise (RERAISE, bare `raise`): no new traceback entry for the current frame. */
  reraise = false;
  constructor(exc: PyObject) {
    this.exc = exc;
  }
}

/** Something the VM does not model; the run prints `unsupported: <what> at line N` only. */
export class Refusal extends Error {
  construct: string;
  /** The line being executed when the VM refused. */
  line: number;
  constructor(construct: string) {
    super(`unsupported: ${construct}`);
    this.construct = construct;
    this.line = vm.frame?.lineno ?? 0;
  }
}

/** Raising hook, set by types/exceptions.ts: makes `excType(message)` and throws it. */
export const raiseHook = {
  make: null as unknown as (typeName: string, message: string | null) => PyObject,
};

export function raise(typeName: string, message: string | null = null): never {
  throw new PyRaise(raiseHook.make(typeName, message));
}

export function refuse(construct: string): never {
  throw new Refusal(construct);
}
