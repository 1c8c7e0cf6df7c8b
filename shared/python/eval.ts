/**
 * Reads and places. A read (`x`, `x.a`, `x[0]`, `x['k']`, `w()`, None, a small int) looks values
 * up in the engine state without changing it; a place is where a store or del lands. Errors are
 * the exceptions CPython raises for the same read, with its exact messages.
 */
import type { DictObject, HeapObject, InstanceObject, Place, Value } from '../engine/index.ts';
import type { Expr } from './ast.ts';
import { DICT_METHODS, LIST_METHODS } from './names.ts';
import type { Runtime } from './runtime.ts';
import { objectOf, raise, readName, typeNameOf } from './runtime.ts';

const NONE: Value = { t: 'none' };
/** Attributes ints really have (reading one is unsupported, not an AttributeError). */
const INT_ATTRS = new Set([
  'as_integer_ratio',
  'bit_count',
  'bit_length',
  'conjugate',
  'denominator',
  'from_bytes',
  'imag',
  'numerator',
  'real',
  'to_bytes',
]);

/** Evaluates a read in frame `depth` (see the module contract). */
export function evalRead(rt: Runtime, depth: number, x: Expr): Value {
  switch (x.e) {
    case 'name':
      return readName(rt, depth, x.id);
    case 'none':
      return NONE;
    case 'int':
      return { t: 'int', v: x.v };
    case 'attr':
      return readAttr(rt, evalRead(rt, depth, x.obj), x.name);
    case 'index':
      return readItem(rt, evalRead(rt, depth, x.obj), x.index);
    case 'call':
      return derefValue(rt, evalRead(rt, depth, x.fn));
    default:
      return raise('unsupported', `a ${x.e} expression here`);
  }
}

/** `W()`: the referent of a weakref, or None once it is dead. */
export function derefValue(rt: Runtime, fn: Value): Value {
  const obj = objectOf(rt, fn);
  if (obj?.kind !== 'weakref') raise('TypeError', `'${typeNameOf(rt, fn)}' object is not callable`);
  return obj.referent === null ? NONE : { t: 'ref', id: obj.referent };
}

/** The attributes of an instance, wherever they live (inline or a materialized __dict__). */
function instanceAttrs(rt: Runtime, obj: InstanceObject): [string, Value][] {
  if (obj.dict === null) return obj.attrs;
  return (rt.state.objects[obj.dict] as DictObject | undefined)?.entries ?? [];
}

function noAttribute(rt: Runtime, v: Value, name: string): never {
  return raise('AttributeError', `'${typeNameOf(rt, v)}' object has no attribute '${name}'`);
}

/** Throws when `name` is a real method of a list/dict or attribute of an int. */
function rejectBuiltinAttr(rt: Runtime, v: Value, obj: HeapObject | null, name: string): void {
  const isMethod =
    (obj?.kind === 'list' && LIST_METHODS.has(name)) ||
    (obj?.kind === 'dict' && DICT_METHODS.has(name));
  if (isMethod || (v.t === 'int' && INT_ATTRS.has(name))) {
    raise('unsupported', `the attribute ${typeNameOf(rt, v)}.${name} as a value`);
  }
}

export function readAttr(rt: Runtime, v: Value, name: string): Value {
  const obj = objectOf(rt, v);
  rejectBuiltinAttr(rt, v, obj, name);
  if (obj?.kind !== 'instance') return noAttribute(rt, v, name);
  const found = instanceAttrs(rt, obj).find(([k]) => k === name);
  return found ? found[1] : noAttribute(rt, v, name);
}

function keyRepr(index: Expr): string {
  return index.e === 'str' ? `'${index.v}'` : String(index.e === 'int' ? index.v : '?');
}

function readItem(rt: Runtime, v: Value, index: Expr): Value {
  const obj = objectOf(rt, v);
  if (obj?.kind === 'list') {
    if (index.e !== 'int') raise('TypeError', 'list indices must be integers or slices, not str');
    const i = index.v < 0 ? index.v + obj.items.length : index.v;
    const item = obj.items[i];
    if (i < 0 || !item) raise('IndexError', 'list index out of range');
    return item;
  }
  if (obj?.kind === 'dict') {
    const found = index.e === 'str' ? obj.entries.find(([k]) => k === index.v) : undefined;
    if (!found) raise('KeyError', keyRepr(index));
    return found[1];
  }
  return raise('TypeError', `'${typeNameOf(rt, v)}' object is not subscriptable`);
}

/**
 * Evaluates an assignment or del target in frame `depth` to an engine Place. The engine checks
 * what depends on the current contents (index range, slots, missing keys and attributes).
 */
export function evalPlace(rt: Runtime, depth: number, t: Expr, mode: 'store' | 'del'): Place {
  if (t.e === 'name') {
    const info = rt.frames[depth]?.info;
    if (mode === 'del' && info?.locals.has(t.id) && !rt.state.frames[depth - 1]?.locals[t.id]) {
      raise(
        'UnboundLocalError',
        `cannot access local variable '${t.id}' where it is not associated with a value`,
      );
    }
    return { kind: 'name', name: t.id, scope: 'frame' };
  }
  if (t.e === 'attr') return attrPlace(rt, evalRead(rt, depth, t.obj), t.name);
  if (t.e === 'index') return itemPlace(rt, evalRead(rt, depth, t.obj), t.index, mode);
  return raise('unsupported', 'this target');
}

function attrPlace(rt: Runtime, v: Value, name: string): Place {
  const obj = objectOf(rt, v);
  if (
    (obj?.kind === 'list' && LIST_METHODS.has(name)) ||
    (obj?.kind === 'dict' && DICT_METHODS.has(name))
  ) {
    raise('AttributeError', `'${obj.kind}' object attribute '${name}' is read-only`);
  }
  if (v.t === 'int' && INT_ATTRS.has(name)) raise('unsupported', `assigning int.${name}`);
  if (obj?.kind !== 'instance') return noAttribute(rt, v, name);
  return { kind: 'attr', obj: obj.id, name };
}

function itemPlace(rt: Runtime, v: Value, index: Expr, mode: 'store' | 'del'): Place {
  const obj = objectOf(rt, v);
  if (obj?.kind === 'list') {
    if (index.e !== 'int') raise('TypeError', 'list indices must be integers or slices, not str');
    return { kind: 'item', obj: obj.id, index: index.v };
  }
  if (obj?.kind === 'dict') {
    if (index.e === 'str') return { kind: 'key', obj: obj.id, key: index.v };
    if (mode === 'del') raise('KeyError', keyRepr(index));
    return raise('unsupported', 'dict keys other than strings');
  }
  const t = typeNameOf(rt, v);
  return mode === 'store'
    ? raise('TypeError', `'${t}' object does not support item assignment`)
    : raise('TypeError', `'${t}' object doesn't support item deletion`);
}

/** `X is Y`: the same object, both None, or equal (cached) small ints. */
export function isSame(a: Value, b: Value): boolean {
  if (a.t === 'ref' && b.t === 'ref') return a.id === b.id;
  if (a.t === 'int' && b.t === 'int') return a.v === b.v;
  return a.t === 'none' && b.t === 'none';
}
