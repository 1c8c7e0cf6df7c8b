/**
 * Builders for functions and cycles: `def` bodies over parameters p, q and locals t, u, v, r
 * (local cycles, links to parameters, reads of module names, nested calls, early returns),
 * calls, and rings of 1-6 objects whose names are then dropped.
 */
import { chance, int, pick } from './rand.ts';
import type { World } from './world.ts';
import { MODULE_NAMES, storable, WEAK_NAMES } from './world.ts';

const LOCALS = ['t', 'u', 'v', 'r'] as const;
type LocalKind = 'list' | 'dict' | 'Node' | 'Slot' | 'other';

interface Body {
  lines: string[];
  kinds: Map<string, LocalKind>;
  params: string[];
}

function alloc(w: World, b: Body, name: string): void {
  const kind = pick(w.rand, ['list', 'dict', 'Node', 'Slot', 'Node'] as const);
  const text = kind === 'list' ? '[]' : kind === 'dict' ? '{}' : `${kind}()`;
  b.lines.push(`${name} = ${text}`);
  b.kinds.set(name, kind);
}

/** `x -> y` as a statement valid for x's kind (params get attribute links). */
function linkStmt(w: World, b: Body, x: string, y: string): string {
  const kind = b.kinds.get(x) ?? 'other';
  if (kind === 'list') return `${x}.append(${y})`;
  if (kind === 'dict') return `${x}['${pick(w.rand, ['k', 'x', 'y'])}'] = ${y}`;
  return `${x}.${pick(w.rand, ['next', 'prev'])} = ${y}`;
}

function bodyStatement(w: World, b: Body): void {
  const known = [...b.kinds.keys()];
  const vals = [...known, ...b.params];
  const roll = int(w.rand, 10);
  if (roll < 3 || vals.length === 0) return alloc(w, b, pick(w.rand, LOCALS));
  const x = pick(w.rand, vals);
  const y = pick(w.rand, vals);
  if (roll < 6) return void b.lines.push(linkStmt(w, b, x, y));
  if (roll === 6)
    return void b.lines.push(
      pick(w.rand, [`print(sys.getrefcount(${x}))`, 'print(gc.collect())', `print(${x} is ${y})`]),
    );
  if (roll === 7 && w.fns.length) return callInBody(w, b, vals);
  if (roll === 8) {
    const globals = storable(w);
    const t = pick(w.rand, LOCALS);
    if (globals.length && chance(w.rand, 0.5)) {
      b.lines.push(`${t} = ${pick(w.rand, globals)}`);
      return void b.kinds.set(t, 'other');
    }
    return void b.lines.push(chance(w.rand, 0.5) ? `${x} = None` : `del ${x}`);
  }
  b.lines.push(`${pick(w.rand, LOCALS)} = ${x}`);
}

function callInBody(w: World, b: Body, vals: string[]): void {
  const fn = pick(w.rand, w.fns);
  const args = Array.from({ length: fn.arity }, () => pick(w.rand, vals)).join(', ');
  if (chance(w.rand, 0.6)) {
    const t = pick(w.rand, LOCALS);
    b.lines.push(`${t} = ${fn.name}(${args})`);
    b.kinds.set(t, 'other');
  } else {
    b.lines.push(`${fn.name}(${args})`);
  }
}

/** `def fN(...)` with a random body; `cyclic` makes its locals form a ring first. */
export function defFunction(w: World, cyclic: boolean): string {
  const name = `f${w.fns.length + 1}`;
  const params = ['p', 'q'].slice(0, int(w.rand, 3));
  const b: Body = { lines: [], kinds: new Map(), params };
  if (cyclic) {
    const ring = LOCALS.slice(0, 1 + int(w.rand, 3));
    ring.forEach((n) => alloc(w, b, n));
    ring.forEach((n, i) => b.lines.push(linkStmt(w, b, n, ring[(i + 1) % ring.length] as string)));
    if (params.length && chance(w.rand, 0.5))
      b.lines.push(linkStmt(w, b, ring[0] as string, params[0] as string));
  }
  const extra = 1 + int(w.rand, cyclic ? 3 : 6);
  for (let i = 0; i < extra; i++) bodyStatement(w, b);
  const ret = [...b.kinds.keys(), ...params];
  if (ret.length && chance(w.rand, 0.6)) {
    b.lines.push(`return ${pick(w.rand, ret)}`);
    if (chance(w.rand, 0.1)) b.lines.push('print(gc.collect())');
  } else if (chance(w.rand, 0.2)) {
    b.lines.push(pick(w.rand, ['return', 'return None', 'pass']));
  }
  w.fns.push({ name, arity: params.length });
  return [`def ${name}(${params.join(', ')}):`, ...b.lines.map((l) => `    ${l}`)].join('\n');
}

/** `fN(args)` or `X = fN(args)` with module-level arguments. */
export function callFunction(w: World): string | null {
  if (!w.fns.length) return null;
  const fn = pick(w.rand, w.fns);
  const vals = storable(w);
  if (fn.arity > 0 && !vals.length) return null;
  const args = Array.from({ length: fn.arity }, () => pick(w.rand, vals)).join(', ');
  const call = `${fn.name}(${args})`;
  return chance(w.rand, 0.6) ? `${pick(w.rand, MODULE_NAMES)} = ${call}` : call;
}

/** A def with a local cycle, then one or two calls and a printed collection. */
export function funcCycle(w: World): string {
  const def = defFunction(w, true);
  const calls = Array.from({ length: 1 + int(w.rand, 2) }, () => callFunction(w) ?? '').filter(
    Boolean,
  );
  return [def, ...calls, 'print(gc.collect())'].join('\n');
}

/** A ring of 1-6 objects (lists, Nodes, Slots, dicts), maybe a chord, a tail and a weakref. */
export function cycle(w: World): string {
  const size = 1 + int(w.rand, 6);
  const ring = MODULE_NAMES.slice(0, size);
  const kinds = ring.map(() => pick(w.rand, ['[]', '{}', 'Node()', 'Slot()'] as const));
  const lines = ring.map((n, i) => `${n} = ${kinds[i]}`);
  const edge = (i: number, to: string): string => {
    const k = kinds[i];
    const n = ring[i] as string;
    if (k === '[]') return `${n}.append(${to})`;
    if (k === '{}') return `${n}['${pick(w.rand, ['k', 'x', 'y'])}'] = ${to}`;
    return `${n}.${pick(w.rand, ['next', 'prev'])} = ${to}`;
  };
  ring.forEach((_, i) => lines.push(edge(i, ring[(i + 1) % size] as string)));
  if (size > 2 && chance(w.rand, 0.3)) lines.push(edge(0, ring[2] as string));
  if (chance(w.rand, 0.5))
    lines.push(`m = ${pick(w.rand, ['[]', 'Node()', '{}'])}`, edge(size - 1, 'm'), 'del m');
  const weakable = ring.filter((_, i) => kinds[i] === 'Node()' || kinds[i] === 'Slot()');
  const wn = pick(w.rand, WEAK_NAMES);
  if (weakable.length && chance(w.rand, 0.6))
    lines.push(`${wn} = weakref.ref(${pick(w.rand, weakable)})`);
  const kept = chance(w.rand, 0.3) ? (ring[0] as string) : null;
  lines.push(`del ${ring.filter((n) => n !== kept).join(', ')}`);
  lines.push('print(gc.collect())');
  if (kept) lines.push(`del ${kept}`, 'print(gc.collect())');
  if (lines.some((l) => l.startsWith(`${wn} =`))) lines.push(`print(${wn}() is None)`);
  return lines.join('\n');
}
