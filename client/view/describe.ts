/**
 * Words for the aria-live panel and the GC captions: objects by their lifelong display name
 * (`list①`, see names.ts) — the same one their card shows — and places as Python spells them
 * (`a`, `a[0]`, `d['k']`, `a.next`). Pure: reads states, returns strings through the dictionary.
 */
import type { Place } from '../../shared/engine/actions.ts';
import type { EngineEvent } from '../../shared/engine/events.ts';
import type { EngineState, HeapObject, ObjId, Value } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';
import { displayName } from './names.ts';
import type { NameBook } from './names.ts';

/** The shortest way a student could spell a path to the object: a name, or name + one step. */
function pathTo(state: EngineState, id: ObjId): string | null {
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

/** The object's display name (`list①`). */
export function objectName(book: NameBook, id: ObjId): string {
  return displayName(book, id);
}

/** The display name with the path that reaches it now, if any: `list① (box)`. */
export function objectNameWithPath(book: NameBook, states: EngineState[], id: ObjId): string {
  const path = states.map((s) => pathTo(s, id)).find((p) => p !== null);
  return path ? `${displayName(book, id)} (${path})` : displayName(book, id);
}

export function placeText(states: EngineState[], place: Place, book?: NameBook): string {
  if (place.kind === 'name') return place.name;
  const owner =
    states.map((s) => pathTo(s, place.obj)).find((p) => p !== null) ??
    (book ? displayName(book, place.obj) : `#${place.obj}`);
  if (place.kind === 'item') return `${owner}[${place.index}]`;
  if (place.kind === 'key') return `${owner}['${place.key}']`;
  return `${owner}.${place.name}`;
}

export function valueText(book: NameBook, v: Value): string {
  if (v.t === 'none') return 'None';
  if (v.t === 'int') return String(v.v);
  return displayName(book, v.id);
}

/** One sentence per event a student should hear about, in order. */
export function narrate(
  events: readonly EngineEvent[],
  before: EngineState,
  after: EngineState,
  book: NameBook,
): string[] {
  const states = [before, after];
  const lines: string[] = [];
  for (const e of events) {
    const line = sentence(e, states, book);
    if (line) lines.push(line);
  }
  return lines;
}

function sentence(e: EngineEvent, states: EngineState[], book: NameBook): string | null {
  const name = (id: ObjId): string => displayName(book, id);
  switch (e.type) {
    case 'allocated':
      return t('say.allocated', { obj: name(e.id) });
    case 'stored':
      return t('say.stored', {
        place: placeText(states, e.place, book),
        value: valueText(book, e.value),
      });
    case 'removed':
      return t('say.removed', {
        place: placeText(states, e.place, book),
        value: valueText(book, e.old),
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

/**
 * Splits a statement's events at the start of its (last) collection: what came before may be
 * told at once; the collection's own events (clearing, refcounts falling inside delete_garbage,
 * frees, the returned count) are told by the gc player, step by step, and only then summarised.
 */
export function splitAtCollection(events: readonly EngineEvent[]): {
  now: EngineEvent[];
  collection: EngineEvent[];
} {
  const end = events.findLastIndex((e) => e.type === 'collected');
  if (end < 0) return { now: [...events], collection: [] };
  const done = events[end]!;
  const garbage = new Set(done.type === 'collected' ? [...done.trace.freed] : []);
  let start = end;
  while (start > 0 && partOfCollection(events[start - 1]!, garbage)) start--;
  return {
    now: [...events.slice(0, start), ...events.slice(end + 1)],
    collection: events.slice(start, end + 1),
  };
}

function partOfCollection(e: EngineEvent, garbage: ReadonlySet<ObjId>): boolean {
  switch (e.type) {
    case 'freed':
      return e.cause === 'gc' || garbage.has(e.id);
    case 'refcount':
      return garbage.has(e.id);
    case 'removed':
      return e.place.kind !== 'name' && garbage.has(e.place.obj);
    case 'weakrefCleared':
    case 'untracked':
      return true;
    default:
      return false;
  }
}
