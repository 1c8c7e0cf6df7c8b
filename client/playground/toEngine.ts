/**
 * Shows a recorded step with the campaign's own picture (HeapView: cards, arrows, rc badges,
 * the immortal tray, gc marks): the step is re-expressed as the engine state HeapView draws.
 * Lists and tuples become cell cards, dicts key/value cards, weakrefs diamonds; every other
 * object (instances, strings, functions, cells…) a titled card with one row per reference it
 * holds. Titles come from the step's labels (`Node①`, `str 'Hello'`), so each object keeps one
 * name while it lives.
 */
import type { EngineState, HeapObject, ObjId, Value } from '../../shared/engine/types.ts';
import { createState } from '../../shared/engine/state.ts';
import type { SnapObject, SnapValue, Step } from '../../shared/python/vm/snapshot.ts';
import { circled } from '../view/names.ts';
import type { NameBook } from '../view/names.ts';

const CELL_TYPES = new Set(['list', 'tuple']);
/** Weak references: the VM names weakref.ref's type `ReferenceType`, the engine `weakref`. */
const WEAKREF_TYPES = new Set(['weakref', 'ReferenceType']);
/** Types named by their value, not numbered (`str 'Hello'`). */
const VALUE_TYPES = new Set(['str', 'int', 'float', 'bytes', 'bool', 'function', 'type']);

/** Objects drawn as values (no rows is normal for them): strings, numbers, functions, classes. */
export function valueIds(step: Step): Set<ObjId> {
  const ids = Object.values(step.objects).filter(
    (o) => VALUE_TYPES.has(o.type) && o.edges.length === 0,
  );
  return new Set(ids.map((o) => o.id));
}

export function stepState(step: Step): EngineState {
  const state = createState();
  state.globals = Object.fromEntries(step.frames[0]?.locals.map(([n, v]) => [n, value(v)]) ?? []);
  state.frames = step.frames.slice(1).map((f) => ({
    fn: f.fn ?? '?',
    varnames: f.locals.map(([n]) => n),
    locals: Object.fromEntries(f.locals.map(([n, v]) => [n, value(v)])),
  }));
  const objects: Record<ObjId, HeapObject> = {};
  for (const o of Object.values(step.objects)) objects[o.id] = heapObject(o);
  state.objects = objects;
  state.nextId = Math.max(0, ...Object.keys(objects).map(Number)) + 1;
  return state;
}

function value(v: SnapValue): Value {
  if (v.t === 'obj') return { t: 'ref', id: v.id };
  const n = Number(v.text);
  return Number.isInteger(n) && v.text !== '' ? { t: 'int', v: n } : { t: 'none' };
}

function heapObject(o: SnapObject): HeapObject {
  const base = { id: o.id, rc: o.rc, gen: o.tracked ? (0 as const) : null };
  if (WEAKREF_TYPES.has(o.type)) {
    const to = o.edges.find((e) => e.weak)?.to;
    return { ...base, kind: 'weakref', referent: to?.t === 'obj' ? to.id : null };
  }
  if (CELL_TYPES.has(o.type)) {
    const items = o.edges.map((e) => value(e.to));
    return { ...base, kind: 'list', items, capacity: items.length };
  }
  if (o.type === 'dict') {
    const entries = o.edges.map((e): [string, Value] => [unquote(e.label), value(e.to)]);
    return { ...base, kind: 'dict', entries, tableSize: 8, filled: entries.length };
  }
  const attrs = o.edges
    .filter((e) => !e.weak)
    .map((e): [string, Value] => [e.label.replace(/^\./, ''), value(e.to)]);
  return { ...base, kind: 'instance', cls: o.label, attrs, dict: null, weakref: null };
}

function unquote(label: string): string {
  return /^'.*'$/.test(label) ? label.slice(1, -1) : label;
}

/**
 * Card titles for one step, keeping `book`'s names for objects it already named: classes and
 * containers are numbered per type (`Node①`), value-like objects show their value.
 */
export function nameStep(book: NameBook, step: Step): NameBook {
  const names = new Map(book.names);
  const counts = new Map(book.counts);
  const ids = Object.keys(step.objects)
    .map(Number)
    .sort((a, b) => a - b);
  for (const id of ids) {
    const o = step.objects[id]!;
    if (names.get(id)?.kind === o.type) continue;
    if (VALUE_TYPES.has(o.type)) {
      names.set(id, { kind: o.type, name: o.label });
      continue;
    }
    const kind = WEAKREF_TYPES.has(o.type) ? 'weakref' : o.type;
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    names.set(id, { kind: o.type, name: `${kind}${circled(n)}` });
  }
  return { names, counts };
}
