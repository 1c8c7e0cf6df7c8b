/**
 * Module-level statement builders. Each returns candidate source (one or more lines) chosen from
 * what the names hold right now, or null when it has nothing to offer. A candidate CPython would
 * reject is filtered out by the caller, which runs it through the session first.
 */
import { chance, int, pick } from './rand.ts';
import type { World } from './world.ts';
import {
  attrsFor,
  INTS,
  KEYS,
  MODULE_NAMES,
  names,
  objectAt,
  setAttrs,
  storable,
  WEAK_NAMES,
} from './world.ts';

type Builder = (w: World) => string | null;

const any = (w: World, items: readonly string[]): string | null =>
  items.length ? pick(w.rand, items) : null;
const target = (w: World): string => pick(w.rand, MODULE_NAMES);
const className = (w: World): string => pick(w.rand, w.classes).name;

function newObject(w: World): string {
  const vals = storable(w);
  const kind = int(w.rand, 6);
  if (kind === 0) return `${target(w)} = []`;
  if (kind === 1) return `${target(w)} = {}`;
  if (kind === 2 && vals.length) {
    const items = Array.from({ length: 1 + int(w.rand, 3) }, () => pick(w.rand, vals));
    return `${target(w)} = [${items.join(', ')}]`;
  }
  if (kind === 3 && vals.length) {
    const keys = KEYS.filter(() => chance(w.rand, 0.5));
    const entries = (keys.length ? keys : ['k']).map((k) => `'${k}': ${pick(w.rand, vals)}`);
    return `${target(w)} = {${entries.join(', ')}}`;
  }
  return `${target(w)} = ${className(w)}()`;
}

function link(w: World): string | null {
  const vals = storable(w);
  if (!vals.length) return null;
  const v = pick(w.rand, vals);
  const kind = int(w.rand, 4);
  if (kind === 0) return withName(names(w, 'list'), (y) => `${y}.append(${v})`, w);
  if (kind === 1)
    return withName(names(w, 'dict'), (y) => `${y}['${pick(w.rand, KEYS)}'] = ${v}`, w);
  if (kind === 2) return withName(names(w, 'list'), (y) => `${y}[${listIndex(w, y)}] = ${v}`, w);
  return withName(
    names(w, 'instance'),
    (y) => `${y}.${pick(w.rand, attrsFor(w, objectAt(w, w.session.rt.state.globals[y])))} = ${v}`,
    w,
  );
}

function withName(candidates: string[], f: (name: string) => string, w: World): string | null {
  const n = any(w, candidates);
  return n === null ? null : f(n);
}

/** A valid index into the list `name` (sometimes negative). */
function listIndex(w: World, name: string): number {
  const obj = objectAt(w, w.session.rt.state.globals[name]);
  const len = obj?.kind === 'list' ? obj.items.length : 0;
  if (len === 0) return 0;
  const i = int(w.rand, len);
  return chance(w.rand, 0.2) ? i - len : i;
}

function unlink(w: World): string | null {
  const kind = int(w.rand, 5);
  if (kind === 0)
    return withName(names(w, 'instance'), (y) => `del ${y}.${any(w, setAttrs(w, y)) ?? 'next'}`, w);
  if (kind === 1) return withName(names(w, 'dict'), (y) => `del ${y}['${pick(w.rand, KEYS)}']`, w);
  if (kind === 2) return withName(names(w, 'list'), (y) => `del ${y}[${listIndex(w, y)}]`, w);
  if (kind === 3) return withName(names(w, 'list'), (y) => `${y}.pop()`, w);
  return withName(names(w, 'list', 'dict'), (y) => `${y}.clear()`, w);
}

function read(w: World): string | null {
  const x = target(w);
  const kind = int(w.rand, 4);
  if (kind === 0)
    return withName(
      names(w, 'instance'),
      (y) => `${x} = ${y}.${any(w, setAttrs(w, y)) ?? 'next'}`,
      w,
    );
  if (kind === 1) return withName(names(w, 'list'), (y) => `${x} = ${y}[${listIndex(w, y)}]`, w);
  if (kind === 2)
    return withName(names(w, 'dict'), (y) => `${x} = ${y}['${pick(w.rand, KEYS)}']`, w);
  return withName(names(w, 'list'), (y) => `${x} = ${y}.pop()`, w);
}

