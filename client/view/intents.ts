/**
 * What a gesture means, as an engine Action (which the Python renderer then spells as one
 * statement). Pure. Returns null when the gesture cannot be a statement (e.g. assigning into a
 * read-only place such as an outer frame's local or a weakref's referent).
 */
import type { Action, Place } from '../../shared/engine/actions.ts';
import type { EngineState, ObjId, Value } from '../../shared/engine/types.ts';
import type { Source } from './slots.ts';

export type Intent =
  | { type: 'point'; source: Source; target: ObjId }
  | { type: 'pointImmortal'; source: Source; value: Value }
  | { type: 'append'; list: ObjId; target: ObjId }
  | { type: 'cut'; source: Source }
  | { type: 'none'; source: Source }
  | { type: 'weakref'; target: ObjId }
  | { type: 'new'; kind: 'list' | 'dict' | 'instance'; cls?: string; into: Source | null }
  | { type: 'clear'; target: ObjId }
  | { type: 'bind'; target: ObjId }
  | { type: 'deref'; weakref: ObjId }
  | { type: 'collect' }
  | { type: 'toggleGc' };

export function intentToAction(state: EngineState, intent: Intent): Action | null {
  switch (intent.type) {
    case 'point':
      return intent.source.place
        ? { type: 'store', into: intent.source.place, value: { t: 'ref', id: intent.target } }
        : null;
    case 'pointImmortal':
      return intent.source.place
        ? { type: 'store', into: intent.source.place, value: intent.value }
        : null;
    case 'append':
      return { type: 'append', list: intent.list, value: { t: 'ref', id: intent.target } };
    case 'cut':
      return intent.source.place ? { type: 'delete', at: intent.source.place } : null;
    case 'none':
      return intent.source.place
        ? { type: 'store', into: intent.source.place, value: { t: 'none' } }
        : null;
    case 'weakref':
      return { type: 'weakref', referent: intent.target, into: freshName(state, 'w') };
    case 'new':
      return newAction(state, intent);
    case 'clear':
      return { type: 'clear', obj: intent.target };
    case 'bind':
      return { type: 'store', into: freshName(state, 'x'), value: { t: 'ref', id: intent.target } };
    case 'deref':
      return { type: 'deref', weakref: intent.weakref, into: freshName(state, 'x') };
    case 'collect':
      return { type: 'collect', generation: 2 };
    case 'toggleGc':
      return state.gc.enabled ? { type: 'gcDisable' } : { type: 'gcEnable' };
  }
}

function newAction(state: EngineState, intent: Extract<Intent, { type: 'new' }>): Action | null {
  const into = intent.into
    ? intent.into.place
    : freshName(
        state,
        intent.kind === 'instance'
          ? (intent.cls ?? 'x').toLowerCase()[0]!
          : intent.kind === 'list'
            ? 'l'
            : 'd',
      );
  if (!into) return null;
  if (intent.kind === 'list') return { type: 'new', object: { kind: 'list', items: [] }, into };
  if (intent.kind === 'dict') return { type: 'new', object: { kind: 'dict', entries: [] }, into };
  if (!intent.cls) return null;
  return { type: 'new', object: { kind: 'instance', cls: intent.cls }, into };
}

/** A name not bound in the current scope: `w`, `w2`, `w3`, … (innermost frame, else module). */
function freshName(state: EngineState, base: string): Place {
  const frame = state.frames[state.frames.length - 1];
  const scope = frame ? frame.locals : state.globals;
  let name = base;
  for (let i = 2; name in scope || name in state.classes; i++) name = `${base}${i}`;
  return { kind: 'name', name, scope: frame ? 'frame' : 'global' };
}
