/**
 * Where CPython 3.11 may start an automatic collection, bounded from above.
 *
 * CPython counts every allocation of a GC object (gen-0 `count`, +1 in _PyObject_GC_Link) and
 * collects when an allocation finds the count above threshold 0 with the collector enabled.
 * Its count runs ahead of the engine's: start-up leaves it anywhere up to the threshold (247 to
 * 446 measured for `import gc` under different python3 flags), `def`, `class`, `print` and C
 * calls allocate objects the engine does not model, and free lists (emptied by every full
 * collection) hide some allocations. So the runner does not guess CPython's count: it keeps an
 * upper bound of it and refuses a script as soon as the bound could pass the threshold while the
 * collector is enabled. Below that bound no automatic collection can have happened in CPython,
 * so every answer the runner prints is CPython's.
 *
 * A possible collection is harmless when the script has no garbage at that moment: it frees
 * nothing and clears no weakref, it only moves survivors to an older generation. The runner
 * then goes on, marks the generations uncertain, and refuses what could show them
 * (gc.collect(0), gc.collect(1), gc.is_tracked of a dict) until the next full gc.collect().
 * With garbage present it refuses at once.
 *
 * The bound is unknown (null) until the first explicit gc.collect(), which sets CPython's count
 * to 0; after it, each statement adds its charge (below) and each engine allocation adds 1.
 * Deallocations never lower it (CPython lowers its count only when the object bypasses a free
 * list). Charges are the peak gen-0 growth measured with python3 (a cyclic Node with a weakref
 * and gc.set_threshold(k) probes, free lists emptied), doubled and rounded up:
 *   print(x) 2, print(1, 2, 3) 3, print of a list 4, of a tuple 5; def 1; class 12
 *   (__slots__ 14); import 1; a call of a function, class or weakref.ref 0-1 besides the
 *   objects the engine allocates.
 */
import type { EngineState } from '../engine/index.ts';
import { reachableFromRoots } from '../engine/index.ts';
import type { Expr, Stmt } from './ast.ts';
import { PyException } from './errors.ts';
import type { Runtime } from './runtime.ts';

export interface Gen0Bound {
  /** Upper bound of CPython's gen-0 count; null (unknown) until an explicit collection. */
  bound: number | null;
  /**
   * An automatic collection may have run since the last explicit full one (it found no
   * garbage, but may have moved survivors to an older generation).
   */
  uncertain: boolean;
  /** Charge of the statement running now (what it may still allocate after a gc.collect()). */
  pending: number;
}

const PRINT = 8;
const PER_PRINT_ARG = 3;
const CALL = 2;
const DISPLAY_SLACK = 1;
const ATTRIBUTE_SLACK = 1;
const DEF = 3;
const CLASS = 24;
const PER_SLOT = 2;
const IMPORT = 4;
/** For a gc.collect() inside a call: what the calling statement may allocate after it. */
const OUTER_SLACK = 2;
/** gc and sys functions that allocate no GC object (gc.get_threshold builds a tuple). */
const NO_ALLOCATION = new Set([
  'gc.collect',
  'gc.enable',
  'gc.disable',
  'gc.isenabled',
  'gc.set_threshold',
  'gc.is_tracked',
  'sys.getrefcount',
  'sys.getsizeof',
]);

/** Upper bound of the GC allocations CPython makes for `st` besides the engine's objects. */
export function statementCharge(st: Stmt): number {
  switch (st.s) {
    case 'def':
      return DEF;
    case 'class':
      return CLASS + PER_SLOT * (st.slots?.length ?? 0);
    case 'import':
      return IMPORT;
    case 'pass':
      return 0;
    case 'return':
      return st.value ? exprCharge(st.value) : 0;
    case 'del':
      return st.targets.reduce((n, t) => n + targetCharge(t), 0);
    case 'expr':
      return exprCharge(st.expr);
    case 'assign':
      return targetCharge(st.target) + exprCharge(st.value);
  }
}

function targetCharge(t: Expr): number {
  return t.e === 'attr' ? ATTRIBUTE_SLACK + exprCharge(t.obj) : exprCharge(t);
}

