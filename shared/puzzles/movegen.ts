/**
 * The solver's move generator: every move of the allowed kinds a player could make on a state,
 * built from the names bound now, one step from them (the subset's reach), the puzzle's scratch
 * names, and the attribute names and dict keys the setup used. Fresh names beyond `scratch` and
 * invented attributes are interchangeable with these, so they cannot make a solution shorter.
 * Moves that Python would reject are generated too; applyMove filters them out.
 */
import type { EngineState, HeapObject, Value } from '../engine/index.ts';
import type { MoveKind } from './contract.ts';
import type { Puzzle } from './format.ts';
import { slotsOf, stepSource } from './paths.ts';
import type { Prepared } from './board.ts';

/** Names, attributes and keys the generator combines. */
export interface Vocabulary {
  scratch: string[];
  attrs: string[];
  keys: string[];
  classes: string[];
  functions: { name: string; arity: number }[];
}

/** The vocabulary of a puzzle: setup attributes and keys, plus `next` so links can be made. */
export function vocabularyOf(puzzle: Pick<Puzzle, 'scratch'>, prep: Prepared): Vocabulary {
  const attrs = new Set<string>(['next']);
  const keys = new Set<string>();
  for (const obj of Object.values(prep.start.engine.objects)) {
    for (const { step } of slotsOf(prep.start.engine, obj)) {
      if (step.kind === 'attr') attrs.add(step.name);
      if (step.kind === 'key') keys.add(step.key);
    }
  }
  return {
    scratch: [...puzzle.scratch],
    attrs: [...attrs].sort(),
    keys: [...keys].sort(),
    classes: [...prep.ctx.classes],
    functions: [...prep.ctx.functions.values()].map((f) => ({
      name: f.name,
      arity: f.params.length,
    })),
  };
}

interface View {
  state: EngineState;
  names: string[];
  targets: string[];
  voc: Vocabulary;
}

const objectOf = (s: EngineState, v: Value | undefined): HeapObject | undefined =>
  v && v.t === 'ref' ? s.objects[v.id] : undefined;

/** Every candidate statement of the allowed kinds, deduplicated, in a stable order. */
export function candidateMoves(
  allowed: readonly MoveKind[],
  voc: Vocabulary,
  state: EngineState,
): string[] {
  const names = Object.keys(state.globals).sort();
  const targets = [...new Set([...names, ...voc.scratch])];
  const view: View = { state, names, targets, voc };
  const out = new Set<string>();
  for (const kind of allowed) for (const m of GENERATORS[kind](view)) out.add(m);
  return [...out];
}

const GENERATORS: Record<MoveKind, (v: View) => string[]> = {
  delName: (v) => v.names.map((n) => `del ${n}`),
  rebindNone: (v) => [
    ...v.names.filter((n) => v.state.globals[n]?.t !== 'none').map((n) => `${n} = None`),
    ...slotMoves(v, (n, step, value) => (value.t === 'none' ? [] : [`${n}${step} = None`])),
  ],
  deleteRef: (v) => [...slotMoves(v, (n, step) => [`del ${n}${step}`]), ...listOps(v)],
  createRef: (v) => [...bindings(v), ...stores(v)],
  newObject: newObjects,
  weakref: weakrefs,
  call: calls,
  collect: () => ['gc.collect()'],
  toggleGc: (v) => [v.state.gc.enabled ? 'gc.disable()' : 'gc.enable()'],
};

/** For each name bound to an object, each of its slots. */
function slotMoves(
  v: View,
  make: (name: string, step: string, value: Value) => string[],
): string[] {
  const out: string[] = [];
  for (const n of v.names) {
    const obj = objectOf(v.state, v.state.globals[n]);
    if (!obj) continue;
    for (const slot of slotsOf(v.state, obj))
      out.push(...make(n, stepSource(slot.step), slot.value));
  }
  return out;
}

function listOps(v: View): string[] {
  const out: string[] = [];
  for (const n of v.names) {
    const obj = objectOf(v.state, v.state.globals[n]);
    const size =
      obj?.kind === 'list' ? obj.items.length : obj?.kind === 'dict' ? obj.entries.length : 0;
    if (size === 0) continue;
    out.push(`${n}.clear()`);
    if (obj?.kind === 'list') out.push(`${n}.pop()`, ...v.targets.map((t) => `${t} = ${n}.pop()`));
  }
  return out;
}

/** `x = y`, `x = y.attr` / `y[i]` / `y['k']`, `x = 0`. */
function bindings(v: View): string[] {
  const out: string[] = [];
  for (const t of v.targets) {
    out.push(`${t} = 0`);
    for (const n of v.names) if (n !== t) out.push(`${t} = ${n}`);
    out.push(
      ...slotMoves(v, (n, step, value) => (value.t === 'ref' ? [`${t} = ${n}${step}`] : [])),
    );
  }
  return out;
}

/** `y.attr = x`, `y[i] = x`, `y['k'] = x`, `y.append(x)` with x a name (not a weakref) or 0. */
function stores(v: View): string[] {
  const values = [
    ...v.names.filter((n) => objectOf(v.state, v.state.globals[n])?.kind !== 'weakref'),
    '0',
  ];
  const out: string[] = [];
  for (const n of v.names) {
    const obj = objectOf(v.state, v.state.globals[n]);
    if (!obj || obj.kind === 'weakref') continue;
    const places =
      obj.kind === 'instance'
        ? v.voc.attrs.map((a) => `${n}.${a}`)
        : obj.kind === 'list'
          ? obj.items.map((_, i) => `${n}[${i}]`)
          : [...new Set([...v.voc.keys, ...obj.entries.map(([k]) => k)])].map(
              (k) => `${n}['${k}']`,
            );
    for (const p of places) for (const x of values) out.push(`${p} = ${x}`);
    if (obj.kind === 'list') for (const x of values) out.push(`${n}.append(${x})`);
  }
  return out;
}

function newObjects(v: View): string[] {
  const out: string[] = [];
  const items = v.names.filter((n) => objectOf(v.state, v.state.globals[n])?.kind !== 'weakref');
  for (const t of v.targets) {
    out.push(`${t} = []`, `${t} = {}`, ...v.voc.classes.map((c) => `${t} = ${c}()`));
    for (const a of items) {
      out.push(`${t} = [${a}]`, ...v.voc.keys.map((k) => `${t} = {'${k}': ${a}}`));
      for (const b of items) out.push(`${t} = [${a}, ${b}]`);
    }
  }
  return out;
}

function weakrefs(v: View): string[] {
  const out: string[] = [];
  for (const n of v.names) {
    const obj = objectOf(v.state, v.state.globals[n]);
    if (obj?.kind === 'instance') out.push(...v.targets.map((t) => `${t} = weakref.ref(${n})`));
    if (obj?.kind === 'weakref') out.push(...v.targets.map((t) => `${t} = ${n}()`));
  }
  return out;
}

function calls(v: View): string[] {
  const out: string[] = [];
  for (const f of v.voc.functions) {
    for (const args of argLists(v.names, f.arity)) {
      const call = `${f.name}(${args.join(', ')})`;
      out.push(call, ...v.targets.map((t) => `${t} = ${call}`));
    }
  }
  return out;
}

function argLists(names: string[], arity: number): string[][] {
  if (arity === 0) return [[]];
  return argLists(names, arity - 1).flatMap((rest) => names.map((n) => [...rest, n]));
}
