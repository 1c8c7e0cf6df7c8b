/** Actions that create objects or change their contents. Each is one Python statement. */
import type { Action, NewObject } from './actions.ts';
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import { noteAllocation } from './collect.ts';
import { dictDisplayTable, displayCapacity, resizeList } from './growth.ts';
import { asList, checkPlace, storeMoved, storeValue } from './places.ts';
import { decref, incref } from './refcount.ts';
import { slotsOf } from './kinds.ts';
import type { HeapObject, ListObject, Value } from './types.ts';
import { checkValue, liveObject, typeName } from './values.ts';
import { addObject, touch, touchClassKeys } from './write.ts';

type Of<T extends Action['type']> = Extract<Action, { type: T }>;

function checkNew(ctx: Ctx, object: NewObject): void {
  if (object.kind === 'list') object.items.forEach((v) => checkValue(ctx.s, v));
  if (object.kind === 'dict') object.entries.forEach(([, v]) => checkValue(ctx.s, v));
  if (object.kind === 'instance' && !ctx.s.classes[object.cls]) {
    reject(
      E.UnknownClass,
      `there is no class named ${object.cls}`,
      `NameError: name '${object.cls}' is not defined`,
    );
  }
}

/** The new object, not yet in the heap; its generation comes from its kind's slot. */
function build(ctx: Ctx, object: NewObject): HeapObject {
  const obj = construct(ctx, object);
  obj.gen = slotsOf(obj).trackedAtBirth(obj) ? 0 : null;
  return obj;
}

function construct(ctx: Ctx, object: NewObject): HeapObject {
  const id = ctx.s.nextId++;
  switch (object.kind) {
    case 'list': {
      const capacity = displayCapacity(object.items.length, object.constant === true);
      return {
        id,
        kind: 'list',
        rc: 0,
        gen: 0,
        items: object.items.slice(),
        capacity,
      } satisfies ListObject;
    }
    case 'dict': {
      const entries = dedupe(object.entries);
      return {
        id,
        kind: 'dict',
        rc: 0,
        gen: null,
        entries,
        ...dictDisplayTable(object.entries.map(([k]) => k)),
      };
    }
    case 'instance': {
      const cls = ctx.s.classes[object.cls]!;
      if (cls.slots === null && cls.sharedKeys.usable > 1) {
        touchClassKeys(ctx, cls);
        cls.sharedKeys.usable -= 1;
      }
      return {
        id,
        kind: 'instance',
        rc: 0,
        gen: 0,
        cls: object.cls,
        attrs: [],
        dict: null,
        weakref: null,
      };
    }
  }
}

/** A display with a repeated key keeps the first position and the last value, as Python does. */
function dedupe(entries: [string, Value][]): [string, Value][] {
  const out: [string, Value][] = [];
  for (const [k, v] of entries) {
    const at = out.findIndex(([key]) => key === k);
    if (at >= 0) out[at] = [k, v];
    else out.push([k, v]);
  }
  return out;
}

/** `X = [..] / {..} / C()`: allocation (which may trigger a collection) before anything else. */
export function applyNew(ctx: Ctx, a: Of<'new'>): void {
  checkNew(ctx, a.object);
  checkPlace(ctx, a.into);
  // Operands are on CPython's value stack (one reference each) before the allocation, which
  // may run a collection; the new container then takes those references over.
  const operands =
    a.object.kind === 'list'
      ? a.object.items
      : a.object.kind === 'dict'
        ? a.object.entries.map(([, v]) => v)
        : [];
  operands.forEach((v) => incref(ctx, v));
  noteAllocation(ctx);
  const obj = build(ctx, a.object);
  addObject(ctx, obj);
  if (ctx.record) emit(ctx, { type: 'allocated', id: obj.id, kind: obj.kind });
  if (obj.kind === 'dict')
    releaseReplaced(
      ctx,
      operands,
      obj.entries.map(([, v]) => v),
    );
  obj.rc = 1;
  if (ctx.record) emit(ctx, { type: 'refcount', id: obj.id, from: 0, to: 1 });
  storeMoved(ctx, a.into, { t: 'ref', id: obj.id });
}

/** A display's repeated key drops the earlier value: release the references nobody kept. */
function releaseReplaced(ctx: Ctx, operands: Value[], kept: Value[]): void {
  const remaining = kept.slice();
  for (const v of operands) {
    const at = remaining.indexOf(v);
    if (at >= 0) remaining.splice(at, 1);
    else decref(ctx, v);
  }
}

export function applyStore(ctx: Ctx, a: Of<'store'>): void {
  checkValue(ctx.s, a.value);
  storeValue(ctx, a.into, a.value);
}

export function applyAppend(ctx: Ctx, a: Of<'append'>): void {
  checkValue(ctx.s, a.value);
  const list = asList(ctx.s, a.list, 'append()');
  incref(ctx, a.value);
  touch(ctx, list);
  resizeList(list, list.items.length + 1);
  list.items.push(a.value);
  if (!ctx.record) return;
  emit(ctx, {
    type: 'stored',
    place: { kind: 'item', obj: list.id, index: list.items.length - 1 },
    value: a.value,
    old: null,
  });
}

export function applyPop(ctx: Ctx, a: Of<'pop'>): void {
  const list = asList(ctx.s, a.list, 'pop()');
  if (list.items.length === 0)
    reject(E.PopFromEmpty, 'the list is empty: nothing to pop', 'IndexError: pop from empty list');
  if (a.into) checkPlace(ctx, a.into);
  const index = list.items.length - 1;
  const item = list.items[index]!;
  touch(ctx, list);
  resizeList(list, index);
  list.items.pop();
  emit(ctx, { type: 'removed', place: { kind: 'item', obj: list.id, index }, old: item });
  if (a.into) storeMoved(ctx, a.into, item);
  else decref(ctx, item);
}

/** `Y.clear()`: a list releases its items last to first, a dict its values first to last. */
export function applyClear(ctx: Ctx, a: Of<'clear'>): void {
  const obj = liveObject(ctx.s, a.obj);
  if (obj.kind === 'list' || obj.kind === 'dict') touch(ctx, obj);
  if (obj.kind === 'list') {
    const items = obj.items;
    obj.items = [];
    obj.capacity = 0;
    for (let i = items.length - 1; i >= 0; i--) {
      emit(ctx, {
        type: 'removed',
        place: { kind: 'item', obj: obj.id, index: i },
        old: items[i]!,
      });
      decref(ctx, items[i]!);
    }
  } else if (obj.kind === 'dict') {
    const entries = obj.entries;
    obj.entries = [];
    obj.tableSize = 0;
    obj.filled = 0;
    for (const [key, v] of entries) {
      emit(ctx, { type: 'removed', place: { kind: 'key', obj: obj.id, key }, old: v });
      decref(ctx, v);
    }
  } else {
    const t = typeName(ctx.s, obj);
    reject(
      E.WrongKind,
      `only lists and dicts can be cleared, not a ${t}`,
      `AttributeError: '${t}' object has no attribute 'clear'`,
    );
  }
}
