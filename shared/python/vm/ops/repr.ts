/**
 * repr() and str() of every object kind, with user `__repr__`/`__str__` called through the
 * eval loop. Addresses (`<... object at 0x...>`) are not deterministic in CPython; we print a
 * stable stand-in derived from the object's serial (programs printing them are outside the
 * subset).
 */
import { bytesRepr, floatRepr, intToStr, strRepr } from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { PyBytes, PyFloat, PyInt, PyNone, PyStr, S } from '../scalars.ts';
import { PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyType } from '../type.ts';
import { PyBuiltin, PyCell, PyCode, PyFunction, PyMethod, PyMethodDescr } from '../callables.ts';
import { PyException } from '../instance.ts';
import { PyModule } from '../module.ts';
import { PyGenerator } from '../generator.ts';
import { callSpecial } from './call.ts';
import { EXC, T } from '../registry.ts';
import { reprExtra } from './reprextra.ts';
import { PyDictView } from '../views.ts';
import { PyRange } from '../range.ts';
import { PyDescriptor } from '../descr.ts';
import { noteReprEnter } from '../stdio.ts';

const active = new Set<PyObject>();

function address(o: PyObject): string {
  return '0x7f' + (0x10000000 + o.id * 48).toString(16).padStart(10, '0');
}

function withGuard(o: PyObject, open: string, body: () => string): string {
  noteReprEnter();
  if (active.has(o)) return open === '[' ? '[...]' : open === '{' ? '{...}' : '(...)';
  active.add(o);
  try {
    return body();
  } finally {
    active.delete(o);
  }
}

function userText(o: PyObject, name: '__repr__' | '__str__'): string | null {
  const r = callSpecial(o, name, []);
  if (r === null) return null;
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    raise('TypeError', `${name} returned non-string (type ${tn})`);
  }
  const s = r.v;
  decref(r);
  return s;
}

export function repr(o: PyObject): string {
  if (o.type.isHeap && !(o instanceof PyException)) {
    const u = userText(o, '__repr__');
    if (u !== null) return u;
  }
  return builtinRepr(o);
}

/** The repr of the builtin layout (`object.__repr__`, `list.__repr__`, ...), ignoring the class's own. */
export function builtinRepr(o: PyObject): string {
  if (o instanceof PyStr) return strRepr(o.v);
  if (o instanceof PyInt) {
    if (o.type === T.bool) return o.v ? 'True' : 'False';
    return intToStr(o.v);
  }
  if (o instanceof PyFloat) return floatRepr(o.v);
  if (o instanceof PyNone) return 'None';
  // list_repr and tuple_repr answer an empty container before Py_ReprEnter.
  if (o instanceof PyList && o.items.length === 0) return '[]';
  if (o instanceof PyTuple && o.items.length === 0) return '()';
  if (o instanceof PyList) return withGuard(o, '[', () => `[${o.items.map(repr).join(', ')}]`);
  if (o instanceof PyTuple) {
    return withGuard(o, '(', () =>
      o.items.length === 1 ? `(${repr(o.items[0]!)},)` : `(${o.items.map(repr).join(', ')})`,
    );
  }
  if (o instanceof PyDict) {
    return withGuard(o, '{', () => {
      const parts: string[] = [];
      for (const e of o.map.values()) parts.push(`${repr(e.k)}: ${repr(e.v)}`);
      return `{${parts.join(', ')}}`;
    });
  }
  if (o instanceof PySet) {
    const name = o.type.name;
    if (o.elems.size === 0) return `${name}()`;
    return withGuard(o, '{', () => {
      const body = `{${o.ordered().map(repr).join(', ')}}`;
      return o.type === T.set ? body : `${name}(${body})`;
    });
  }
  if (o instanceof PyDictView) {
    return withGuard(o, '(', () => {
      const parts: string[] = [];
      for (const e of o.dict.map.values()) {
        parts.push(
          o.kind === 'keys'
            ? repr(e.k)
            : o.kind === 'values'
              ? repr(e.v)
              : `(${repr(e.k)}, ${repr(e.v)})`,
        );
      }
      return `${o.type.name}([${parts.join(', ')}])`;
    });
  }
  if (o instanceof PyRange) {
    return o.step === 1n
      ? `range(${o.start}, ${o.stop})`
      : `range(${o.start}, ${o.stop}, ${o.step})`;
  }
  if (o instanceof PyBytes) return bytesRepr(Array.from(o.v, (c) => c.charCodeAt(0)));
  if (o instanceof PyException) return exceptionRepr(o);
  if (o instanceof PyType) return `<class '${typeQualName(o)}'>`;
  if (o instanceof PyFunction) return `<function ${o.qualname.v} at ${address(o)}>`;
  if (o instanceof PyMethod) {
    return `<bound method ${funcQualName(o.func)} of ${repr(o.self)}>`;
  }
  if (o instanceof PyBuiltin) {
    if (o.self && !(o.self instanceof PyModule)) {
      return `<built-in method ${o.name} of ${o.self.type.name} object at ${address(o.self)}>`;
    }
    return `<built-in function ${o.name}>`;
  }
  if (o instanceof PyMethodDescr) return `<method '${o.name}' of '${o.owner.name}' objects>`;
  if (o instanceof PyModule) return `<module '${o.name}' (built-in)>`;
  if (o instanceof PyCell) {
    return o.ref
      ? `<cell at ${address(o)}: ${o.ref.type.name} object at ${address(o.ref)}>`
      : `<cell at ${address(o)}: empty>`;
  }
  if (o instanceof PyCode)
    return `<code object ${o.co.name} at ${address(o)}, file "x", line ${o.co.firstlineno}>`;
  if (o instanceof PyGenerator) return `<generator object ${o.qualname.v} at ${address(o)}>`;
  if (o instanceof PyDescriptor) return o.repr();
  if (o === S.Ellipsis) return 'Ellipsis';
  if (o === S.NotImplemented) return 'NotImplemented';
  const extra = reprExtra(o);
  if (extra !== null) return extra;
  return `<${typeQualName(o.type)} object at ${address(o)}>`;
}

function funcQualName(f: PyObject): string {
  return f instanceof PyFunction ? f.qualname.v : repr(f);
}

function typeQualName(t: PyType): string {
  return t.module === 'builtins' ? t.qualname : `${t.module}.${t.qualname}`;
}

function exceptionRepr(e: PyException): string {
  const u = e.cls.isHeap ? userText(e, '__repr__') : null;
  if (u !== null) return u;
  const args = e.args.items;
  const inner = args.length === 1 ? repr(args[0]!) : args.map(repr).join(', ');
  return `${e.cls.name}(${inner})`;
}

export function str(o: PyObject): string {
  if (o.type.isHeap) {
    const u = userText(o, '__str__');
    if (u !== null) return u;
  }
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyException) {
    const args = o.args.items;
    if (o.type.isSubtype(T.BaseException) && o.cls.lookup('__str__') === null) {
      if (args.length === 0) return '';
      if (args.length === 1) {
        if (o.type.isSubtype(EXC.KeyError!)) return repr(args[0]!);
        return str(args[0]!);
      }
      return repr(o.args);
    }
  }
  return repr(o);
}
