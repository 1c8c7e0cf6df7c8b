/** dict views: `d.keys()`, `d.values()`, `d.items()` — live views holding the dict. */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import type { PyDict } from './dict.ts';

export type ViewKind = 'keys' | 'values' | 'items';

export class PyDictView extends PyObject {
  dict: PyDict;
  kind: ViewKind;
  constructor(dict: PyDict, kind: ViewKind) {
    super();
    this.dict = dict;
    this.kind = kind;
    dict.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return this.kind === 'keys'
      ? T.dict_keys
      : this.kind === 'values'
        ? T.dict_values
        : T.dict_items;
  }
  override traverse(visit: (r: GcObject) => void): void {
    visit(this.dict);
  }
  protected override release(): void {
    decref(this.dict);
  }
}

export { PyDictView as PyDictObj };
