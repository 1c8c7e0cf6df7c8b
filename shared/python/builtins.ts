/**
 * print(...) and the gc / sys / weakref functions. Everything printed comes from the engine
 * state or an action's events (gc.collect()'s result is the `collected` event's trace.result).
 */
import type { Value } from '../engine/index.ts';
import { sizeOf } from '../engine/index.ts';
import type { Expr } from './ast.ts';
import { explicitCollection, requireKnownGenerations } from './autogc.ts';
import { moduleCall } from './check.ts';
import { evalRead, isSame } from './eval.ts';
import type { Runtime } from './runtime.ts';
import { act, objectOf, raise, typeNameOf } from './runtime.ts';

/** A module is usable only after its `import` ran, as in CPython. */
export function requireModule(rt: Runtime, mod: string): void {
  if (!rt.modules.has(mod)) raise('NameError', `name '${mod}' is not defined`);
}

/** Runs `gc.collect(generation)` and returns what CPython returns. */
export function collect(rt: Runtime, args: Expr[]): number {
  const gen = args.length === 0 ? 2 : (args[0] as Expr & { e: 'int' }).v;
  if (gen !== 0 && gen !== 1 && gen !== 2) raise('ValueError', 'invalid generation');
  if (gen !== 2) requireKnownGenerations(rt);
  const events = act(rt, { type: 'collect', generation: gen });
  explicitCollection(rt, gen);
  for (const ev of events) if (ev.type === 'collected') return ev.trace.result;
  return raise('unsupported', 'gc.collect() produced no result');
}

/** Executes a gc/sys/weakref call; returns its printable result (null when it has none). */
export function moduleFunction(
  rt: Runtime,
  depth: number,
  mod: string,
  fn: string,
  args: Expr[],
): string {
  requireModule(rt, mod);
  const ints = args.map((a) => (a.e === 'int' ? a.v : 0));
  switch (`${mod}.${fn}`) {
    case 'gc.collect':
      return String(collect(rt, args));
    case 'gc.enable':
      act(rt, { type: 'gcEnable' });
      return 'None';
    case 'gc.disable':
      act(rt, { type: 'gcDisable' });
      return 'None';
    case 'gc.set_threshold':
      setThreshold(rt, ints);
      return 'None';
    case 'gc.isenabled':
      return rt.state.gc.enabled ? 'True' : 'False';
    case 'gc.get_threshold':
      return `(${rt.state.gc.thresholds.join(', ')})`;
    case 'gc.is_tracked': {
      const obj = objectOf(rt, evalRead(rt, depth, args[0] as Expr));
      if (obj?.kind === 'dict') requireKnownGenerations(rt);
      return obj !== null && obj.gen !== null ? 'True' : 'False';
    }
    case 'sys.getrefcount':
      return String(refcount(rt, evalRead(rt, depth, args[0] as Expr)));
    case 'sys.getsizeof':
      return String(sizeOfValue(rt, evalRead(rt, depth, args[0] as Expr)));
    case 'weakref.ref':
      checkWeakrefable(rt, evalRead(rt, depth, args[0] as Expr));
      return raise('unsupported', 'printing a weakref object (its repr shows memory addresses)');
    default:
      return raise('unsupported', `${mod}.${fn}`);
  }
}

function setThreshold(rt: Runtime, ints: number[]): void {
  const t = [...rt.state.gc.thresholds] as [number, number, number];
  ints.forEach((v, i) => (t[i] = v));
  act(rt, { type: 'setThreshold', thresholds: t });
}

/** sys.getrefcount(x): the engine's count plus one for the argument itself. */
function refcount(rt: Runtime, v: Value): number {
  const obj = objectOf(rt, v);
  if (!obj)
    raise(
      'unsupported',
      `sys.getrefcount of ${typeNameOf(rt, v)} (CPython shows an implementation-specific count)`,
    );
  return obj.rc + 1;
}

function sizeOfValue(rt: Runtime, v: Value): number {
  if (v.t === 'none') return 16;
  if (v.t === 'int') return 28;
  return sizeOf(rt.state, v.id);
}

/** weakref.ref(x) raises TypeError for anything but an instance of a weakref-able class. */
export function checkWeakrefable(rt: Runtime, v: Value): void {
  const obj = objectOf(rt, v);
  const ok = obj?.kind === 'instance' && rt.state.classes[obj.cls]?.weakrefable === true;
  if (!ok) raise('TypeError', `cannot create weak reference to '${typeNameOf(rt, v)}' object`);
}

/** print(a, b, ...): evaluates every argument first, then writes one line. */
export function print(rt: Runtime, depth: number, args: Expr[]): void {
  const parts = args.map((a) => printArg(rt, depth, a));
  rt.out.push(`${parts.join(' ')}\n`);
}

function printArg(rt: Runtime, depth: number, x: Expr): string {
  if (x.e === 'bool') return x.v ? 'True' : 'False';
  if (x.e === 'is') {
    const same = isSame(evalRead(rt, depth, x.left), evalRead(rt, depth, x.right));
    return same !== x.negated ? 'True' : 'False';
  }
  const mc = moduleCall(x);
  if (mc && x.e === 'call') return moduleFunction(rt, depth, mc[0], mc[1], x.args);
  if (x.e === 'call' && x.fn.e === 'name' && x.fn.id === 'len')
    return String(len(rt, evalRead(rt, depth, x.args[0] as Expr)));
  return repr(rt, evalRead(rt, depth, x), []);
}

function len(rt: Runtime, v: Value): number {
  const obj = objectOf(rt, v);
  if (obj?.kind === 'list') return obj.items.length;
  if (obj?.kind === 'dict') return obj.entries.length;
  return raise('TypeError', `object of type '${typeNameOf(rt, v)}' has no len()`);
}

/** repr() of None, ints, and lists/dicts of those (with CPython's `[...]` for recursion). */
export function repr(rt: Runtime, v: Value, seen: number[]): string {
  if (v.t === 'none') return 'None';
  if (v.t === 'int') return String(v.v);
  const obj = objectOf(rt, v);
  if (obj?.kind === 'list') {
    if (seen.includes(obj.id)) return '[...]';
    return `[${obj.items.map((i) => repr(rt, i, [...seen, obj.id])).join(', ')}]`;
  }
  if (obj?.kind === 'dict') {
    if (seen.includes(obj.id)) return '{...}';
    return `{${obj.entries.map(([k, i]) => `'${k}': ${repr(rt, i, [...seen, obj.id])}`).join(', ')}}`;
  }
  return raise('unsupported', `printing a ${typeNameOf(rt, v)} (its repr shows a memory address)`);
}
