/**
 * What an accepted action did, in order. The client animates these; the Python runner reads the
 * `collected` result; the aria-live panel narrates them. Events describe, they never decide.
 */
import type { Place } from './actions.ts';
import type { Generation, ObjId, ObjectKind, Value } from './types.ts';

/** One step of the cycle collector, for step-by-step animation (see gc.ts for the phases). */
export interface GcTrace {
  /** The generation collected (2 = full collection, `gc.collect()`). */
  generation: Generation;
  /** True when started by an allocation crossing the threshold, not by gc.collect(). */
  automatic: boolean;
  /** The young list: every tracked object of generations 0..generation, ascending id. */
  young: ObjId[];
  /** updateRefs: gc_refs copied from each object's refcount. */
  updateRefs: { id: ObjId; gcRefs: number }[];
  /** subtractRefs: each reference between two young objects, and the target's gc_refs after it. */
  subtractRefs: { from: ObjId; to: ObjId; slot: string; gcRefs: number }[];
  /**
   * moveUnreachable, in walk order: an object with gc_refs > 0 is `reachable`; one with 0 is moved
   * `tentative`ly to the unreachable list; a tentative one later reached from a reachable object
   * is `rescued` (`by` names that object).
   */
  moveUnreachable: { id: ObjId; step: 'reachable' | 'tentative' | 'rescued'; by?: ObjId }[];
  /** The final unreachable set (garbage), ascending id. Its size is the returned count. */
  unreachable: ObjId[];
  /** Survivors moved to the next generation (full collection: stay in 2). */
  promoted: ObjId[];
  /** Full collections only: surviving dicts that hold no GC-tracked value are untracked. */
  untrackedDicts: ObjId[];
  /** handleWeakrefs: weakrefs to garbage are cleared before anything is freed. */
  weakrefsCleared: { weakref: ObjId; referent: ObjId }[];
  /** deleteGarbage: every object freed, in order, including untracked hangers-on (not counted). */
  freed: ObjId[];
  /** What gc.collect() returns: the number of tracked objects found unreachable. */
  result: number;
}

export type EngineEvent =
  | { type: 'allocated'; id: ObjId; kind: ObjectKind }
  | { type: 'stored'; place: Place; value: Value; old: Value | null }
  | { type: 'removed'; place: Place; old: Value }
  | { type: 'refcount'; id: ObjId; from: number; to: number }
  | { type: 'freed'; id: ObjId; cause: 'refcount' | 'gc' }
  | { type: 'weakrefCleared'; weakref: ObjId; referent: ObjId }
  | { type: 'tracked'; id: ObjId }
  | { type: 'untracked'; id: ObjId }
  | { type: 'dictMaterialized'; instance: ObjId; dict: ObjId }
  | { type: 'framePushed'; fn: string; depth: number }
  | { type: 'framePopped'; fn: string; depth: number }
  | { type: 'collected'; trace: GcTrace }
  | { type: 'gcToggled'; enabled: boolean }
  | { type: 'thresholdsSet'; thresholds: [number, number, number] }
  | { type: 'classDefined'; name: string };
