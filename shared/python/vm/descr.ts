/**
 * The descriptors a class statement adds to the class dict (type_new / PyType_Ready):
 * `__dict__` and `__weakref__` getset descriptors when no base provides them, one member
 * descriptor per `__slots__` name. Each holds a reference to its class, which is why
 * `sys.getrefcount(C)` of a fresh class is 5 (name, argument, `__mro__`, two descriptors).
 */
import type { GcObject } from './gcobject.ts';
import { decref, PyObject } from './object.ts';
import { T } from './registry.ts';
import { PyType } from './type.ts';

const typeCache = {
  object: null as PyType | null,
  getset: null as PyType | null,
  member: null as PyType | null,
};

function descrType(kind: 'getset' | 'member'): PyType {
  if (typeCache.object !== T.object) {
    typeCache.object = T.object;
    typeCache.getset = new PyType('getset_descriptor', [T.object], false);
    typeCache.member = new PyType('member_descriptor', [T.object], false);
  }
  return kind === 'getset' ? typeCache.getset! : typeCache.member!;
}

export class PyDescriptor extends PyObject {
  kind: 'getset' | 'member';
  name: string;
  owner: PyType;
  constructor(kind: 'getset' | 'member', name: string, owner: PyType) {
    super();
    this.kind = kind;
    this.name = name;
    this.owner = owner;
    owner.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return descrType(this.kind);
  }
  override traverse(visit: (r: GcObject) => void): void {
    visit(this.owner);
  }
  protected override release(): void {
    decref(this.owner);
  }
  repr(): string {
    return this.kind === 'member'
      ? `<member '${this.name}' of '${this.owner.name}' objects>`
      : `<attribute '${this.name}' of '${this.owner.name}' objects>`;
  }
}
