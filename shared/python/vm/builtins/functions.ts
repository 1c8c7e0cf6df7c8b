/** Builtin functions of the teaching subset (bltinmodule.c): print, len, isinstance, ... */
import {
  chr as pyChr,
  ord as pyOrd,
  roundTo,
  roundToInt,
  absolute,
  divmod as numDivmod,
} from '../../values/index.ts';
import { raise, refuse, PyRaise } from '../errors.ts';
import { decref, incref, type PyObject } from '../object.ts';
import type { Kwargs } from '../callables.ts';
import { PyDict } from '../dict.ts';
import type { Frame } from '../frame.ts';
import { PyCell } from '../callables.ts';
import { PyModule } from '../module.ts';
import { instanceState } from '../subinstance.ts';
import { bool, newInt, newStr, none, PyFloat, PyInt, PyStr, S } from '../scalars.ts';
import { newTuple, PyList, PyTuple } from '../containers.ts';
import { PyType } from '../type.ts';
import { EXC, T } from '../registry.ts';
import { userHashKind } from '../hashhooks.ts';
import { repr, str } from '../ops/repr.ts';
import { getAttr, setAttr, delAttr } from '../ops/attr.ts';
import { len } from '../ops/seq.ts';
import { getIter, iterNext, listFromIterable, PyIter } from '../ops/iter.ts';
import { binaryOp, boxNum, isTrue, richCompare } from '../ops/arith.ts';
import { callBorrowed, callSpecial } from '../ops/call.ts';
import { formatText } from '../ops/format.ts';
import { valueOp } from '../ops/valueerr.ts';
import { between, defineFunction, exact, isNone, kwArg, noKw, asInt } from './helpers.ts';
import { vm } from '../state.ts';
import { sortList } from './sort.ts';
import { PyGenerator } from '../generator.ts';
import { genSend } from '../ops/gen.ts';
import { stopIteration } from '../ops/exc.ts';
import { asciiEscape, modPow } from './textnum.ts';
import { buildClass, makeSuper } from './classes.ts';
import { stateDict } from '../instance.ts';
import { PyDictObj } from '../views.ts';
import { hashKey } from '../hashkey.ts';
import { noteStdoutWrite, withPrintArgs } from '../stdio.ts';

function writeOut(text: string, toErr: boolean): void {
  (toErr ? vm.err : vm.out).push(text);
}

function print(args: PyObject[], kw: Kwargs): PyObject {
  const sepO = kwArg(kw, 'sep');
  const endO = kwArg(kw, 'end');
  const file = kwArg(kw, 'file');
  const sep = isNone(sepO)
    ? ' '
    : sepO instanceof PyStr
      ? sepO.v
      : raise('TypeError', `sep must be None or a string, not ${sepO!.type.name}`);
  const end = isNone(endO)
    ? '\n'
    : endO instanceof PyStr
      ? endO.v
      : raise('TypeError', `end must be None or a string, not ${endO!.type.name}`);
  let toErr = false;
  if (!isNone(file)) {
    const name = vm.modules.get('sys') ? getStdName(file!) : null;
    if (name === null) refuse('print(file=...) to an object other than sys.stdout/sys.stderr');
    toErr = name === 'stderr';
  }
  // Each argument is written as soon as it is converted: a __str__ that prints shows after it.
  withPrintArgs(args, () => {
    args.forEach((a, i) => {
      if (i > 0) writeOut(sep, toErr);
      const text = str(a);
      if (!toErr) noteStdoutWrite();
      writeOut(text, toErr);
    });
    if (!toErr) noteStdoutWrite();
    writeOut(end, toErr);
  });
  return none();
}

function getStdName(file: PyObject): string | null {
  const sys = vm.modules.get('sys') as unknown as { dict: PyDict };
  if (sys.dict.getStr('stdout') === file) return 'stdout';
  if (sys.dict.getStr('stderr') === file) return 'stderr';
  return null;
}

function isinstanceOf(o: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => isinstanceOf(o, x));
  if (!(t instanceof PyType))
    raise('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  return o.type.isSubtype(t);
}

