/**
 * Instance attributes, CPython 3.11 style.
 * - `__slots__` instances: only declared slots, kept in declaration order.
 * - Plain instances keep attributes inline while the class's shared key table has room
 *   (SEMANTICS §4: 30 slots; each instantiation takes one while more than one is free; each new
 *   attribute name takes one). Setting a new name when none is free materializes a real
 *   `__dict__` for that instance: a separate dict object, which the collector then counts.
 */
import type { Ctx } from './ctx.ts';
import { emit } from './ctx.ts';
import { ENGINE_ERRORS as E } from './errors.ts';
import { reject } from './fail.ts';
import { noteAllocation } from './collect.ts';
import { putKey } from './places.ts';
import type { ClassDef, DictObject, InstanceObject, ObjId, Value } from './types.ts';
import { liveObject, typeName } from './values.ts';
import { presizedDict } from './growth.ts';
import { addObject, setRc, touch, touchClassKeys } from './write.ts';

function instanceAndClass(ctx: Ctx, id: ObjId, name: string): [InstanceObject, ClassDef] {
  const obj = liveObject(ctx.s, id);
  if (obj.kind !== 'instance') {
    const t = typeName(ctx.s, obj);
    reject(
      E.WrongKind,
      `a ${t} has no attributes`,
      `AttributeError: '${t}' object has no attribute '${name}'`,
    );
  }
  return [obj, ctx.s.classes[obj.cls]!];
}

/** obj.name = value (reference already taken); returns the old value to release. */
export function storeAttribute(ctx: Ctx, id: ObjId, name: string, value: Value): Value | null {
  const [obj, cls] = instanceAndClass(ctx, id, name);
  if (cls.slots !== null) return storeSlot(ctx, obj, cls, name, value);
  if (obj.dict !== null) return putKey(ctx, ctx.s.objects[obj.dict] as DictObject, name, value);
  touch(ctx, obj);
  const entry = obj.attrs.find(([k]) => k === name);
  if (entry) {
    const old = entry[1];
    entry[1] = value;
    return old;
  }
  if (!cls.sharedKeys.names.includes(name)) {
    if (cls.sharedKeys.usable <= 0) return putKey(ctx, materializeDict(ctx, obj), name, value);
    touchClassKeys(ctx, cls);
    cls.sharedKeys.names.push(name);
    cls.sharedKeys.usable -= 1;
  }
  obj.attrs.push([name, value]);
  return null;
}

function storeSlot(
  ctx: Ctx,
  obj: InstanceObject,
  cls: ClassDef,
  name: string,
  value: Value,
): Value | null {
  const slots = cls.slots!;
  if (!slots.includes(name)) {
    reject(
      E.SlotNotDeclared,
      `${cls.name} only has the slots ${slots.join(', ')}`,
      `AttributeError: '${cls.name}' object has no attribute '${name}'`,
    );
  }
  touch(ctx, obj);
  const entry = obj.attrs.find(([k]) => k === name);
  if (entry) {
    const old = entry[1];
    entry[1] = value;
    return old;
  }
  obj.attrs.push([name, value]);
  obj.attrs.sort((a, b) => slots.indexOf(a[0]) - slots.indexOf(b[0]));
  return null;
}

/** Moves an instance's inline attributes into a new dict object (rc 1, owned by the instance). */
function materializeDict(ctx: Ctx, obj: InstanceObject): DictObject {
  // The owner is on CPython's value stack during the allocation, which may run a collection.
  setRc(ctx, obj, obj.rc + 1);
  noteAllocation(ctx);
  setRc(ctx, obj, obj.rc - 1);
  const id = ctx.s.nextId++;
  const tracked = obj.attrs.some(([, v]) => v.t === 'ref');
  const dict: DictObject = {
    id,
    kind: 'dict',
    rc: 1,
    gen: tracked ? 0 : null,
    entries: obj.attrs,
    ...presizedDict(obj.attrs.length),
  };
  addObject(ctx, dict);
  touch(ctx, obj);
  obj.attrs = [];
  obj.dict = id;
  emit(ctx, { type: 'allocated', id, kind: 'dict' });
  emit(ctx, { type: 'dictMaterialized', instance: obj.id, dict: id });
  return dict;
}

/** del obj.name; returns the removed value to release. */
export function deleteAttribute(ctx: Ctx, id: ObjId, name: string): Value {
  const [obj, cls] = instanceAndClass(ctx, id, name);
  const missing = (): never =>
    reject(
      E.AttributeMissing,
      `${cls.name} object has no attribute .${name}`,
      cls.slots !== null && cls.slots.includes(name)
        ? `AttributeError: ${name}`
        : `AttributeError: '${cls.name}' object has no attribute '${name}'`,
    );
  if (obj.dict !== null) {
    const dict = ctx.s.objects[obj.dict] as DictObject;
    const at = dict.entries.findIndex(([k]) => k === name);
    if (at < 0) return missing();
    const old = dict.entries[at]![1];
    touch(ctx, dict);
    dict.entries.splice(at, 1);
    return old;
  }
  const at = obj.attrs.findIndex(([k]) => k === name);
  if (at < 0) return missing();
  const old = obj.attrs[at]![1];
  touch(ctx, obj);
  obj.attrs.splice(at, 1);
  return old;
}
