/** range and slice objects (not GC types; getsizeof(range) is 48). */
import { PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import { decref } from './object.ts';

export class PyRange extends PyObject {
  start: bigint;
  stop: bigint;
  step: bigint;
  constructor(start: bigint, stop: bigint, step: bigint) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get type(): PyType {
    return T.range;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? Number((stop - start + step - 1n) / step) : 0;
    return start > stop ? Number((start - stop - step - 1n) / -step) : 0;
  }
}

export class PySlice extends PyObject {
  start: PyObject;
  stop: PyObject;
  step: PyObject;
  constructor(start: PyObject, stop: PyObject, step: PyObject) {
    super();
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get type(): PyType {
    return T.slice;
  }
  protected override release(): void {
    decref(this.start);
    decref(this.stop);
    decref(this.step);
  }
}
