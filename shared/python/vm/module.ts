/** Module objects: a name and a namespace dict (`import sys` binds one). */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import { PyDict } from './dict.ts';

export class PyModule extends PyObject {
  dict: PyDict;
  name: string;
  constructor(name: string) {
    super();
    this.name = name;
    this.dict = new PyDict();
    this.gcLink(true);
  }
  get type(): PyType {
    return T.module;
  }
  override traverse(visit: (r: GcObject) => void): void {
    visit(this.dict);
  }
  protected override release(): void {
    decref(this.dict);
  }
}