function callCharge(x: Expr & { e: 'call' }): number {
  if (x.fn.e === 'name' && x.fn.id === 'print') return PRINT + PER_PRINT_ARG * x.args.length;
  const qualified = x.fn.e === 'attr' && x.fn.obj.e === 'name' ? `${x.fn.obj.id}.${x.fn.name}` : '';
  return NO_ALLOCATION.has(qualified) ? 0 : CALL;
}

function exprCharge(x: Expr): number {
  switch (x.e) {
    case 'call': {
      const args = x.args.reduce((n, a) => n + exprCharge(a), 0);
      return callCharge(x) + args + exprCharge(x.fn);
    }
    case 'list':
      return DISPLAY_SLACK + x.items.reduce((n, i) => n + exprCharge(i), 0);
    case 'tuple':
      return DISPLAY_SLACK + x.items.reduce((n, i) => n + exprCharge(i), 0);
    case 'dict':
      return DISPLAY_SLACK + x.entries.reduce((n, [k, v]) => n + exprCharge(k) + exprCharge(v), 0);
    case 'attr':
      return exprCharge(x.obj);
    case 'index':
      return exprCharge(x.obj) + exprCharge(x.index);
    case 'is':
      return exprCharge(x.left) + exprCharge(x.right);
    case 'name':
    case 'none':
    case 'bool':
    case 'int':
    case 'str':
      return 0;
  }
}

const MAY_COLLECT =
  'an automatic collection with garbage present: the collector is enabled and CPython 3.11 may ' +
  'pass its gen-0 threshold here (its count includes start-up, def, class and print ' +
  'allocations the runner does not model); call gc.disable() or gc.collect() first';

const GENERATIONS_UNKNOWN =
  'an automatic collection may have moved objects to an older generation since the last ' +
  'gc.collect(), so this result is not known; call gc.collect() first';

/** True when the engine heap holds no object. */
export function heapIsEmpty(state: EngineState): boolean {
  for (const _ in state.objects) return false;
  return true;
}

/** True when CPython could start an automatic collection at its next GC allocation. */
function mayCollect(rt: Runtime): boolean {
  const { enabled, thresholds } = rt.state.gc;
  if (!enabled || thresholds[0] === 0) return false;
  return rt.gen0.bound === null || rt.gen0.bound > thresholds[0];
}

function hasGarbage(state: EngineState): boolean {
  const live = reachableFromRoots(state);
  for (const key in state.objects) if (!live.has(Number(key))) return true;
  return false;
}

/**
 * Adds `n` possible CPython GC allocations to the bound. Where CPython could collect, refuses
 * when the script has garbage (the collection would free it), else marks the generations
 * uncertain. `heapWasEmpty`: no script object existed before these allocations, so a
 * collection there touches only start-up objects (the first `import` of every script).
 */
export function chargeGen0(rt: Runtime, n: number, heapWasEmpty: boolean): void {
  if (rt.allowAutomaticCollection || n === 0) return;
  if (rt.gen0.bound !== null) rt.gen0.bound += n;
  if (heapWasEmpty || !mayCollect(rt)) return;
  if (hasGarbage(rt.state)) throw new PyException('unsupported', MAY_COLLECT);
  rt.gen0.uncertain = true;
}

/** After a statement: garbage it made could have met a collection it triggered later on. */
export function checkAfterStatement(rt: Runtime, charged: number): void {
  if (rt.allowAutomaticCollection || charged === 0 || !mayCollect(rt)) return;
  if (hasGarbage(rt.state)) throw new PyException('unsupported', MAY_COLLECT);
}

/** An explicit gc.collect(generation) ran: CPython's gen-0 count is 0 now. */
export function explicitCollection(rt: Runtime, generation: number): void {
  rt.gen0.bound = rt.gen0.pending + OUTER_SLACK;
  if (generation === 2) rt.gen0.uncertain = false;
}

/** Refuses a result that depends on generations while they are uncertain. */
export function requireKnownGenerations(rt: Runtime): void {
  if (!rt.allowAutomaticCollection && rt.gen0.uncertain)
    throw new PyException('unsupported', GENERATIONS_UNKNOWN);
}
