/**
 * The attributes builtin kinds expose without a dict entry (getset descriptors in CPython):
 * `__class__`, `__dict__`, `__name__`, function `__closure__`/`__defaults__`, `cell_contents`,
 * `gi_frame`, exception `__traceback__`/`__context__`/`__cause__`/`args`, traceback and frame
 * fields. `specialAttr` returns a new reference or null when the kind has no such attribute.
 */
import { raise, refuse } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { PyType } from '../type.ts';
import { PyException, PyInstance, stateDict } from '../instance.ts';
import { instanceState } from '../subinstance.ts';
import { PyModule } from '../module.ts';
import { PyBuiltin, PyCell, PyCode, PyFunction, PyMethod } from '../callables.ts';
import { PyFrameObject, PyTraceback, frameObjectOf } from '../frame.ts';
import { PyGenerator } from '../generator.ts';
import { bool, newInt, newStr, none, PyInt, S } from '../scalars.ts';
import { newTuple } from '../containers.ts';
import { PyFloat } from '../scalars.ts';
import { vm } from '../state.ts';
import { EXC } from '../registry.ts';

function ref<O extends PyObject>(o: O | null): PyObject {
  if (o === null) return none();
  o.rc++;
  return o;
}

export function specialAttr(o: PyObject, name: string): PyObject | null {
  if (name === '__class__') return ref(o.type);
  const inst = instanceState(o);
  if (inst && name === '__dict__' && (inst.attrs || inst.dict || inst.cls.hasDict))
    return ref(stateDict(inst));
  if (o instanceof PyInstance) return o instanceof PyException ? exceptionAttr(o, name) : null;
  if (o instanceof PyType) return typeAttr(o, name);
  if (o instanceof PyFunction) return functionAttr(o, name);
  if (o instanceof PyCell) {
    if (name !== 'cell_contents') return null;
    if (!o.ref) raise('ValueError', 'Cell is empty');
    return ref(o.ref);
  }
  if (o instanceof PyMethod) {
    if (name === '__self__') return ref(o.self);
    if (name === '__func__') return ref(o.func);
    if (name === '__name__') return getName(o.func);
    return null;
  }
  if (o instanceof PyBuiltin) {
    if (name === '__name__') return newStr(o.name);
    if (name === '__self__') return ref(o.self);
    return null;
  }
  if (o instanceof PyModule) return name === '__name__' ? newStr(o.name) : null;
  if (o instanceof PyGenerator) return generatorAttr(o, name);
  if (o instanceof PyTraceback) {
    if (name === 'tb_next') return ref(o.next);
    if (name === 'tb_frame') return ref(o.frame);
    if (name === 'tb_lineno') return newInt(o.lineno);
    if (name === 'tb_lasti') return newInt(o.lasti * 2);
    return null;
  }
  if (o instanceof PyFrameObject) return frameAttr(o, name);
  if (o instanceof PyCode) {
    if (name === 'co_name') return ref(o.name);
    if (name === 'co_qualname') return ref(o.qualname);
    if (name === 'co_consts') return ref(o.constsTuple);
    if (name === 'co_filename') return newStr(vmFilename());
    return codeField(o, name);
  }
  if (o instanceof PyInt) {
    if (name === 'real' || name === 'numerator') return ref(o);
    if (name === 'imag') return newInt(0);
    if (name === 'denominator') return newInt(1);
  }
  if (o instanceof PyFloat && name === 'real') return ref(o);
  return null;
}

/** The plain fields of a code object: counts as ints, name lists as new tuples of str. */
function codeField(code: PyCode, name: string): PyObject | null {
  const co = code.co;
  const strs = (names: string[]): PyObject => newTuple(names.map((n) => newStr(n)));
  switch (name) {
    case 'co_argcount':
      return newInt(co.argcount);
    case 'co_posonlyargcount':
      return newInt(co.posonlyargcount);
    case 'co_kwonlyargcount':
      return newInt(co.kwonlyargcount);
    case 'co_nlocals':
      return newInt(co.nlocals);
    case 'co_stacksize':
      return newInt(co.stacksize);
    case 'co_flags':
      return newInt(co.flags);
    case 'co_firstlineno':
      return newInt(co.firstlineno);
    case 'co_varnames':
      return strs(co.varnames);
    case 'co_cellvars':
      return strs(co.cellvars);
    case 'co_freevars':
      return strs(co.freevars);
    case 'co_names':
      return strs(co.names);
  }
  return null;
}

