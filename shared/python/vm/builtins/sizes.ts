/**
 * sys.getsizeof for every object kind (64-bit CPython 3.11.7; the GC header is included for GC
 * types). Measured values are in docs/python-vm.md "Object facts".
 */
import { bytesSizeof, intSizeof, strSizeof } from '../../values/index.ts';
import { refuse } from '../errors.ts';
import type { PyObject } from '../object.ts';
import { PyBytes, PyFloat, PyInt, PyNone, PyStr } from '../scalars.ts';
import { PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyRange } from '../range.ts';
import { PyCell, PyFunction, PyMethod, PyBuiltin } from '../callables.ts';
import { PyException, PyInstance } from '../instance.ts';
import { PyModule } from '../module.ts';
import { asSubInstance, type SubInstance } from '../subinstance.ts';
import type { PyType } from '../type.ts';
import { T } from '../registry.ts';
import { PyGenerator } from '../generator.ts';
import { PyFrameObject, PyTraceback } from '../frame.ts';
import { PyDictView } from '../views.ts';
import { PyIter } from '../ops/iter.ts';

export function sizeOf(o: PyObject): number {
  const sub = asSubInstance(o);
  if (sub) return subtypeSizeof(sub);
  return builtinSizeof(o);
}

/** Bytes a class adds to its builtin layout: `__slots__` of every class, `__dict__` and weakref pointers. */
function addedBytes(t: PyType, layout: PyType): { slots: number; dict: boolean; weak: boolean } {
  let slots = 0;
  for (const c of t.mro) if (c.isHeap) slots += c.slotNames?.length ?? 0;
  return {
    slots: 8 * slots,
    dict: t.hasDict && !layout.hasDict,
    weak: t.hasWeakref && !layout.hasWeakref,
  };
}

/**
 * An instance of a builtin subclass: the GC header (int, str, float, bytes gain one), the
 * `__dict__` (a 16-byte pre-header for fixed-size layouts, an 8-byte pointer after var-sized
 * ones), the weakref pointer and slots. int's and str's `__sizeof__` ignore the type's size;
 * a str subclass instance is a non-compact string (80 bytes + its own buffer).
 */
function subtypeSizeof(o: SubInstance): number {
  const t = o.type;
  const layout = t.layout!;
  const add = addedBytes(t, layout);
  if (o instanceof PyInt) return intSizeof(o.v) + 16;
  if (o instanceof PyStr) {
    let kind = 1;
    for (const ch of o.v)
      kind = Math.max(kind, ch.codePointAt(0)! > 0xffff ? 4 : ch.codePointAt(0)! > 0xff ? 2 : 1);
    return 80 + ([...o.v].length + 1) * kind + 16 + (add.dict ? 16 : 0);
  }
  const gcHeader = o instanceof PyFloat || o instanceof PyBytes ? 16 : 0;
  const dict = add.dict ? (layout.varSized ? 8 : 16) : 0;
  return builtinSizeof(o) + gcHeader + dict + (add.weak ? 8 : 0) + add.slots;
}

function builtinSizeof(o: PyObject): number {
  if (o instanceof PyInt) return intSizeof(o.v);
  if (o instanceof PyStr) return strSizeof(o.v);
  if (o instanceof PyFloat) return 24;
  if (o instanceof PyBytes) return bytesSizeof(o.v.length);
  if (o instanceof PyNone) return 16;
  if (o instanceof PyTuple) return 40 + 8 * o.items.length;
  if (o instanceof PyList) return 56 + 8 * o.allocated;
  if (o instanceof PyDict) return o.sizeof();
  if (o instanceof PySet) return o.sizeof();
  if (o instanceof PyRange) return 48;
  if (o instanceof PyFunction) return 152;
  if (o instanceof PyCell) return 40;
  if (o instanceof PyMethod) return 64;
  if (o instanceof PyBuiltin) return 72;
  if (o instanceof PyException) {
    const add = addedBytes(o.type, T.BaseException);
    return 88 + (add.weak ? 8 : 0) + add.slots;
  }
  if (o instanceof PyInstance) {
    // object's 16 bytes and the GC header, then what the classes add: 56 for a plain instance.
    const add = addedBytes(o.cls, T.object);
    return 32 + add.slots + (add.dict ? 16 : 0) + (add.weak ? 8 : 0);
  }
  if (o instanceof PyModule) return 72;
  if (o instanceof PyTraceback) return 56;
  if (o instanceof PyGenerator) {
    const co = o.frame.code.co;
    const n = co.varnames.length + co.cellvars.length + co.freevars.length;
    return 168 + 8 * (n + co.stacksize);
  }
  if (o instanceof PyFrameObject) return 152;
  if (o instanceof PyDictView) return 40;
  if (o instanceof PyIter) return 48;
  refuse(`sys.getsizeof of a ${o.type.name}`);
}
