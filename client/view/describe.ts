/**
 * Words for the aria-live panel and the GC captions: objects are named the way a student sees
 * them ("list a", "Node a.next"), places as Python spells them (`a`, `a[0]`, `d['k']`, `a.next`).
 * Pure: reads states, returns strings through the current dictionary.
 */
import type { Place } from '../../shared/engine/actions.ts';
import type { EngineEvent } from '../../shared/engine/events.ts';
import type { EngineState, HeapObject, ObjId, Value } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';

function kindLabel(o: HeapObject): string {
  return o.kind === 'instance' ? o.cls : o.kind;
}

/** The shortest way a student could spell a path to the object: a name, or name + one step. */
export function pathTo(state: EngineState, id: ObjId): string | null {
  const roots: [string, Value][] = [
    ...state.frames.flatMap((f) => Object.entries(f.locals)).reverse(),
    ...Object.entries(state.globals),
  ];
  for (const [name, v] of roots) if (v.t === 'ref' && v.id === id) return name;
  for (const [name, v] of roots) {
    const o = v.t === 'ref' ? state.objects[v.id] : undefined;
    const step = o ? stepTo(o, id) : null;
    if (step) return name + step;
  }
  return null;
}

function stepTo(o: HeapObject, id: ObjId): string | null {
  const is = (v: Value): boolean => v.t === 'ref' && v.id === id;
  if (o.kind === 'list') {
    const i = o.items.findIndex(is);
    return i >= 0 ? `[${i}]` : null;
  }
  if (o.kind === 'dict') {
    const e = o.entries.find(([, v]) => is(v));
    return e ? `['${e[0]}']` : null;
  }
  if (o.kind === 'instance') {
    const a = o.attrs.find(([, v]) => is(v));
    return a ? `.${a[0]}` : null;
  }
  return null;
}

/**
 * "list a", "Node a.next"; when nothing reaches it by name any more, the last path it was known
 * by (`known`), else "Node #7".
 */
export function objectName(
  states: EngineState[],
  id: ObjId,
  known?: ReadonlyMap<ObjId, string>,
): string {
  for (const s of states) {
    const o = s.objects[id];
    if (!o) continue;
    const path = states.map((st) => pathTo(st, id)).find((p) => p !== null);
    return `${kindLabel(o)} ${path ?? known?.get(id) ?? `#${id}`}`;
  }
  return known?.get(id) ?? `#${id}`;
}

/** Record the current path of every object some name reaches (see objectName's `known`). */
export function rememberNames(state: EngineState, known: Map<ObjId, string>): void {
  for (const key of Object.keys(state.objects)) {
    const id = Number(key);
    const path = pathTo(state, id);
    // Keep the shortest spelling seen (a plain name beats `b.next`), so names survive `del`.
    const old = known.get(id);
    if (path !== null && (old === undefined || path.length <= old.length)) known.set(id, path);
  }
}

export function placeText(states: EngineState[], place: Place): string {
  if (place.kind === 'name') return place.name;
  const owner = states.map((s) => pathTo(s, place.obj)).find((p) => p !== null) ?? `#${place.obj}`;
  if (place.kind === 'item') return `${owner}[${place.index}]`;
  if (place.kind === 'key') return `${owner}['${place.key}']`;
  return `${owner}.${place.name}`;
}

export function valueText(states: EngineState[], v: Value): string {
  if (v.t === 'none') return 'None';
  if (v.t === 'int') return String(v.v);
  return objectName(states, v.id);
}

/** One sentence per event a student should hear about, in order. */
export function narrate(
  events: readonly EngineEvent[],
  before: EngineState,
  after: EngineState,
  known?: ReadonlyMap<ObjId, string>,
): string[] {
  // Name objects as the student knew them before the statement; new objects by their new name.
  const states = [before, after];
  const name = (id: ObjId): string => objectName(states, id, known);
  const lines: string[] = [];
  for (const e of events) {
    const line = sentence(e, states, name);
    if (line) lines.push(line);
  }
  return lines;
}

function sentence(
  e: EngineEvent,
  states: EngineState[],
  name: (id: ObjId) => string,
): string | null {
  switch (e.type) {
    case 'allocated':
      return t('say.allocated', { obj: name(e.id) });
    case 'stored':
      return t('say.stored', {
        place: placeText(states, e.place),
        value: valueText(states, e.value),
      });
    case 'removed':
      return t('say.removed', {
        place: placeText(states, e.place),
        value: valueText(states, e.old),
      });
    case 'refcount':
      return t('say.refcount', { obj: name(e.id), from: e.from, to: e.to });
    case 'freed':
      return t(e.cause === 'gc' ? 'say.freedGc' : 'say.freedRefcount', { obj: name(e.id) });
    case 'weakrefCleared':
      return t('say.weakrefCleared', { obj: name(e.referent) });
    case 'collected':
      return t('say.collected', { n: e.trace.result });
    case 'gcToggled':
      return t(e.enabled ? 'say.gcOn' : 'say.gcOff');
    case 'framePushed':
      return t('say.framePushed', { fn: e.fn });
    case 'framePopped':
      return t('say.framePopped', { fn: e.fn });
    case 'classDefined':
      return t('say.classDefined', { name: e.name });
    default:
      return null;
  }
}
