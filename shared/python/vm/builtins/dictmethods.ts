/** dict methods (dictobject.c): get, keys/values/items views, pop, setdefault, update, ... */
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { PyBuiltin, type NativeFn } from '../callables.ts';
import { newStr, none, S } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { T } from '../registry.ts';
import { keyError } from '../ops/seq.ts';
import { unpackSequence } from '../ops/iter.ts';
import { PyDictView } from '../views.ts';
import { defineMethods } from './helpers.ts';
import { forEach } from './functions.ts';

function d(self: PyObject | null): PyDict {
  return self as PyDict;
}

/** dict.update(other) / dict(other): a mapping or an iterable of pairs. */
export function dictUpdateFrom(dict: PyDict, other: PyObject): void {
  if (other instanceof PyDict) {
    for (const e of [...other.map.values()]) {
      e.k.rc++;
      e.v.rc++;
      dict.set(e.k, e.v);
    }
    return;
  }
  forEach(other, (item) => {
    if (!(item instanceof PyTuple || item instanceof PyList)) {
      raise('TypeError', `cannot convert dictionary update sequence element #0 to a sequence`);
    }
    const [k, v] = unpackSequence(item, 2);
    dict.set(k!, v!);
  });
}

const DICT: Record<string, NativeFn> = {
  get: (a, _k, self) => {
    const v = d(self).get(a[0]!) ?? a[1] ?? null;
    if (!v) return none();
    v.rc++;
    return v;
  },
  keys: (_a, _k, self) => new PyDictView(d(self), 'keys'),
  values: (_a, _k, self) => new PyDictView(d(self), 'values'),
  items: (_a, _k, self) => new PyDictView(d(self), 'items'),
  pop: (a, _k, self) => {
    const e = d(self).take(a[0]!);
    if (e) {
      decref(e.k);
      return e.v;
    }
    if (a[1]) {
      a[1].rc++;
      return a[1];
    }
    keyError(a[0]!);
  },
  popitem: (_a, _k, self) => {
    const dict = d(self);
    const last = [...dict.map.keys()].pop();
    if (last === undefined) raise('KeyError', 'popitem(): dictionary is empty');
    const e = dict.map.get(last)!;
    dict.map.delete(last);
    return newTuple([e.k, e.v]);
  },
  setdefault: (a, _k, self) => {
    const dict = d(self);
    const v = dict.get(a[0]!);
    if (v) {
      v.rc++;
      return v;
    }
    const dflt = a[1] ?? none();
    if (a[1]) dflt.rc++;
    a[0]!.rc++;
    dflt.rc++;
    dict.set(a[0]!, dflt);
    return dflt;
  },
  update: (a, k, self) => {
    if (a[0]) dictUpdateFrom(d(self), a[0]);
    if (k) {
      for (const [name, v] of k) {
        v.rc++;
        d(self).set(newStr(name), v);
      }
    }
    return none();
  },
  clear: (_a, _k, self) => {
    d(self).clear();
    return none();
  },
  copy: (_a, _k, self) => {
    const src = d(self);
    const out = new PyDict();
    for (const e of src.map.values()) {
      e.k.rc++;
      e.v.rc++;
      out.set(e.k, e.v);
    }
    return out;
  },
};

/** dict.fromkeys(iterable, value=None): a classmethod, so a builtin bound to the type. */
const fromkeys: NativeFn = (a) => {
  if (a.length < 1 || a.length > 2) {
    raise('TypeError', `fromkeys expected at least 1 argument, got ${a.length}`);
  }
  const value = a[1] ?? S.None;
  const out = new PyDict();
  try {
    forEach(a[0]!, (k) => {
      k.rc++;
      value.rc++;
      out.set(k, value);
    });
  } catch (e) {
    decref(out);
    throw e;
  }
  return out;
};

export function installDictMethods(): void {
  defineMethods(T.dict, DICT);
  T.dict.dict.set(newStr('fromkeys'), new PyBuiltin('fromkeys', fromkeys, T.dict));
}
