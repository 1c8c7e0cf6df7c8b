/**
 * Instances of classes that subclass a builtin type (`class Stack(list)`, `class Celsius(float)`):
 * the builtin object itself (a PyList, PyDict, PyInt, ... so every builtin operation applies)
 * plus what a subtype instance adds — its class, `__dict__` attributes and `__slots__` values —
 * handled as typeobject.c's subtype_traverse / subtype_clear / subtype_dealloc do around the
 * builtin's own traverse, clear and dealloc. Unlike exact builtins they never come from a free
 * list and are GC-tracked from allocation (PyType_GenericAlloc), even `int` and `str` ones.
 */
import type { GcObject } from './gcobject.ts';
import { decref, type PyObject } from './object.ts';
import type { PyType } from './type.ts';
import type { PyDict } from './dict.ts';
import { heap } from './heap.ts';
import {
  finalizeInstance,
  PyInstance,
  initInstanceState,
  stateClear,
  stateTraverse,
  type AttrStorage,
  type InstanceState,
} from './instance.ts';
import { PyList, PyTuple } from './containers.ts';
import { PyDict as Dict } from './dict.ts';
import { PySet } from './set.ts';
import { PyBytes, PyFloat, PyInt, PyStr } from './scalars.ts';

// TypeScript's mixin pattern requires a constructor type taking `any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Layout = abstract new (...args: any[]) => PyObject;

/** Marks the objects `asInstance` recognises (own property checks would cost a lookup). */
const SUB = Symbol('subinstance');

function subtypeOf<B extends Layout>(Base: B) {
  abstract class Sub extends Base implements InstanceState {
    declare cls: PyType;
    attrs: Map<string, PyObject> | null = null;
    dict: PyDict | null = null;
    slots: (PyObject | null)[] | null = null;
    declare storage: AttrStorage;
    readonly [SUB] = true;

    /** Finishes construction: the class reference, attribute storage, GC link and tracking. */
    adopt(cls: PyType): this {
      initInstanceState(this, cls, cls.layout!.varSized ? 'plain' : 'shared');
      if (!this.gc) this.gcLink(true);
      else if (!this.gc.tracked) heap.collector.track(this);
      return this;
    }
    override get type(): PyType {
      return this.cls;
    }
    override exact(): boolean {
      return false;
    }
    override hasFinalizer(): boolean {
      return this.cls.lookup('__del__') !== null;
    }
    override traverse(visit: (r: GcObject) => void): void {
      stateTraverse(this, visit);
      super.traverse(visit);
    }
    override clear(): void {
      stateClear(this);
      super.clear();
    }
    protected override finalizeOnDealloc(): boolean {
      return finalizeInstance(this);
    }
    protected override release(): void {
      stateClear(this);
      super.release();
      decref(this.cls);
    }
  }
  return Sub;
}

export class PyListSub extends subtypeOf(PyList) {}
export class PyTupleSub extends subtypeOf(PyTuple) {}
export class PyDictSub extends subtypeOf(Dict) {}
export class PySetSub extends subtypeOf(PySet) {}
export class PyIntSub extends subtypeOf(PyInt) {}
export class PyFloatSub extends subtypeOf(PyFloat) {}
export class PyStrSub extends subtypeOf(PyStr) {}
export class PyBytesSub extends subtypeOf(PyBytes) {}

export type SubInstance = PyObject & InstanceState;

/** An instance of a builtin-type subclass (with `__dict__`/slots), or null. */
export function asSubInstance(o: PyObject): SubInstance | null {
  return SUB in o ? (o as unknown as SubInstance) : null;
}

/** Any instance of a class defined in the program (plain, exception or builtin subclass), or null. */
export function instanceState(o: PyObject): SubInstance | null {
  return o instanceof PyInstance ? o : asSubInstance(o);
}
