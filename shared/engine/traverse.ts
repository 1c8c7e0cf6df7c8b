/**
 * tp_traverse: the strong references an object holds, as the collector sees them. Weakref
 * objects hold none (their referent is weak). Slot labels (`[0]`, `'k'`, `.next`, `__dict__`)
 * name the edge for traces and the heap view.
 */
import type { HeapObject, ObjId } from './types.ts';

/** Calls `visit` for each object referenced by `obj`, in traversal order. */
export function forEachReferent(obj: HeapObject, visit: (id: ObjId) => void): void {
  switch (obj.kind) {
    case 'list':
      for (const v of obj.items) if (v.t === 'ref') visit(v.id);
      return;
    case 'dict':
      for (const [, v] of obj.entries) if (v.t === 'ref') visit(v.id);
      return;
    case 'instance':
      for (const [, v] of obj.attrs) if (v.t === 'ref') visit(v.id);
      if (obj.dict !== null) visit(obj.dict);
      return;
    case 'weakref':
      return;
  }
}

/** Like forEachReferent, with the slot label of each edge. */
export function labelledEdges(obj: HeapObject): { to: ObjId; slot: string }[] {
  const out: { to: ObjId; slot: string }[] = [];
  switch (obj.kind) {
    case 'list':
      obj.items.forEach((v, i) => v.t === 'ref' && out.push({ to: v.id, slot: `[${i}]` }));
      break;
    case 'dict':
      for (const [k, v] of obj.entries) if (v.t === 'ref') out.push({ to: v.id, slot: `'${k}'` });
      break;
    case 'instance':
      for (const [k, v] of obj.attrs) if (v.t === 'ref') out.push({ to: v.id, slot: `.${k}` });
      if (obj.dict !== null) out.push({ to: obj.dict, slot: '.__dict__' });
      break;
    case 'weakref':
      break;
  }
  return out;
}

/**
 * _PyObject_GC_MAY_BE_TRACKED for a dict value: any list, dict (even an untracked one),
 * instance or weakref. Storing such a value starts tracking an untracked dict.
 */
export function isGcValue(v: { t: string }): boolean {
  return v.t === 'ref';
}
