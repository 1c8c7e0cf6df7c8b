/** FORMAT_VALUE and format(): conversions (!s !r !a), then `__format__` with a spec. */
import { formatValue as formatNative, asciiValue } from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import { newStr, PyFloat, PyInt, PyStr } from '../scalars.ts';
import { T } from '../registry.ts';
import { repr, str } from './repr.ts';
import { callSpecial } from './call.ts';
import { valueOp } from './valueerr.ts';

/** format(v, spec) as a JS string. */
export function formatText(v: PyObject, spec: string): string {
  if (v.type.isHeap) {
    const specObj = newStr(spec);
    try {
      const r = callSpecial(v, '__format__', [specObj]);
      if (r) {
        const s = (r as PyStr).v;
        decref(r);
        return s;
      }
    } finally {
      decref(specObj);
    }
    // object.__format__, bound to `v` (one more reference while it runs): str(v) for ''.
    v.rc++;
    try {
      if (spec === '') return str(v);
    } finally {
      v.rc--;
    }
  }
  if (spec === '') return str(v);
  if (v instanceof PyStr) return valueOp(() => formatNative(v.v, spec));
  if (v instanceof PyInt) {
    const n = v.type === T.bool ? v.v !== 0n : v.v;
    if (v.type === T.bool && spec !== '' && !/[bcdoxXneEfFgG%]$/.test(spec))
      return valueOp(() => formatNative(str(v), spec));
    return valueOp(() => formatNative(n, spec));
  }
  if (v instanceof PyFloat) return valueOp(() => formatNative(v.v, spec));
  raise('TypeError', `unsupported format string passed to ${v.type.name}.__format__`);
}

/** FORMAT_VALUE: `conv` 0 none, 1 !s, 2 !r, 3 !a; a new str reference. */
export function formatValue(v: PyObject, conv: number, spec: PyStr | null): PyObject {
  let value = v;
  let owned: PyObject | null = null;
  if (conv === 1) owned = value = newStr(str(v));
  else if (conv === 2) owned = value = newStr(repr(v));
  else if (conv === 3) {
    const r = repr(v);
    owned = value = newStr(asciiValue({ typeName: v.type.name, str: r, repr: r }));
  }
  try {
    const s = spec?.v ?? '';
    if (s === '' && value instanceof PyStr) {
      value.rc++;
      return value;
    }
    return newStr(formatText(value, s));
  } finally {
    if (owned) decref(owned);
  }
}
