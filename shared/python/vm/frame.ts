/**
 * Frames. `Frame` is 3.11's _PyInterpreterFrame: a call's locals (`fast`: varnames, cellvars,
 * freevars) and value stack, owned by the call (no GC object). A `PyFrameObject` is made only
 * on demand (tracebacks, generators' gi_frame); when the call ends while someone else still
 * holds the frame object, the object takes ownership of the locals (`take_ownership`), which
 * is why a traceback keeps a finished function's locals alive.
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject, xdecref } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import type { PyCode, PyFunction } from './callables.ts';
import type { PyDict } from './dict.ts';
import { heap } from './heap.ts';

export class Frame {
  fast: (PyObject | null)[];
  stack: PyObject[] = [];
  /** Index of the instruction being executed (CPython's prev_instr). */
  lasti = 0;
  /** Where execution continues (next instruction, or a handler / jump target). */
  resumeAt = 0;
  /** KW_NAMES for the next CALL. */
  kwnames: string[] | null = null;
  frameObj: PyFrameObject | null = null;
  /** The frame is owned by a generator (its locals live as long as the generator). */
  generator: PyObject | null = null;
  /** Set once the call returned/raised (cleared). */
  done = false;
  /** Line reported to hooks last (for per-line events). */
  lastLine = -1;

  code: PyCode;
  func: PyFunction | null;
  globals: PyDict;
  builtins: PyDict;
  /** The namespace of module and class bodies (LOAD_NAME/STORE_NAME), else null. */
  locals: PyDict | null;
  /** A function frame's f_locals: the dict `locals()` refreshes and returns (3.11), or null. */
  fLocals: PyDict | null = null;
  back: Frame | null;
  constructor(
    code: PyCode,
    func: PyFunction | null,
    globals: PyDict,
    builtins: PyDict,
    locals: PyDict | null,
    back: Frame | null,
  ) {
    this.code = code;
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    this.back = back;
    const co = code.co;
    this.fast = new Array<PyObject | null>(
      co.varnames.length + co.cellvars.length + co.freevars.length,
    ).fill(null);
  }

  get lineno(): number {
    return this.code.co.instrs[this.lasti]?.line ?? this.code.co.firstlineno;
  }

  /** Everything the frame holds, in tp_traverse order (locals then stack). */
  visitRefs(visit: (r: GcObject) => void): void {
    if (this.fLocals) visit(this.fLocals);
    for (const o of this.fast) if (o) visit(o);
    for (const o of this.stack) visit(o);
  }

  /** _PyFrame_Clear's reference drops: locals, then the stack (func/globals are borrowed here). */
  releaseContents(): void {
    const fast = this.fast;
    const stack = this.stack;
    this.fast = [];
    this.stack = [];
    for (const o of fast) xdecref(o);
    for (const o of stack) decref(o);
    const fLocals = this.fLocals;
    this.fLocals = null;
    if (fLocals) decref(fLocals);
  }
}

export class PyFrameObject extends PyObject {
  /** True once the frame object owns the frame's contents (the call has ended). */
  owned = false;
  back: PyFrameObject | null = null;

  frame: Frame;
  constructor(frame: Frame) {
    super();
    this.frame = frame;
    this.gcLink(false);
  }
  get type(): PyType {
    return T.frame;
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.back) visit(this.back);
    if (this.owned) this.frame.visitRefs(visit);
  }
  override clear(): void {
    if (this.owned) this.frame.releaseContents();
  }
  protected override release(): void {
    const back = this.back;
    this.back = null;
    xdecref(back);
    if (this.owned) this.frame.releaseContents();
  }
}

/** The frame object of a running frame (a borrowed reference owned by the frame). */
export function frameObjectOf(frame: Frame): PyFrameObject {
  if (!frame.frameObj) frame.frameObj = new PyFrameObject(frame);
  return frame.frameObj;
}

/**
 * _PyFrame_Clear for a finished call: a frame object someone else holds takes ownership of the
 * locals (and links to the caller's frame object); otherwise the locals are dropped.
 */
export function clearFrame(frame: Frame): void {
  frame.done = true;
  const f = frame.frameObj;
  if (f) {
    frame.frameObj = null;
    if (f.rc > 1) {
      f.owned = true;
      let prev = frame.back;
      while (prev && prev.done) prev = prev.back;
      if (prev) {
        const back = frameObjectOf(prev);
        back.rc++;
        f.back = back;
      }
      if (f.gc && !f.gc.tracked) heap.collector.track(f);
      decref(f);
      return;
    }
    decref(f);
  }
  frame.releaseContents();
}

export class PyTraceback extends PyObject {
  next: PyTraceback | null;
  frame: PyFrameObject;
  lasti: number;
  lineno: number;
  constructor(next: PyTraceback | null, frame: PyFrameObject, lasti: number, lineno: number) {
    super();
    this.next = next;
    this.frame = frame;
    this.lasti = lasti;
    this.lineno = lineno;
    frame.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.traceback;
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.next) visit(this.next);
    visit(this.frame);
  }
  override clear(): void {
    const n = this.next;
    this.next = null;
    xdecref(n);
  }
  protected override release(): void {
    this.clear();
    decref(this.frame);
  }
}
