/**
 * One display name per object for its whole life: its kind (or class) and a circled number,
 * `list①`, `Node②`, counted per kind in order of creation. The picture's card titles, the
 * narration, the log and the gc player all use it, so a child always reads the same object by
 * the same name; the Python paths that reach it (`box`, `cfg['app']`) are only aliases.
 *
 * Pure and deterministic: a book is grown from the engine's `allocated` events in order (objects
 * present without an event — the level's starting heap — are named by ascending id, which is
 * creation order). Undo can hand an id back to the engine; when that id later holds an object of
 * another kind it gets a fresh name.
 */
import type { EngineEvent } from '../../shared/engine/events.ts';
import type { EngineState, HeapObject, ObjId } from '../../shared/engine/types.ts';

export interface NameBook {
  readonly names: ReadonlyMap<ObjId, { kind: string; name: string }>;
  /** How many objects of each kind have been named so far. */
  readonly counts: ReadonlyMap<string, number>;
}

export const EMPTY_BOOK: NameBook = { names: new Map(), counts: new Map() };

export function kindLabel(o: HeapObject): string {
  return o.kind === 'instance' ? o.cls : o.kind;
}

/** ① … ⑳, ㉑ … ㊿, then (51), (52) … */
export function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** The book after a statement: new objects named in allocation order, then any others by id. */
export function nameObjects(
  book: NameBook,
  state: EngineState,
  events: readonly EngineEvent[] = [],
): NameBook {
  const names = new Map(book.names);
  const counts = new Map(book.counts);
  const name = (id: ObjId): void => {
    const o = state.objects[id];
    if (!o) return;
    const kind = kindLabel(o);
    if (names.get(id)?.kind === kind) return;
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    names.set(id, { kind, name: `${kind}${circled(n)}` });
  };
  for (const e of events) if (e.type === 'allocated') name(e.id);
  for (const id of Object.keys(state.objects)
    .map(Number)
    .sort((a, b) => a - b))
    name(id);
  return names.size === book.names.size && sameCounts(counts, book.counts)
    ? book
    : { names, counts };
}

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The object's display name (`#7` only for an id the book never saw). */
export function displayName(book: NameBook, id: ObjId): string {
  return book.names.get(id)?.name ?? `#${id}`;
}
