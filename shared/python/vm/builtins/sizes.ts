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
import { PyGenerator } from '../generator.ts';
import { PyFrameObject, PyTraceback } from '../frame.ts';
import { PyDictView } from '../views.ts';
import { PyIter } from '../ops/iter.ts';

export function sizeOf(o: PyObject): number {
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
  if (o instanceof PyException) return 88;
  if (o instanceof PyInstance) {
    if (o.cls.slotNames && !o.cls.slotNames.includes('__dict__'))
      return 32 + 8 * o.cls.slotNames.length;
    return 56;
  }
  if (o instanceof PyModule) return 72;
  if (o instanceof PyTraceback) return 56;
  if (o instanceof PyGenerator) {
    const co = o.frame.code.co;
    const n = co.varnames.length + co.cellvars.length + co.freevars.length;
    return 144 + 8 * (n + co.stacksize);
  }
  if (o instanceof PyFrameObject) return 152;
  if (o instanceof PyDictView) return 40;
  if (o instanceof PyIter) return 48;
  refuse(`sys.getsizeof of a ${o.type.name}`);
}
