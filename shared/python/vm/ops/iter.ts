/**
 * Iteration: iterator objects of the builtin kinds (each drops its reference to the iterated
 * object once exhausted, as CPython's do), getIter/iterNext (user `__iter__`/`__next__`,
 * generators), and the helpers built on them: list from iterable, unpacking.
 */
import type { GcObject } from '../gcobject.ts';
import { raise, PyRaise } from '../errors.ts';
import { decref, PyObject, xdecref } from '../object.ts';
import { newInt, newStr, none, PyBytes, PyStr } from '../scalars.ts';
import { PyList, PyTuple } from '../containers.ts';
import { PyDict } from '../dict.ts';
import { PySet } from '../set.ts';
import { PyRange } from '../range.ts';
import { PyDictView } from '../views.ts';
import { EXC } from '../registry.ts';
import { PyType } from '../type.ts';
import { PyGenerator } from '../generator.ts';
import { codePoints } from '../../values/index.ts';
import { callOverride, callSpecial } from './call.ts';
import { genSend } from './gen.ts';
import { newTuple } from '../containers.ts';

const iterTypes = new Map<string, PyType>();

function iterType(name: string): PyType {
  let t = iterTypes.get(name);
  if (!t) {
    t = new PyType(name, [], false);
    t.rc = 1 << 28;
    iterTypes.set(name, t);
  }
  return t;
}

export function resetIterTypes(): void {
  iterTypes.clear();
}

/** A builtin iterator: `step` returns the next item (new reference) or null when exhausted. */
export class PyIter extends PyObject {
  src: PyObject | null;
  kind: string;
  step: (it: PyIter) => PyObject | null;
  pos = 0;
  /** Length for __length_hint__ of iterators that do not keep their source. */
  hint: number | null = null;
  extra: PyObject[] = [];
  constructor(
    kind: string,
    src: PyObject | null,
    step: (it: PyIter) => PyObject | null,
    gc = true,
  ) {
    super();
    this.kind = kind;
    this.src = src;
    if (src) src.rc++;
    this.step = step;
    if (gc) this.gcLink(true);
  }
  get type(): PyType {
    return iterType(this.kind);
  }
  next(): PyObject | null {
    if (!this.src && this.extra.length === 0 && this.kind !== 'range_iterator') return null;
    const v = this.step(this);
    if (v === null) this.exhaust();
    return v;
  }
  exhaust(): void {
    const s = this.src;
    this.src = null;
    xdecref(s);
  }
  override traverse(visit: (r: GcObject) => void): void {
    if (this.src) visit(this.src);
    for (const e of this.extra) visit(e);
  }
  protected override release(): void {
    this.exhaust();
    const extra = this.extra;
    this.extra = [];
    for (const e of extra) decref(e);
  }
}

function seqStep(it: PyIter): PyObject | null {
  const items = (it.src as PyList | PyTuple).items;
  if (it.pos >= items.length) return null;
  const v = items[it.pos++]!;
  v.rc++;
  return v;
}

function dictIter(d: PyDict, kind: 'keys' | 'values' | 'items'): PyIter {
  const size = d.map.size;
  const entries = d.map.values();
  const name =
    kind === 'keys'
      ? 'dict_keyiterator'
      : kind === 'values'
        ? 'dict_valueiterator'
        : 'dict_itemiterator';
  return new PyIter(name, d, (it) => {
    if ((it.src as PyDict).map.size !== size) {
      raise('RuntimeError', 'dictionary changed size during iteration');
    }
    const n = entries.next();
    if (n.done) return null;
    const e = n.value;
    if (kind === 'keys') {
      e.k.rc++;
      return e.k;
    }
    if (kind === 'values') {
      e.v.rc++;
      return e.v;
    }
    e.k.rc++;
    e.v.rc++;
    return newTuple([e.k, e.v]);
  });
}

export function getIter(o: PyObject): PyObject {
  const own = callOverride(o, '__iter__', []);
  if (own) return checkedIterator(own);
  return builtinIter(o);
}

/** The builtin layout's iterator, ignoring a subclass's own `__iter__`. */
export function builtinIter(o: PyObject): PyObject {
  if (o instanceof PyList) return new PyIter('list_iterator', o, seqStep);
  if (o instanceof PyTuple) return new PyIter('tuple_iterator', o, seqStep);
  if (o instanceof PyDict) return dictIter(o, 'keys');
  if (o instanceof PyDictView) return dictIter(o.dict, o.kind);
  if (o instanceof PyRange) {
    const { start, step } = o;
    const n = o.length;
    const it = new PyIter(
      'range_iterator',
      null,
      (self) => (self.pos < n ? newInt(start + BigInt(self.pos++) * step) : null),
      false,
    );
    it.hint = n;
    return it;
  }
  if (o instanceof PyStr) {
    const cps = codePoints(o.v);
    return new PyIter(
      'str_ascii_iterator',
      o,
      (it) => (it.pos < cps.length ? newStr(cps[it.pos++]!) : null),
      false,
    );
  }
  if (o instanceof PySet) {
    const items = o.ordered();
    const size = o.elems.size;
    return new PyIter('set_iterator', o, (it) => {
      if ((it.src as PySet).elems.size !== size)
        raise('RuntimeError', 'Set changed size during iteration');
      if (it.pos >= items.length) return null;
      const v = items[it.pos++]!;
      v.rc++;
      return v;
    });
  }
  if (o instanceof PyBytes) {
    return new PyIter('bytes_iterator', o, (it) =>
      it.pos < o.v.length ? newInt(o.v.charCodeAt(it.pos++)) : null,
    );
  }
  if (o instanceof PyIter || o instanceof PyGenerator) {
    o.rc++;
    return o;
  }
  const r = callSpecial(o, '__iter__', []);
  if (r) return checkedIterator(r);
  if (o.type.isHeap && o.type.lookup('__getitem__')) return sequenceIterator(o);
  raise('TypeError', `'${o.type.name}' object is not iterable`);
}

