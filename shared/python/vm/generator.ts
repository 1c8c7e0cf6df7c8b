/**
 * Generator objects: a suspended frame is an object (3.11 keeps the frame inside the generator).
 * The generator owns its frame's locals and stack until it finishes or is closed.
 */
import type { GcObject } from './gcobject.ts';
import { PyObject, xdecref } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import { clearFrame, type Frame } from './frame.ts';
import type { PyStr } from './scalars.ts';
import { heap } from './heap.ts';
import { finalizerHook as finalizeHook } from './instance.ts';

/** Runs close() on a suspended generator at dealloc (installed by ops/gen.ts). */
export const genHooks = { close: (_g: PyGenerator): void => {} };

export type GenState = 'created' | 'suspended' | 'running' | 'closed';

export class PyGenerator extends PyObject {
  state: GenState = 'created';
  /** The generator's own exception state (gi_exc_state), swapped in while it runs. */
  excState: PyObject | null = null;
  frame: Frame;
  name: PyStr;
  qualname: PyStr;
  constructor(frame: Frame, name: PyStr, qualname: PyStr) {
    super();
    this.frame = frame;
    this.name = name;
    this.qualname = qualname;
    name.rc++;
    qualname.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.generator;
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.state !== 'closed') {
      if (this.frame.frameObj) visit(this.frame.frameObj);
      this.frame.visitRefs(visit);
    }
  }
  /** Drops the frame's contents (finished, or cleared by the collector). */
  finish(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearFrame(this.frame);
  }
  override clear(): void {
    this.finish();
  }
  /**
   * _PyGen_Finalize closes every generator not yet completed. In 3.11 that includes one never
   * started: GeneratorExit is thrown at its first instruction, which clears its frame (so a
   * cycle through an unstarted generator's arguments is broken by finalization, not tp_clear).
   */
  override hasFinalizer(): boolean {
    return this.state === 'suspended' || this.state === 'created';
  }
  /** _PyGen_Finalize from gen_dealloc: close the generator (PEP 442 resurrection check). */
  protected override finalizeOnDealloc(): boolean {
    if (!this.hasFinalizer() || !this.gc) return false;
    if (this.gc.tracked) heap.collector.untrack(this);
    this.rc = 1;
    finalizeHook.run(this);
    if (--this.rc === 0) return false;
    heap.collector.track(this);
    return true;
  }
  protected override release(): void {
    this.finish();
    xdecref(this.excState);
    xdecref(this.name);
    xdecref(this.qualname);
  }
}
