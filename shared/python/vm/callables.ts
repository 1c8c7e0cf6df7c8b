/**
 * Code objects, functions, cells, bound methods and builtin functions.
 * Contracts: constructors take ownership of the references they are given; a builtin's
 * implementation receives borrowed arguments and returns a new reference.
 */
import type { CodeObject } from '../compiler/code.ts';
import type { GcObject } from './gcobject.ts';
import { decref, PyObject, xdecref } from './object.ts';
import { T } from './registry.ts';
import type { PyType } from './type.ts';
import type { PyDict } from './dict.ts';
import type { PyTuple } from './containers.ts';
import type { PyStr } from './scalars.ts';

export type Kwargs = Map<string, PyObject> | null;
export type NativeFn = (args: PyObject[], kw: Kwargs, self: PyObject | null) => PyObject;

export class PyCode extends PyObject {
  /** co_name / co_qualname as str objects (set by the loader; owned). */
  name!: PyStr;
  qualname!: PyStr;
  /** Numeric opcodes and args, parallel to `co.instrs` (see eval/opcodes.ts). */
  ops: Int32Array;
  args: Int32Array;
  co: CodeObject;
  consts: PyObject[];
  /** co_consts (possibly shared with equal code objects: merge_const_one). */
  constsTuple: PyTuple;
  names: PyStr[];
  constructor(co: CodeObject, consts: PyTuple, names: PyStr[], ops: Int32Array, args: Int32Array) {
    super();
    this.co = co;
    this.constsTuple = consts;
    this.consts = consts.items;
    this.names = names;
    this.ops = ops;
    this.args = args;
  }
  get type(): PyType {
    return T.code;
  }
  protected override release(): void {
    decref(this.constsTuple);
    for (const n of this.names) decref(n);
    decref(this.name);
    decref(this.qualname);
  }
}

export class PyFunction extends PyObject {
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  dict: PyDict | null = null;
  qualname: PyStr;
  code: PyCode;
  globals: PyDict;
  builtins: PyDict;
  /** func_module (globals' `__name__`), func_doc (docstring or None), func_name (co_name): owned. */
  module: PyObject | null;
  doc: PyObject;
  funcName: PyStr;
  constructor(code: PyCode, globals: PyDict, builtins: PyDict, qualname: PyStr, doc: PyObject) {
    super();
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    globals.rc++;
    builtins.rc++;
    this.qualname = qualname;
    qualname.rc++;
    this.module = globals.getStr('__name__');
    if (this.module) this.module.rc++;
    this.doc = doc;
    doc.rc++;
    this.funcName = code.name;
    code.name.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.function;
  }
  get name(): string {
    return this.code.co.name;
  }
  override traverse(visit: (r: GcObject) => void): void {
    // func_traverse's order (funcobject.c): it is gc.get_referents' order.
    visit(this.code);
    visit(this.globals);
    visit(this.builtins);
    if (this.module) visit(this.module);
    if (this.defaults) visit(this.defaults);
    if (this.kwdefaults) visit(this.kwdefaults);
    visit(this.doc);
    visit(this.funcName);
    if (this.dict) visit(this.dict);
    if (this.closure) visit(this.closure);
    visit(this.qualname);
  }
  override clear(): void {
    const d = this.defaults;
    const k = this.kwdefaults;
    const c = this.closure;
    const dict = this.dict;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.dict = null;
    xdecref(d);
    xdecref(k);
    xdecref(c);
    xdecref(dict);
  }
  protected override release(): void {
    this.clear();
    decref(this.code);
    decref(this.globals);
    decref(this.builtins);
    decref(this.qualname);
    xdecref(this.module);
    decref(this.doc);
    decref(this.funcName);
  }
}

export class PyCell extends PyObject {
  ref: PyObject | null;
  constructor(ref: PyObject | null) {
    super();
    this.ref = ref;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.cell;
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.ref) visit(this.ref);
  }
  override clear(): void {
    const r = this.ref;
    this.ref = null;
    xdecref(r);
  }
  protected override release(): void {
    this.clear();
  }
}

/** A bound method: `obj.method` (holds the function and `self`). */
export class PyMethod extends PyObject {
  func: PyObject;
  self: PyObject;
  constructor(func: PyObject, self: PyObject) {
    super();
    this.func = func;
    this.self = self;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.method;
  }
  override traverse(visit: (r: GcObject) => void): void {
    visit(this.func);
    visit(this.self);
  }
  protected override release(): void {
    decref(this.func);
    decref(this.self);
  }
}

/** builtin_function_or_method: a native function, possibly bound to `self` (`[].append`). */
export class PyBuiltin extends PyObject {
  name: string;
  fn: NativeFn;
  self: PyObject | null;
  qualOwner: string | null;
  constructor(
    name: string,
    fn: NativeFn,
    self: PyObject | null = null,
    qualOwner: string | null = null,
  ) {
    super();
    this.name = name;
    this.fn = fn;
    this.self = self;
    this.qualOwner = qualOwner;
    if (self) self.rc++;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.builtin_function_or_method;
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.self) visit(this.self);
  }
  protected override release(): void {
    xdecref(this.self);
  }
}

/** method_descriptor: a builtin type's method in its dict (`list.append`). */
export class PyMethodDescr extends PyObject {
  name: string;
  owner: PyType;
  fn: NativeFn;
  constructor(name: string, owner: PyType, fn: NativeFn) {
    super();
    this.name = name;
    this.owner = owner;
    this.fn = fn;
    this.gcLink(true);
  }
  get type(): PyType {
    return T.method_descriptor;
  }
}

/** staticmethod / classmethod / property wrappers (called, not used as decorators). */
export class PyWrapper extends PyObject {
  private t: () => PyType;
  items: (PyObject | null)[];
  constructor(t: () => PyType, items: (PyObject | null)[]) {
    super();
    this.t = t;
    this.items = items;
    this.gcLink(true);
  }
  get type(): PyType {
    return this.t();
  }
  override traverse(visit: (r: GcObject) => void): void {
    for (const o of this.items) if (o) visit(o);
  }
  protected override release(): void {
    for (const o of this.items) xdecref(o);
  }
}
