/**
 * What each move did, for the spoiler-free share string: a reference made, a reference deleted,
 * a collection, or a cycle broken (an arrow cut that was part of a cycle). Derived from the
 * replay's move kind and engine events and the heap before the move, never from the move text.
 */
import type { EngineEvent, EngineState, ObjId } from '../engine/index.ts';
import { forEachReferent } from '../engine/traverse.ts';
import type { MoveKind } from '../puzzles/contract.ts';

export type StepKind = 'made' | 'deleted' | 'collection' | 'cycleBroken' | 'other';

const MADE: readonly MoveKind[] = ['newObject', 'createRef', 'weakref', 'call'];
const DELETED: readonly MoveKind[] = ['deleteRef', 'delName', 'rebindNone'];

/** True when `from` reaches `to` through strong references in `state` (from === to counts). */
function reaches(state: EngineState, from: ObjId, to: ObjId): boolean {
  const seen = new Set<ObjId>([from]);
  const queue: ObjId[] = [from];
  while (queue.length > 0) {
    const id = queue.pop() as ObjId;
    if (id === to) return true;
    const obj = state.objects[id];
    if (!obj) continue;
    forEachReferent(obj, (next) => {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    });
  }
  return false;
}

/** The object slot a reference was released from, with the object it pointed to. */
function releasedEdge(e: EngineEvent): { owner: ObjId; target: ObjId } | null {
  const old = e.type === 'removed' ? e.old : e.type === 'stored' ? e.old : null;
  if (old === null || old.t !== 'ref') return null;
  const place = (e as { place: { kind: string; obj?: ObjId } }).place;
  if (place.kind === 'name' || place.obj === undefined) return null;
  return { owner: place.obj, target: old.id };
}

/** True when the move released an arrow that lay on a cycle of the heap before it. */
function cutsCycle(before: EngineState, events: readonly EngineEvent[]): boolean {
  for (const e of events) {
    const edge = releasedEdge(e);
    if (edge && reaches(before, edge.target, edge.owner)) return true;
  }
  return false;
}

/** Classifies one accepted move. */
export function stepOf(
  before: EngineState,
  kind: MoveKind,
  events: readonly EngineEvent[],
): StepKind {
  if (kind === 'collect') return 'collection';
  if (cutsCycle(before, events)) return 'cycleBroken';
  if (DELETED.includes(kind)) return 'deleted';
  if (MADE.includes(kind)) return 'made';
  return 'other';
}
