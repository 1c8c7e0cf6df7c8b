/** The NULL CPython pushes under a callable (PUSH_NULL, LOAD_GLOBAL's low bit): a sentinel. */
import { PyObject } from '../object.ts';
import { T } from '../registry.ts';
import type { PyType } from '../type.ts';

class Null extends PyObject {
  get type(): PyType {
    return T.NoneType;
  }
}

export const NULL: PyObject = new Null();
NULL.rc = 1 << 28;