/** PySeqIter: `obj[0]`, `obj[1]`, ... until IndexError or StopIteration (the old protocol). */
function sequenceIterator(o: PyObject): PyIter {
  return new PyIter('iterator', o, (it) => {
    const index = newInt(it.pos);
    try {
      const v = callSpecial(it.src!, '__getitem__', [index])!;
      it.pos++;
      return v;
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      const t = e.exc.type;
      if (!(t.isSubtype(EXC.IndexError!) || t.isSubtype(EXC.StopIteration!))) throw e;
      decref(e.exc);
      return null;
    } finally {
      decref(index);
    }
  });
}

/** What `__iter__` returned, which must be an iterator (the reference is passed on). */
function checkedIterator(r: PyObject): PyObject {
  if (!r.type.lookup('__next__') && !(r instanceof PyIter) && !(r instanceof PyGenerator)) {
    const tn = r.type.name;
    decref(r);
    raise('TypeError', `iter() returned non-iterator of type '${tn}'`);
  }
  return r;
}

/** The next item (new reference), or null when the iterator is exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  if (it instanceof PyIter) return it.next();
  if (it instanceof PyGenerator) {
    const r = genSend(it, none());
    if (r.done) {
      decref(r.value);
      return null;
    }
    return r.value;
  }
  try {
    const r = callSpecial(it, '__next__', []);
    if (r) return r;
  } catch (e) {
    if (e instanceof PyRaise && e.exc.type.isSubtype(EXC.StopIteration!)) {
      decref(e.exc);
      return null;
    }
    throw e;
  }
  raise('TypeError', `'${it.type.name}' object is not an iterator`);
}

/** Appends every item of `iterable` to `list` (list.extend). */
/** list_preallocate_exact: a list with no item array gets exactly (n + 1) & ~1 slots. */
function preallocate(list: PyList, n: number): void {
  if (list.allocated === 0) list.allocated = (n + 1) & ~1;
  else list.resize(list.items.length + n);
}

/** PyObject_LengthHint(o, 8) for the iterables the VM has. */
function lengthHint(o: PyObject): number {
  if (o instanceof PyIter) {
    const src = o.src;
    if (src instanceof PyList || src instanceof PyTuple)
      return Math.max(0, src.items.length - o.pos);
    if (o.kind === 'range_iterator' && o.hint !== null) return Math.max(0, o.hint - o.pos);
    return 8;
  }
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyDict) return o.map.size;
  if (o instanceof PyDictView) return o.dict.map.size;
  if (o instanceof PySet) return o.elems.size;
  if (o instanceof PyRange) return o.length;
  if (o instanceof PyStr) return codePoints(o.v).length;
  return 8;
}

/** Appends every item of `iterable` to `list` (list_extend, with its preallocation). */
export function extendList(list: PyList, iterable: PyObject): void {
  if ((iterable instanceof PyList || iterable instanceof PyTuple) && iterable.exact()) {
    const items = iterable.items.slice();
    if (items.length === 0) return;
    for (const x of items) x.rc++;
    preallocate(list, items.length);
    list.items.push(...items);
    return;
  }
  const it = getIter(iterable);
  try {
    const m = list.items.length;
    const n = lengthHint(iterable);
    if (list.allocated === 0) {
      if (n) list.allocated = (n + 1) & ~1;
    } else list.resize(m + n);
    for (let v = iterNext(it); v !== null; v = iterNext(it)) {
      if (list.items.length < list.allocated) list.items.push(v);
      else list.append(v);
    }
    if (list.items.length < list.allocated) list.resize(list.items.length);
  } finally {
    decref(it);
  }
}

/** A new list of the items (PySequence_List). */
export function listFromIterable(o: PyObject): PyList {
  const l = new PyList([]);
  try {
    extendList(l, o);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

/** UNPACK_SEQUENCE: exactly n new references, in order. */
export function unpackSequence(seq: PyObject, n: number): PyObject[] {
  if ((seq instanceof PyTuple || seq instanceof PyList) && seq.exact() && seq.items.length === n) {
    for (const x of seq.items) x.rc++;
    return seq.items.slice();
  }
  const out: PyObject[] = [];
  const it = getIter(seq);
  try {
    for (;;) {
      const v = iterNext(it);
      if (v === null) break;
      if (out.length === n) {
        decref(v);
        for (const x of out) decref(x);
        if (
          seq instanceof PyList ||
          seq instanceof PyTuple ||
          seq instanceof PyDict ||
          seq instanceof PyStr
        ) {
          raise('ValueError', `too many values to unpack (expected ${n})`);
        }
        raise('ValueError', `too many values to unpack (expected ${n})`);
      }
      out.push(v);
    }
  } finally {
    decref(it);
  }
  if (out.length < n) {
    for (const x of out) decref(x);
    raise('ValueError', `not enough values to unpack (expected ${n}, got ${out.length})`);
  }
  return out;
}

/** UNPACK_EX: `before` items, a list of the middle, `after` items. */
export function unpackEx(seq: PyObject, before: number, after: number): PyObject[] {
  const all = listFromIterable(seq);
  const items = all.items;
  if (items.length < before + after) {
    decref(all);
    raise(
      'ValueError',
      `not enough values to unpack (expected at least ${before + after}, got ${items.length})`,
    );
  }
  for (const x of items) x.rc++;
  const head = items.slice(0, before);
  const mid = new PyList(items.slice(before, items.length - after));
  const tail = items.slice(items.length - after);
  decref(all);
  return [...head, mid, ...tail];
}