function del(w: World): string | null {
  const bound = names(w, 'none', 'int', 'list', 'dict', 'instance');
  if (!bound.length) return null;
  const picked = [
    ...new Set(Array.from({ length: 1 + int(w.rand, 3) }, () => pick(w.rand, bound))),
  ];
  return `del ${picked.join(', ')}`;
}

function weak(w: World): string | null {
  return withName(
    names(w, 'instance'),
    (y) => `${pick(w.rand, WEAK_NAMES)} = weakref.ref(${y})`,
    w,
  );
}

function deref(w: World): string | null {
  return withName(names(w, 'weakref'), (wn) => `${target(w)} = ${wn}()`, w);
}

function rc(w: World): string | null {
  const objs = names(w, 'list', 'dict', 'instance');
  if (chance(w.rand, 0.1)) objs.push(...names(w, 'weakref'));
  const y = any(w, objs);
  if (y === null) return null;
  const attrs = setAttrs(w, y);
  if (attrs.length && chance(w.rand, 0.2))
    return `print(sys.getrefcount(${y}.${pick(w.rand, attrs)}))`;
  return `print(sys.getrefcount(${y}))`;
}

function gcStmt(w: World): string {
  const gen = chance(w.rand, 0.2) ? String(int(w.rand, 3)) : '';
  return chance(w.rand, 0.8) ? `print(gc.collect(${gen}))` : `gc.collect(${gen})`;
}

function isTest(w: World): string | null {
  const vals = storable(w);
  if (!vals.length) return null;
  const op = chance(w.rand, 0.2) ? 'is not' : 'is';
  const right = chance(w.rand, 0.3) ? 'None' : pick(w.rand, vals);
  return `print(${pick(w.rand, vals)} ${op} ${right})`;
}

function weakcheck(w: World): string | null {
  return withName(names(w, 'weakref'), (wn) => `print(${wn}() is None)`, w);
}

function gcctl(w: World): string {
  return pick(w.rand, [
    'gc.enable()',
    'gc.disable()',
    'print(gc.isenabled())',
    'print(gc.get_threshold())',
    'gc.disable()',
  ]);
}

/** Extras beyond the oracle corpus: len, is_tracked, reprs, small ints. */
function extra(w: World): string | null {
  const kind = int(w.rand, 6);
  // not lists: see docs/python-runner.md "Engine issues" (list capacity after del / constant displays)
  if (kind === 5)
    return withName(
      names(w, 'dict', 'instance', 'weakref', 'none', 'int'),
      (y) => `print(sys.getsizeof(${y}))`,
      w,
    );
  if (kind === 0) return withName(names(w, 'list', 'dict'), (y) => `print(len(${y}))`, w);
  if (kind === 1) return withName(storable(w), (y) => `print(gc.is_tracked(${y}))`, w);
  if (kind === 2) return withName(names(w, 'none', 'int', 'list', 'dict'), (y) => `print(${y})`, w);
  if (kind === 3) return `${target(w)} = ${pick(w.rand, INTS)}`;
  return `${target(w)} = None`;
}

function alias(w: World): string | null {
  return withName(storable(w), (y) => `${target(w)} = ${y}`, w);
}

/** Legal Python the oracle generator avoids: weakrefs stored in containers, self-assignment. */
function odd(w: World): string | null {
  const weak = names(w, 'weakref');
  const kind = int(w.rand, 4);
  if (kind === 0 && weak.length)
    return withName(names(w, 'list'), (y) => `${y}.append(${pick(w.rand, weak)})`, w);
  if (kind === 1 && weak.length)
    return withName(names(w, 'instance'), (y) => `${y}.other = ${pick(w.rand, weak)}`, w);
  if (kind === 2 && weak.length)
    return withName(names(w, 'dict'), (y) => `${y}['k'] = ${pick(w.rand, weak)}`, w);
  return withName(storable(w), (y) => `${y} = ${y}`, w);
}

export const BUILDERS: Record<string, Builder> = {
  odd,
  new: newObject,
  alias,
  link,
  unlink,
  read,
  del,
  weak,
  deref,
  rc,
  gc: gcStmt,
  is: isTest,
  weakcheck,
  gcctl,
  extra,
};
