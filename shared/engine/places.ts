/**
 * Reading, writing and deleting the places that hold references: names (frame or module),
 * list items, dict values and attributes. Writes follow CPython's order: the new reference is
 * taken first, the place is updated, and the old value is released last.
 */
import type { Place } from './actions.ts';
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import { growDictForInsert, resizeList } from './growth.ts';
import { storeAttribute, deleteAttribute } from './attributes.ts';
import { decref, incref } from './refcount.ts';
import type { DictObject, EngineState, ListObject, Value } from './types.ts';
import { innermostFrame } from './query.ts';
import { typeName, liveObject } from './values.ts';
import { deleteName, setGen, setName, touch } from './write.ts';

/** The dict of names a `name` place refers to: the innermost frame's locals, or the module's. */
function namespaceOf(s: EngineState, scope: 'frame' | 'global'): Record<string, Value> {
  const top = innermostFrame(s);
  return scope === 'frame' && top ? top.locals : s.globals;
}

export function asList(s: EngineState, id: number, what: string): ListObject {
  const obj = liveObject(s, id);
  if (obj.kind !== 'list') {
    reject(E.WrongKind, `${what} needs a list, not a ${typeName(s, obj)}`);
  }
  return obj;
}

function asDict(s: EngineState, id: number, what: string): DictObject {
  const obj = liveObject(s, id);
  if (obj.kind !== 'dict') reject(E.WrongKind, `${what} needs a dict, not a ${typeName(s, obj)}`);
  return obj;
}

/** Normalises a Python index (negative counts from the end); rejects it when out of range. */
function listIndex(list: ListObject, index: number, python: string): number {
  const i = index < 0 ? index + list.items.length : index;
  if (!Number.isInteger(index) || i < 0 || i >= list.items.length) {
    reject(
      E.IndexOutOfRange,
      `index ${index} is out of range: the list has ${list.items.length} items`,
      python,
    );
  }
  return i;
}

/** Stores `value` (its new reference already taken) and returns the old value to release. */
function put(ctx: Ctx, place: Place, value: Value): Value | null {
  const s = ctx.s;
  switch (place.kind) {
    case 'name': {
      const ns = namespaceOf(s, place.scope);
      const old = ns[place.name] ?? null;
      setName(ctx, ns, place.name, value);
      return old;
    }
    case 'item': {
      const list = asList(s, place.obj, 'Item assignment');
      const i = listIndex(list, place.index, 'IndexError: list assignment index out of range');
      const old = list.items[i]!;
      touch(ctx, list);
      list.items[i] = value;
      return old;
    }
    case 'key':
      return putKey(ctx, asDict(s, place.obj, 'A key'), place.key, value);
    case 'attr':
      return storeAttribute(ctx, place.obj, place.name, value);
  }
}

/** d[key] = value: insert (growing the table) or replace; a GC value starts tracking the dict. */
export function putKey(ctx: Ctx, dict: DictObject, key: string, value: Value): Value | null {
  touch(ctx, dict);
  const entry = dict.entries.find(([k]) => k === key);
  let old: Value | null = null;
  if (entry) {
    old = entry[1];
    entry[1] = value;
  } else {
    growDictForInsert(dict);
    dict.entries.push([key, value]);
  }
  if (dict.gen === null && value.t === 'ref') {
    setGen(ctx, dict, 0);
    emit(ctx, { type: 'tracked', id: dict.id });
  }
  return old;
}

/** Validates the place before any reference moves, so a rejection changes nothing. */
export function checkPlace(ctx: Ctx, place: Place): void {
  const s = ctx.s;
  if (place.kind === 'name') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(place.name))
      reject(E.InvalidName, `'${place.name}' is not a valid name`);
    return;
  }
  if (place.kind === 'item') {
    const list = asList(s, place.obj, 'Item assignment');
    listIndex(list, place.index, 'IndexError: list assignment index out of range');
  } else if (place.kind === 'key') {
    asDict(s, place.obj, 'A key');
  } else {
    liveObject(s, place.obj);
  }
}

/** `place = value` taking a new reference to value. */
export function storeValue(ctx: Ctx, place: Place, value: Value): void {
  checkPlace(ctx, place);
  incref(ctx, value);
  storeMoved(ctx, place, value);
}

/** Stores a value whose reference the caller already owns (a fresh object, a popped item). */
export function storeMoved(ctx: Ctx, place: Place, value: Value): void {
  const old = put(ctx, place, value);
  if (ctx.record) emit(ctx, { type: 'stored', place, value, old });
  decref(ctx, old);
}

/** `del place`: removes the reference and releases it. */
export function deletePlace(ctx: Ctx, place: Place): void {
  const s = ctx.s;
  let old: Value;
  switch (place.kind) {
    case 'name': {
      const ns = namespaceOf(s, place.scope);
      const v = ns[place.name];
      if (!v)
        reject(
          E.NameUnbound,
          `name '${place.name}' is not defined`,
          `NameError: name '${place.name}' is not defined`,
        );
      deleteName(ctx, ns, place.name);
      old = v;
      break;
    }
    case 'item': {
      const list = asList(s, place.obj, 'del with an index');
      const i = listIndex(list, place.index, 'IndexError: list assignment index out of range');
      old = list.items[i]!;
      touch(ctx, list);
      // list_ass_slice: a deletion that empties the list frees its item array (_list_clear).
      if (list.items.length === 1) list.capacity = 0;
      else resizeList(list, list.items.length - 1);
      list.items.splice(i, 1);
      break;
    }
    case 'key': {
      const dict = asDict(s, place.obj, 'del with a key');
      const at = dict.entries.findIndex(([k]) => k === place.key);
      if (at < 0)
        reject(E.KeyMissing, `the dict has no key '${place.key}'`, `KeyError: '${place.key}'`);
      old = dict.entries[at]![1];
      touch(ctx, dict);
      dict.entries.splice(at, 1);
      break;
    }
    case 'attr':
      old = deleteAttribute(ctx, place.obj, place.name);
      break;
  }
  if (ctx.record) emit(ctx, { type: 'removed', place, old });
  decref(ctx, old);
}
