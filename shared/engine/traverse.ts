/**
 * tp_traverse: the strong references an object holds, as the collector sees them (each kind's
 * `traverse` slot in kinds.ts). Weakref objects hold none (their referent is weak). Slot labels
 * (`[0]`, `'k'`, `.next`, `.__dict__`) name the edge for traces and the heap view.
 */
import { slotsOf } from './kinds.ts';
import type { HeapObject, ObjId } from './types.ts';

/** Calls `visit` for each object referenced by `obj`, in traversal order. */
export function forEachReferent(obj: HeapObject, visit: (id: ObjId) => void): void {
  slotsOf(obj).traverse(obj, visit);
}
