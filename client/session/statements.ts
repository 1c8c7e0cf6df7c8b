/**
 * Spells a gesture's engine Action as the one Python statement a player would type, naming
 * objects by the paths a student sees (`a`, `a.next`, `box[0]`, `d['k']`). Returns null when an
 * object has no such path (then no statement can reach it — exactly as in Python).
 * The session still parses and checks the statement: this only chooses words.
 */
import type { Action, Place } from '../../shared/engine/actions.ts';
import type { EngineState, ObjId, Value } from '../../shared/engine/types.ts';
import { pathTo } from '../view/describe.ts';

function placePath(state: EngineState, place: Place): string | null {
  if (place.kind === 'name') return place.name;
  const owner = pathTo(state, place.obj);
  if (owner === null) return null;
  if (place.kind === 'item') return `${owner}[${place.index}]`;
  if (place.kind === 'key') return `${owner}['${place.key}']`;
  return `${owner}.${place.name}`;
}

function valuePath(state: EngineState, v: Value): string | null {
  if (v.t === 'none') return 'None';
  if (v.t === 'int') return String(v.v);
  return objPath(state, v.id);
}

function objPath(state: EngineState, id: ObjId): string | null {
  return pathTo(state, id);
}

export function statementFor(state: EngineState, action: Action): string | null {
  const both = (a: string | null, b: string | null, f: (a: string, b: string) => string): string | null => (a === null || b === null ? null : f(a, b));
  switch (action.type) {
    case 'store':
      return both(placePath(state, action.into), valuePath(state, action.value), (p, v) => `${p} = ${v}`);
    case 'delete': {
      const p = placePath(state, action.at);
      return p === null ? null : `del ${p}`;
    }
    case 'append':
      return both(objPath(state, action.list), valuePath(state, action.value), (l, v) => `${l}.append(${v})`);
    case 'weakref':
      return both(placePath(state, action.into), objPath(state, action.referent), (p, r) => `${p} = weakref.ref(${r})`);
    case 'new': {
      const p = placePath(state, action.into);
      const o = action.object;
      const expr = o.kind === 'list' ? '[]' : o.kind === 'dict' ? '{}' : `${o.cls}()`;
      return p === null || (o.kind !== 'instance' && (o.kind === 'list' ? o.items.length : o.entries.length) > 0) ? null : `${p} = ${expr}`;
    }
    case 'collect':
      return 'gc.collect()';
    case 'gcEnable':
      return 'gc.enable()';
    case 'gcDisable':
      return 'gc.disable()';
    default:
      return null;
  }
}