function vmFilename(): string {
  return vm.filename;
}

function getName(o: PyObject): PyObject | null {
  if (o instanceof PyFunction) return ref(o.code.name);
  return null;
}

function typeAttr(t: PyType, name: string): PyObject | null {
  switch (name) {
    case '__name__':
      return newStr(t.name);
    case '__qualname__':
      return newStr(t.qualname);
    case '__module__':
      return newStr(t.module);
    case '__bases__':
      return newTuple(t.bases.map((b) => ref(b)));
    case '__mro__':
      return newTuple(t.mro.map((b) => ref(b)));
    case '__base__':
      return ref(t.base);
    case '__dict__':
      refuse('a class __dict__ (mappingproxy)');
  }
  return null;
}

function functionAttr(f: PyFunction, name: string): PyObject | null {
  switch (name) {
    case '__name__':
      return ref(f.code.name);
    case '__qualname__':
      return ref(f.qualname);
    case '__closure__':
      return ref(f.closure);
    case '__defaults__':
      return ref(f.defaults);
    case '__kwdefaults__':
      return ref(f.kwdefaults);
    case '__code__':
      return ref(f.code);
    case '__globals__':
      return ref(f.globals);
    case '__module__':
      return f.module ? ref(f.module) : none();
    case '__doc__':
      return ref(f.doc);
    case '__dict__':
      refuse('a function __dict__');
  }
  return null;
}

function generatorAttr(g: PyGenerator, name: string): PyObject | null {
  switch (name) {
    case 'gi_frame':
      if (g.state === 'closed') return none();
      return ref(frameObjectOf(g.frame));
    case 'gi_running':
      return bool(g.state === 'running');
    case '__name__':
      return ref(g.name);
    case '__qualname__':
      return ref(g.qualname);
    case 'gi_code':
      return ref(g.frame.code);
  }
  return null;
}

function frameAttr(f: PyFrameObject, name: string): PyObject | null {
  switch (name) {
    case 'f_back':
      if (f.owned) return ref(f.back);
      return f.frame.back ? ref(frameObjectOf(f.frame.back)) : none();
    case 'f_lineno':
      return newInt(f.frame.lineno);
    case 'f_code':
      return ref(f.frame.code);
    case 'f_locals':
      refuse('frame.f_locals');
  }
  return null;
}

function exceptionAttr(e: PyException, name: string): PyObject | null {
  switch (name) {
    case 'args':
      return ref(e.args);
    case '__traceback__':
      return ref(e.traceback);
    case '__context__':
      return ref(e.context);
    case '__cause__':
      return ref(e.cause);
    case '__suppress_context__':
      return bool(e.suppressContext);
    case 'value':
    case 'code':
      if (e.type.isSubtype(EXC[name === 'value' ? 'StopIteration' : 'SystemExit']!)) {
        return ref(e.args.items[0] ?? null);
      }
  }
  return null;
}

/** Stores `v` (borrowed) into a settable special attribute; false when there is none. */
export function setSpecialAttr(o: PyObject, name: string, v: PyObject): boolean {
  if (!(o instanceof PyException)) return false;
  const val = v === S.None ? null : v;
  if (val) val.rc++;
  let old: PyObject | null;
  if (name === '__traceback__') {
    old = o.traceback;
    o.traceback = val;
  } else if (name === '__context__') {
    old = o.context;
    o.context = val;
  } else if (name === '__cause__') {
    old = o.cause;
    o.cause = val;
    o.suppressContext = true;
  } else {
    if (val) decref(val);
    return false;
  }
  if (old) decref(old);
  return true;
}
