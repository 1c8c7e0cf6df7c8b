/**
 * What the generator knows while it writes a script: the session running the script so far
 * (the engine state is the truth about every name), the functions defined, and the random
 * source. Helpers classify module-level names by what they hold right now.
 */
import type { HeapObject, Value } from '../../../shared/engine/index.ts';
import type { Session } from '../../../shared/python/session.ts';
import type { Rand } from './rand.ts';

interface FnSpec {
  name: string;
  arity: number;
}

export interface World {
  rand: Rand;
  session: Session;
  fns: FnSpec[];
  /** Class names in this script's preamble, and which ones are __slots__ classes. */
  classes: { name: string; slots: string[] | null; weakrefable: boolean }[];
}

export const MODULE_NAMES = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'g',
  'h',
  'k',
  'm',
  'n',
  'x',
  'y',
  'z',
] as const;
export const WEAK_NAMES = ['w1', 'w2', 'w3'] as const;
const PLAIN_ATTRS = ['next', 'prev', 'data', 'other'] as const;
export const KEYS = ['k', 'x', 'y'] as const;
export const INTS = [0, 1, 7, 42, 256, -5] as const;

export type Kind = 'none' | 'int' | 'list' | 'dict' | 'instance' | 'weakref';

function valueKind(w: World, v: Value | undefined): Kind | null {
  if (!v) return null;
  if (v.t !== 'ref') return v.t;
  return objectAt(w, v)?.kind ?? null;
}

export function objectAt(w: World, v: Value | undefined): HeapObject | null {
  return v?.t === 'ref' ? (w.session.rt.state.objects[v.id] ?? null) : null;
}

/** Module-level names (from MODULE_NAMES and WEAK_NAMES) bound now, optionally of some kinds. */
export function names(w: World, ...kinds: Kind[]): string[] {
  const g = w.session.rt.state.globals;
  return [...MODULE_NAMES, ...WEAK_NAMES].filter((n) => {
    const k = valueKind(w, g[n]);
    return k !== null && (kinds.length === 0 || kinds.includes(k));
  });
}

/** Bound names that may be stored or passed (everything but weakrefs, per the subset). */
export function storable(w: World): string[] {
  return names(w, 'none', 'int', 'list', 'dict', 'instance');
}

/** Attribute names an instance's class allows. */
export function attrsFor(w: World, obj: HeapObject | null): readonly string[] {
  if (obj?.kind !== 'instance') return PLAIN_ATTRS;
  const cls = w.classes.find((c) => c.name === obj.cls);
  return cls?.slots ?? PLAIN_ATTRS;
}

/** Attributes currently set on the instance a name holds. */
export function setAttrs(w: World, name: string): string[] {
  const obj = objectAt(w, w.session.rt.state.globals[name]);
  if (obj?.kind !== 'instance') return [];
  if (obj.dict !== null) {
    const d = w.session.rt.state.objects[obj.dict];
    return d?.kind === 'dict' ? d.entries.map(([k]) => k) : [];
  }
  return obj.attrs.map(([k]) => k);
}
