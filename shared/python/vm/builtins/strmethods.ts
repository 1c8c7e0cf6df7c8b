/** str methods (unicodeobject.c), over the value layer's string functions. */
import { window } from './window.ts';
import { markVarargs } from '../ops/tpcall.ts';
import * as V from '../../values/index.ts';
import { raise } from '../errors.ts';
import { decref, type PyObject } from '../object.ts';
import type { Kwargs, NativeFn } from '../callables.ts';
import type { PyInt } from '../scalars.ts';
import { bool, newInt, newStr, PyStr } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { T } from '../registry.ts';
import { valueOp } from '../ops/valueerr.ts';
import { getAttr } from '../ops/attr.ts';
import { getItem } from '../ops/seq.ts';
import { formatText } from '../ops/format.ts';
import { repr, str } from '../ops/repr.ts';
import { asInt, defineMethods, isNone } from './helpers.ts';
import { forEach } from './functions.ts';

function s(self: PyObject | null): string {
  return (self as PyStr).v;
}

function optStr(o: PyObject | undefined, what: string): string | null {
  if (isNone(o)) return null;
  if (!(o instanceof PyStr)) raise('TypeError', `${what} arg must be None or str`);
  return o.v;
}

function strArg(o: PyObject | undefined, name: string): string {
  if (!(o instanceof PyStr))
    raise('TypeError', `${name} must be str, not ${o ? o.type.name : 'nothing'}`);
  return o.v;
}

function strList(items: string[]): PyList {
  return new PyList(items.map(newStr));
}

function affix(o: PyObject, name: string): string | string[] {
  if (o instanceof PyStr) return o.v;
  if (o instanceof PyTuple)
    return o.items.map((x) => strArg(x, `tuple for ${name} must only contain str, not`));
  raise('TypeError', `${name} first arg must be str or a tuple of str, not ${o.type.name}`);
}

/** str.format: fields looked up in positional/keyword arguments, attributes and items. */
function strFormat(template: string, args: PyObject[], kw: Kwargs): string {
  let auto = 0;
  let out = '';
  for (const chunk of valueOp(() => V.parseFormatString(template))) {
    out += chunk.literal;
    const field = chunk.field;
    if (!field) continue;
    const { first, rest } = valueOp(() => V.splitFieldName(field.name));
    let obj: PyObject;
    if (first === '') {
      obj =
        args[auto++] ??
        raise('IndexError', `Replacement index ${auto - 1} out of range for positional args tuple`);
      obj.rc++;
    } else if (typeof first === 'bigint') {
      obj =
        args[Number(first)] ??
        raise('IndexError', `Replacement index ${first} out of range for positional args tuple`);
      obj.rc++;
    } else {
      const v = kw?.get(first);
      if (!v) raise('KeyError', `'${first}'`);
      obj = v;
      obj.rc++;
    }
    for (const k of rest) {
      const key =
        'attr' in k ? null : typeof k.index === 'bigint' ? newInt(k.index) : newStr(k.index);
      const next = 'attr' in k ? getAttr(obj, k.attr) : getItem(obj, key!);
      if (key) decref(key);
      decref(obj);
      obj = next;
    }
    let text: string;
    try {
      const conv = field.conversion;
      const converted = conv === 'r' ? newStr(repr(obj)) : conv === 's' ? newStr(str(obj)) : null;
      text = formatText(converted ?? obj, field.spec);
      if (converted) decref(converted);
    } finally {
      decref(obj);
    }
    out += text;
  }
  return out;
}

/**
 * Runs `body` on `self[start:end]` (arguments 1 and 2 of `a`, in code points); `beyond` answers
 * when start is past the end of the string.
 */
function inWindow<R>(
  self: PyObject | null,
  a: PyObject[],
  body: (text: string) => R,
  beyond: R,
): R {
  const points = [...s(self)];
  const [start, end] = window(points.length, a[1], a[2]);
  if (start > points.length || start > end) return beyond;
  return body(points.slice(start, Math.max(start, end)).join(''));
}

function findIn(self: PyObject | null, a: PyObject[], name: string, fromRight: boolean): number {
  const sub = strArg(a[0], `${name}() argument`);
  const points = [...s(self)];
  const [start, end] = window(points.length, a[1], a[2]);
  if (start > points.length || end - start < [...sub].length) return -1;
  const i = V.strFind(points.slice(start, end).join(''), sub, fromRight);
  return i < 0 ? -1 : i + start;
}

function indexOf(self: PyObject | null, a: PyObject[], name: string, fromRight: boolean): number {
  const i = findIn(self, a, name, fromRight);
  if (i < 0) raise('ValueError', 'substring not found');
  return i;
}