function issubclassOf(c: PyObject, t: PyObject): boolean {
  if (t instanceof PyTuple) return t.items.some((x) => issubclassOf(c, x));
  if (!(c instanceof PyType)) raise('TypeError', 'issubclass() arg 1 must be a class');
  if (!(t instanceof PyType))
    raise('TypeError', 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return c.isSubtype(t);
}

function attrName(o: PyObject): string {
  if (!(o instanceof PyStr))
    raise('TypeError', `attribute name must be string, not '${o.type.name}'`);
  return o.v;
}

/** Iterates `o`, calling `each` with borrowed items; stops early when it returns true. */
/**
 * PyEval_GetLocals: a module or class body's namespace, or a function frame's f_locals dict
 * refreshed from its fast locals (_PyFrame_FastToLocalsWithError: cells give their contents,
 * unbound names are removed). Borrowed.
 */
function frameLocals(f: Frame): PyDict {
  if (f.locals) return f.locals;
  const d = (f.fLocals ??= new PyDict());
  const co = f.code.co;
  const names = [...co.varnames, ...co.cellvars, ...co.freevars];
  const bound = new Map<string, PyObject>();
  names.forEach((name, i) => {
    let v = f.fast[i] ?? null;
    if (v instanceof PyCell && (i >= co.varnames.length || co.cellvars.includes(name))) v = v.ref;
    if (v) bound.set(name, v);
  });
  for (const name of names) {
    const v = bound.get(name);
    const key = newStr(name);
    if (v) d.set(key, incref(v));
    else {
      const e = d.take(key);
      decref(key);
      if (e) {
        decref(e.k);
        decref(e.v);
      }
    }
  }
  return d;
}

/** slot_tp_hash: a class's own `__hash__` must return an int (-1 becomes -2). */
function userHash(o: PyObject): PyObject {
  const r = callSpecial(o, '__hash__', [])!;
  if (!(r instanceof PyInt)) {
    decref(r);
    raise('TypeError', '__hash__ method should return an integer');
  }
  if (r.v !== -1n && r.type === T.int) return r;
  const v = r.v === -1n ? -2n : r.v;
  decref(r);
  return newInt(v);
}

export function forEach(o: PyObject, each: (v: PyObject) => boolean | void): void {
  const it = getIter(o);
  try {
    for (let v = iterNext(it); v !== null; v = iterNext(it)) {
      let stop: boolean | void;
      try {
        stop = each(v);
      } finally {
        decref(v);
      }
      if (stop) return;
    }
  } finally {
    decref(it);
  }
}

function minMax(name: 'min' | 'max', args: PyObject[], kw: Kwargs): PyObject {
  const key = kwArg(kw, 'key');
  const dflt = kwArg(kw, 'default');
  const source = args.length === 1 ? args[0]! : newTuple(args.map((a) => (a.rc++, a)));
  if (args.length === 0) raise('TypeError', `${name} expected at least 1 argument, got 0`);
  let best: PyObject | null = null;
  let bestKey: PyObject | null = null;
  try {
    forEach(source, (v) => {
      const k = isNone(key) ? (v.rc++, v) : callBorrowed(key!, [v]);
      if (bestKey === null) {
        v.rc++;
        best = v;
        bestKey = k;
        return;
      }
      const c = richCompare(k, bestKey, name === 'min' ? 0 : 4);
      const better = isTrue(c);
      decref(c);
      if (better) {
        decref(best!);
        decref(bestKey);
        v.rc++;
        best = v;
        bestKey = k;
      } else decref(k);
    });
  } finally {
    if (args.length !== 1) decref(source);
    if (bestKey) decref(bestKey);
  }
  if (best === null) {
    if (dflt) {
      dflt.rc++;
      return dflt;
    }
    raise('ValueError', `${name}() arg is an empty sequence`);
  }
  return best;
}

function lazyIter(kind: string, srcs: PyObject[], step: (it: PyIter) => PyObject | null): PyIter {
  const it = new PyIter(kind, null, step);
  it.extra = srcs;
  return it;
}

export function defineFunctions(b: PyDict): void {
  defineFunction(b, 'print', print);
  defineFunction(b, 'len', (a, kw) => (exact('len', a, 1, kw), newInt(len(a[0]!)!)));
  defineFunction(b, 'repr', (a, kw) => (exact('repr', a, 1, kw), newStr(repr(a[0]!))));
  defineFunction(b, 'ascii', (a) => newStr(asciiEscape(repr(a[0]!))));
  defineFunction(
    b,
    'id',
    (a, kw) => (exact('id', a, 1, kw), newInt(140000000000000 + a[0]!.id * 16)),
  );
  defineFunction(b, 'hash', (a) => {
    const o = a[0]!;
    if (o.type.isHeap && userHashKind(o) === 'custom') return userHash(o);
    if (o instanceof PyInt) return newInt(valueOp(() => o.v));
    hashKey(o);
    if (o instanceof PyFloat && Number.isInteger(o.v)) return newInt(BigInt(o.v));
    refuse('hash() of a value whose hash CPython randomises or derives from its address');
  });
  defineFunction(
    b,
    'isinstance',
    (a, kw) => (exact('isinstance', a, 2, kw), bool(isinstanceOf(a[0]!, a[1]!))),
  );
  defineFunction(
    b,
    'issubclass',
    (a, kw) => (exact('issubclass', a, 2, kw), bool(issubclassOf(a[0]!, a[1]!))),
  );
  defineFunction(b, 'hasattr', (a) => {
    try {
      decref(getAttr(a[0]!, attrName(a[1]!)));
      return bool(true);
    } catch (e) {
      if (e instanceof PyRaise && e.exc.type.isSubtype(EXC.AttributeError!)) {
        decref(e.exc);
        return bool(false);
      }
      throw e;
    }
  });
  defineFunction(b, 'getattr', (a) => {
    between('getattr', a, 2, 3);
    try {
      return getAttr(a[0]!, attrName(a[1]!));
    } catch (e) {
      if (a.length === 3 && e instanceof PyRaise && e.exc.type.isSubtype(EXC.AttributeError!)) {
        decref(e.exc);
        a[2]!.rc++;
        return a[2]!;
      }
      throw e;
    }
  });
  defineFunction(
    b,
    'setattr',
    (a) => (exact('setattr', a, 3), setAttr(a[0]!, attrName(a[1]!), a[2]!), none()),
  );
  defineFunction(
    b,
    'delattr',
    (a) => (exact('delattr', a, 2), delAttr(a[0]!, attrName(a[1]!)), none()),
  );
  defineFunction(b, 'callable', (a) => {
    const o = a[0]!;
    const t = o.type;
    return bool(
      t === b.getStr('len')!.type ||
        t.name.includes('function') ||
        t.name === 'method' ||
        o instanceof PyType ||
        t.lookup('__call__') !== null ||
        t.name === 'method_descriptor',
    );
  });
  defineFunction(b, 'abs', (a) => {
    const o = a[0]!;
    if (o instanceof PyInt || o instanceof PyFloat)
      return boxNum(absolute(o instanceof PyInt ? o.v : o.v));
    raise('TypeError', `bad operand type for abs(): '${o.type.name}'`);
  });
  defineFunction(b, 'sum', (a, kw) => {
    between('sum', a, 1, 2);
    let total: PyObject = a[1] ?? kwArg(kw, 'start') ?? newInt(0);
    if (a[1] || kwArg(kw, 'start')) total.rc++;
    if (total instanceof PyStr)
      raise('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
    forEach(a[0]!, (v) => {
      const next = binaryOp(0, total, v);
      decref(total);
      total = next;
    });
    return total;
  });
  defineFunction(b, 'min', (a, kw) => minMax('min', a, kw));
  defineFunction(b, 'max', (a, kw) => minMax('max', a, kw));
  defineFunction(b, 'sorted', (a, kw) => {
    exact('sorted', a, 1);
    const l = listFromIterable(a[0]!);
    try {
      sortList(l, kwArg(kw, 'key'), kwArg(kw, 'reverse'));
    } catch (e) {
      decref(l);
      throw e;
    }
    return l;
  });
  defineFunction(b, 'any', (a) => {
    let r = false;
    forEach(a[0]!, (v) => (r = isTrue(v)));
    return bool(r);
  });
  defineFunction(b, 'all', (a) => {
    let r = true;
    forEach(a[0]!, (v) => !(r = isTrue(v)));
    return bool(r);
  });
  defineFunction(b, 'iter', (a) => (exact('iter', a, 1), getIter(a[0]!)));
  defineFunction(b, 'next', (a) => {
    between('next', a, 1, 2);
    const it = a[0]!;
    if (!(it instanceof PyIter) && it.type.name !== 'generator' && !it.type.lookup('__next__')) {
      raise('TypeError', `'${it.type.name}' object is not an iterator`);
    }
    if (it instanceof PyGenerator && !a[1]) {
      // gen_iternext: a generator's return value travels in the StopIteration.
      const r = genSend(it, none());
      return r.done ? stopIteration(r.value) : r.value;
    }
    const v = iterNext(it);
    if (v) return v;
    if (a[1]) {
      a[1].rc++;
      return a[1];
    }
    raise('StopIteration');
  });
  defineFunction(b, 'enumerate', (a, kw) => {
    const start = a[1] ?? kwArg(kw, 'start');
    let n = start ? asInt(start) : 0n;
    const src = getIter(a[0]!);
    return lazyIter('enumerate', [src], () => {
      const v = iterNext(src);
      if (v === null) return null;
      return newTuple([newInt(n++), v]);
    });
  });
  defineFunction(b, 'zip', (a, kw) => {
    noKw('zip', kw);
    const its = a.map(getIter);
    return lazyIter('zip', its, () => {
      if (its.length === 0) return null;
      const items: PyObject[] = [];
      for (const it of its) {
        const v = iterNext(it);
        if (v === null) {
          for (const x of items) decref(x);
          return null;
        }
        items.push(v);
      }
      return newTuple(items);
    });
  });
  defineFunction(b, 'map', (a) => {
    const f = a[0]!;
    f.rc++;
    const its = a.slice(1).map(getIter);
    return lazyIter('map', [f, ...its], () => {
      const items: PyObject[] = [];
      for (const it of its) {
        const v = iterNext(it);
        if (v === null) {
          for (const x of items) decref(x);
          return null;
        }
        items.push(v);
      }
      try {
        return callBorrowed(f, items);
      } finally {
        for (const x of items) decref(x);
      }
    });
  });
  defineFunction(b, 'filter', (a) => {
    const f = a[0]!;
    f.rc++;
    const it = getIter(a[1]!);
    return lazyIter('filter', [f, it], () => {
      for (let v = iterNext(it); v !== null; v = iterNext(it)) {
        let keep: boolean;
        if (f === S.None) keep = isTrue(v);
        else {
          const r = callBorrowed(f, [v]);
          keep = isTrue(r);
          decref(r);
        }
        if (keep) return v;
        decref(v);
      }
      return null;
    });
  });
  defineFunction(b, 'reversed', (a) => {
    const o = a[0]!;
    const l = o instanceof PyList || o instanceof PyTuple ? o : null;
    if (!l) {
      const items = listFromIterable(o);
      items.items.reverse();
      const it = getIter(items);
      decref(items);
      return it;
    }
    const it = new PyIter(o instanceof PyList ? 'list_reverseiterator' : 'reversed', l, (self) => {
      const items = (self.src as PyList).items;
      const idx = items.length - 1 - self.pos++;
      if (idx < 0) return null;
      items[idx]!.rc++;
      return items[idx]!;
    });
    return it;
  });
  defineFunction(b, 'chr', (a) => newStr(valueOp(() => pyChr(asInt(a[0]!)))));
  defineFunction(b, 'ord', (a) => {
    const o = a[0]!;
    if (!(o instanceof PyStr))
      raise('TypeError', `ord() expected string of length 1, but ${o.type.name} found`);
    return newInt(valueOp(() => pyOrd(o.v)));
  });
  defineFunction(b, 'round', (a, kw) => {
    const x = a[0]!;
    const nd = a[1] ?? kwArg(kw, 'ndigits');
    if (!(x instanceof PyInt || x instanceof PyFloat))
      raise('TypeError', `type ${x.type.name} doesn't define __round__ method`);
    if (isNone(nd)) return newInt(valueOp(() => roundToInt(x.v)));
    return boxNum(valueOp(() => roundTo(x.v, asInt(nd!))));
  });
  defineFunction(b, 'divmod', (a) => {
    const [x, y] = a as [PyInt | PyFloat, PyInt | PyFloat];
    const [q, r] = valueOp(() => numDivmod(x.v, y.v));
    return newTuple([boxNum(q), boxNum(r)]);
  });
  defineFunction(b, 'pow', (a) =>
    a.length === 3 ? modPow(a[0]!, a[1]!, a[2]!) : binaryOp(8, a[0]!, a[1]!),
  );
  defineFunction(b, 'format', (a) =>
    newStr(formatText(a[0]!, a[1] instanceof PyStr ? a[1].v : '')),
  );
  defineFunction(b, 'hex', (a) => newStr(radix(asInt(a[0]!), 16, '0x')));
  defineFunction(b, 'bin', (a) => newStr(radix(asInt(a[0]!), 2, '0b')));
  defineFunction(b, 'oct', (a) => newStr(radix(asInt(a[0]!), 8, '0o')));
  defineFunction(b, 'globals', () => {
    const g = vm.frame!.globals;
    g.rc++;
    return g;
  });
  defineFunction(b, 'locals', () => incref(frameLocals(vm.frame!)));
  defineFunction(b, 'vars', (a) => {
    if (a.length === 0) return incref(frameLocals(vm.frame!));
    const o = a[0]!;
    const inst = instanceState(o);
    if (inst && (inst.attrs || inst.dict || inst.cls.hasDict)) return incref(stateDict(inst));
    if (o instanceof PyModule) return incref(o.dict);
    raise('TypeError', 'vars() argument must have __dict__ attribute');
  });
  defineFunction(b, '__build_class__', (a, kw) => buildClass(a, kw));
  defineFunction(b, 'input', () => refuse('input()'));
  defineFunction(b, 'open', () => refuse('open()'));
  defineFunction(b, 'exec', () => refuse('exec()'));
  defineFunction(b, 'eval', () => refuse('eval()'));
  void makeSuper;
  void PyDictObj;
}

function radix(n: bigint, base: number, prefix: string): string {
  return n < 0n ? `-${prefix}${(-n).toString(base)}` : `${prefix}${n.toString(base)}`;
}
