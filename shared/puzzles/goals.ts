/**
 * Evaluating a puzzle's declarative goal on a board. Objects are named by setup paths that were
 * resolved to ids when the setup ran (`Anchors`): "the list `a` named at the start", even after
 * `a` is deleted or rebound.
 */
import { heapBytes, reachableFromRoots } from '../engine/index.ts';
import type { EngineState, ObjId } from '../engine/index.ts';
import type { Board, GoalStatus, MoveKind } from './contract.ts';
import type { GoalClause, Puzzle, Text } from './format.ts';
import { resolvePath } from './paths.ts';

/** What the setup left behind that goals refer to. */
export interface Anchors {
  /** Setup path → object id, for every path any goal clause names. */
  ids: Record<string, ObjId>;
  /** Collections run by the end of setup (preamble and setup gc.collect() included). */
  collectionsAtStart: number;
}

/** Kinds that remove a reference: the `maxDeletions` clause counts them. */
export const DELETION_KINDS: readonly MoveKind[] = ['deleteRef', 'delName', 'rebindNone'];

/** Setup paths named by goal clauses (deduplicated, in order). */
function goalRefs(puzzle: Pick<Puzzle, 'goal'>): string[] {
  const refs: string[] = [];
  for (const c of puzzle.goal) {
    if (c.kind === 'freed' || c.kind === 'alive')
      for (const r of c.refs) if (!refs.includes(r)) refs.push(r);
  }
  return refs;
}

/** Resolve goal refs in the start state; a ref that is not an object there is an authoring error. */
export function anchorGoal(puzzle: Pick<Puzzle, 'goal'>, start: EngineState): Anchors | string {
  const ids: Record<string, ObjId> = {};
  for (const ref of goalRefs(puzzle)) {
    const v = resolvePath(start, ref);
    if (!v || v.t !== 'ref') return `goal names ${ref}, which is not an object after setup`;
    ids[ref] = v.id;
  }
  const c = start.gc.collections;
  return { ids, collectionsAtStart: c[0] + c[1] + c[2] };
}

/** Per-board counts that history and limit clauses read. */
export interface MoveTally {
  deletions: number;
  collects: number;
}

function clauseMet(c: GoalClause, board: Board, anchors: Anchors, tally: MoveTally): boolean {
  const s = board.engine;
  const alive = (ref: string): boolean => s.objects[anchors.ids[ref] ?? -1] !== undefined;
  switch (c.kind) {
    case 'freed':
      return c.refs.every((r) => !alive(r));
    case 'alive':
      return c.refs.every(alive);
    case 'noGarbage':
      return noGarbage(s);
    case 'collectReturned':
      return board.collections.some((k) => k.result === c.n);
    case 'autoCollected':
      return collectionsRun(s) - anchors.collectionsAtStart > tally.collects;
    case 'heapAtMost':
      return heapBytes(s) <= c.bytes;
    case 'objectCount':
      return Object.keys(s.objects).length === c.n;
    case 'bound':
      return boundTo(s, c.name) === c.to;
    case 'length':
      return lengthAt(s, c.path) === c.n;
    case 'weakrefDead':
      return weakrefState(s, c.name) === (c.dead ? 'dead' : 'alive');
    case 'gcEnabled':
      return s.gc.enabled === c.value;
    case 'maxDeletions':
      return tally.deletions <= c.n;
    case 'noCollect':
      return tally.collects === 0;
  }
}

function collectionsRun(s: EngineState): number {
  const c = s.gc.collections;
  return c[0] + c[1] + c[2];
}

/** True when every object on the heap is reachable from a name. */
export function noGarbage(s: EngineState): boolean {
  const reachable = reachableFromRoots(s);
  return Object.keys(s.objects).every((id) => reachable.has(Number(id)));
}

/** What a module-level name holds, as the `bound` clause spells it. */
function boundTo(s: EngineState, name: string): string {
  const v = s.globals[name];
  if (v === undefined) return 'unbound';
  if (v.t === 'none') return 'none';
  if (v.t === 'int') return 'int';
  return s.objects[v.id]?.kind ?? 'unbound';
}

/** 'alive' / 'dead' for a name bound to a weakref object, else 'none'. */
function weakrefState(s: EngineState, name: string): 'alive' | 'dead' | 'none' {
  const v = s.globals[name];
  const w = v && v.t === 'ref' ? s.objects[v.id] : undefined;
  if (w?.kind !== 'weakref') return 'none';
  return w.referent === null ? 'dead' : 'alive';
}

function lengthAt(s: EngineState, path: string): number {
  const v = resolvePath(s, path);
  const obj = v && v.t === 'ref' ? s.objects[v.id] : undefined;
  if (obj?.kind === 'list') return obj.items.length;
  if (obj?.kind === 'dict') return obj.entries.length;
  return -1;
}