const METHODS: Record<string, NativeFn> = {
  upper: (_a, _k, self) => newStr(V.strUpper(s(self))),
  lower: (_a, _k, self) => newStr(V.strLower(s(self))),
  title: (_a, _k, self) => newStr(V.strTitle(s(self))),
  capitalize: (_a, _k, self) => newStr(V.strCapitalize(s(self))),
  swapcase: (_a, _k, self) => newStr(V.strSwapcase(s(self))),
  strip: (a, _k, self) => newStr(V.strStrip(s(self), optStr(a[0], 'strip'), 'both')),
  lstrip: (a, _k, self) => newStr(V.strStrip(s(self), optStr(a[0], 'lstrip'), 'left')),
  rstrip: (a, _k, self) => newStr(V.strStrip(s(self), optStr(a[0], 'rstrip'), 'right')),
  split: (a, k, self) =>
    strList(
      valueOp(() =>
        V.strSplit(
          s(self),
          optStr(a[0] ?? k?.get('sep'), 'split'),
          Number(a[1] ? asInt(a[1]) : k?.get('maxsplit') ? asInt(k.get('maxsplit')!) : -1n),
        ),
      ),
    ),
  rsplit: (a, k, self) =>
    strList(
      valueOp(() =>
        V.strRsplit(
          s(self),
          optStr(a[0] ?? k?.get('sep'), 'rsplit'),
          Number(a[1] ? asInt(a[1]) : -1n),
        ),
      ),
    ),
  splitlines: (a, _k, self) =>
    strList(V.strSplitlines(s(self), a[0] ? a[0] !== null && (a[0] as PyInt).v !== 0n : false)),
  join: (a, _k, self) => {
    const parts: string[] = [];
    forEach(a[0]!, (v) => {
      if (!(v instanceof PyStr))
        raise(
          'TypeError',
          `sequence item ${parts.length}: expected str instance, ${v.type.name} found`,
        );
      parts.push(v.v);
    });
    return newStr(parts.join(s(self)));
  },
  replace: (a, _k, self) =>
    newStr(
      V.strReplace(
        s(self),
        strArg(a[0], 'replace() argument 1'),
        strArg(a[1], 'replace() argument 2'),
        a[2] ? Number(asInt(a[2])) : -1,
      ),
    ),
  startswith: (a, _k, self) =>
    bool(inWindow(self, a, (t) => V.strStartswith(t, affix(a[0]!, 'startswith')), false)),
  endswith: (a, _k, self) =>
    bool(inWindow(self, a, (t) => V.strEndswith(t, affix(a[0]!, 'endswith')), false)),
  find: (a, _k, self) => newInt(findIn(self, a, 'find', false)),
  rfind: (a, _k, self) => newInt(findIn(self, a, 'rfind', true)),
  index: (a, _k, self) => newInt(indexOf(self, a, 'index', false)),
  rindex: (a, _k, self) => newInt(indexOf(self, a, 'rindex', true)),
  count: (a, _k, self) =>
    newInt(inWindow(self, a, (t) => V.strCount(t, strArg(a[0], 'count() argument')), 0)),
  format: (a, k, self) => newStr(strFormat(s(self), a, k)),
  isdigit: (_a, _k, self) => bool(V.strIsdigit(s(self))),
  isdecimal: (_a, _k, self) => bool(V.strIsdecimal(s(self))),
  isnumeric: (_a, _k, self) => bool(V.strIsdigit(s(self))),
  isalpha: (_a, _k, self) => bool(V.strIsalpha(s(self))),
  isalnum: (_a, _k, self) => bool(V.strIsalnum(s(self))),
  isspace: (_a, _k, self) => bool(V.strIsspace(s(self))),
  isupper: (_a, _k, self) => bool(V.strIsupper(s(self))),
  islower: (_a, _k, self) => bool(V.strIslower(s(self))),
  isidentifier: (_a, _k, self) => bool(V.strIsidentifier(s(self))),
  center: (a, _k, self) =>
    newStr(V.strCenter(s(self), Number(asInt(a[0]!)), a[1] ? (a[1] as PyStr).v : ' ')),
  ljust: (a, _k, self) =>
    newStr(V.strLjust(s(self), Number(asInt(a[0]!)), a[1] ? (a[1] as PyStr).v : ' ')),
  rjust: (a, _k, self) =>
    newStr(V.strRjust(s(self), Number(asInt(a[0]!)), a[1] ? (a[1] as PyStr).v : ' ')),
  zfill: (a, _k, self) => newStr(V.strZfill(s(self), Number(asInt(a[0]!)))),
  partition: (a, _k, self) =>
    newTuple(
      valueOp(() => V.strPartition(s(self), strArg(a[0], 'partition() argument'))).map(newStr),
    ),
  rpartition: (a, _k, self) =>
    newTuple(
      valueOp(() => V.strPartition(s(self), strArg(a[0], 'rpartition() argument'), true)).map(
        newStr,
      ),
    ),
  removeprefix: (a, _k, self) => {
    const p = strArg(a[0], 'removeprefix() argument');
    const t = s(self);
    return newStr(t.startsWith(p) ? t.slice(p.length) : t);
  },
  removesuffix: (a, _k, self) => {
    const p = strArg(a[0], 'removesuffix() argument');
    const t = s(self);
    return newStr(p && t.endsWith(p) ? t.slice(0, t.length - p.length) : t);
  },
};

markVarargs(METHODS.format!); // str.format is METH_VARARGS | METH_KEYWORDS

export function installStrMethods(): void {
  defineMethods(T.str, METHODS);
}