/** A stable id for a clause, for the HUD and tests: `freed(a,b)`, `heapAtMost(200)`. */
export function clauseId(c: GoalClause): string {
  switch (c.kind) {
    case 'freed':
    case 'alive':
      return `${c.kind}(${c.refs.join(',')})`;
    case 'collectReturned':
    case 'objectCount':
    case 'maxDeletions':
      return `${c.kind}(${c.n})`;
    case 'heapAtMost':
      return `heapAtMost(${c.bytes})`;
    case 'bound':
      return `bound(${c.name},${c.to})`;
    case 'length':
      return `length(${c.path},${c.n})`;
    case 'gcEnabled':
      return `gcEnabled(${c.value})`;
    case 'weakrefDead':
      return `weakrefDead(${c.name},${c.dead})`;
    default:
      return c.kind;
  }
}

/** Evaluate every clause. */
export function evaluateGoal(
  goal: readonly GoalClause[],
  board: Board,
  anchors: Anchors,
  tally: MoveTally,
): GoalStatus {
  const clauses = goal.map((c) => ({ id: clauseId(c), met: clauseMet(c, board, anchors, tally) }));
  return { done: clauses.every((c) => c.met), clauses };
}

/** True if a limit clause is already broken: no later move can repair it (the solver prunes). */
export function limitBroken(goal: readonly GoalClause[], tally: MoveTally): boolean {
  return goal.some(
    (c) =>
      (c.kind === 'maxDeletions' && tally.deletions > c.n) ||
      (c.kind === 'noCollect' && tally.collects > 0),
  );
}

/** One line per clause for the HUD, in either language. */
export function clauseText(c: GoalClause, lang: keyof Text): string {
  const en = lang === 'en';
  const list = (refs: string[]): string => refs.map((r) => `\`${r}\``).join(', ');
  switch (c.kind) {
    case 'freed':
      return en ? `Free ${list(c.refs)}` : `Bebaskan ${list(c.refs)}`;
    case 'alive':
      return en ? `Keep ${list(c.refs)} alive` : `Jaga ${list(c.refs)} tetap hidup`;
    case 'noGarbage':
      return en ? 'Leave no garbage on the heap' : 'Jangan sisakan sampah di heap';
    case 'collectReturned':
      return en ? `Make gc.collect() return ${c.n}` : `Buat gc.collect() mengembalikan ${c.n}`;
    case 'autoCollected':
      return en ? 'Let the collector run by itself' : 'Biarkan collector berjalan sendiri';
    case 'heapAtMost':
      return en ? `Heap at most ${c.bytes} bytes` : `Heap paling banyak ${c.bytes} byte`;
    case 'objectCount':
      return en
        ? `Exactly ${c.n} ${c.n === 1 ? 'object' : 'objects'} on the heap`
        : `Tepat ${c.n} objek di heap`;
    case 'bound':
      return boundText(c.name, c.to, en);
    case 'length':
      return en
        ? `\`${c.path}\` has ${c.n} ${c.n === 1 ? 'item' : 'items'}`
        : `\`${c.path}\` berisi ${c.n} item`;
    case 'weakrefDead':
      return c.dead
        ? en
          ? `\`${c.name}()\` returns None`
          : `\`${c.name}()\` mengembalikan None`
        : en
          ? `\`${c.name}()\` still finds its object`
          : `\`${c.name}()\` masih menemukan objeknya`;
    case 'gcEnabled':
      return en
        ? `Collector ${c.value ? 'on' : 'off'} at the end`
        : `Collector ${c.value ? 'menyala' : 'mati'} di akhir`;
    case 'maxDeletions':
      return en
        ? `At most ${c.n} ${c.n === 1 ? 'deletion' : 'deletions'}`
        : `Paling banyak ${c.n} penghapusan`;
    case 'noCollect':
      return en ? 'Without calling gc.collect()' : 'Tanpa memanggil gc.collect()';
  }
}

type BoundTo = (GoalClause & { kind: 'bound' })['to'];

/** What a `bound` clause asks of its name, as a phrase ("`score` is None", not "holds: none"). */
function boundText(name: string, to: BoundTo, en: boolean): string {
  const n = `\`${name}\``;
  if (to === 'none') return en ? `${n} is None` : `${n} bernilai None`;
  if (to === 'unbound') return en ? `${n} is not bound` : `${n} tidak terikat ke apa pun`;
  const what = {
    list: ['a list', 'sebuah list'],
    dict: ['a dict', 'sebuah dict'],
    instance: ['an object', 'sebuah objek'],
    weakref: ['a weakref', 'sebuah weakref'],
    int: ['an int', 'sebuah int'],
  }[to];
  return en ? `${n} holds ${what[0]}` : `${n} berisi ${what[1]}`;
}
