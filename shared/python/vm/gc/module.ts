/**
 * The `gc` module (Modules/gcmodule.c's Python API) over the installed VmCollector.
 * `initGcModule(dict)` fills a module namespace with owned references (vmcore's ModuleDef.init).
 * Native functions see their arguments borrowed and return a new reference.
 */
import type { PyDict } from '../dict.ts';
import { PyDict as Dict } from '../dict.ts';
import { heap } from '../heap.ts';
import { decref, incref, type PyObject } from '../object.ts';
import { PyBuiltin, type Kwargs, type NativeFn } from '../callables.ts';
import { PyList, PyTuple, newTuple } from '../containers.ts';
import { bool, newInt, newStr, none, PyInt, S } from '../scalars.ts';
import { raise, refuse } from '../errors.ts';
import {
  DEBUG_COLLECTABLE,
  DEBUG_LEAK,
  DEBUG_SAVEALL,
  DEBUG_STATS,
  DEBUG_UNCOLLECTABLE,
  NUM_GENERATIONS,
} from './collector.ts';
import { getObjects, getReferents, getReferrers, isTracked } from './queries.ts';
import { VmCollector } from './vm.ts';

function collector(): VmCollector {
  const c = heap.collector;
  if (!(c instanceof VmCollector)) refuse("the gc module without the VM's collector");
  return c;
}

/** An optional int argument, by position or keyword. */
function intArg(
  args: PyObject[],
  kw: Kwargs,
  at: number,
  name: string,
  fallback: number | null,
): number | null {
  const o = args[at] ?? kw?.get(name) ?? null;
  if (o === null || (fallback === null && o === S.None)) return fallback;
  if (!(o instanceof PyInt))
    raise('TypeError', `'${o.type.name}' object cannot be interpreted as an integer`);
  return Number(o.v);
}

function noArgs(name: string, args: PyObject[]): void {
  if (args.length > 0) raise('TypeError', `${name}() takes no arguments (${args.length} given)`);
}

function ints(values: readonly number[]): PyObject {
  return newTuple(values.map((v) => newInt(v)));
}

/**
 * METH_VARARGS functions (set_threshold, get_referrers, get_referents) receive their arguments
 * as a new tuple: a GC allocation the gen-0 count sees (unless the tuple free list has one).
 */
function withArgsTuple<T>(args: PyObject[], body: (tuple: PyTuple) => T): T {
  const tuple = new PyTuple(args.map((a) => incref(a)));
  try {
    return body(tuple);
  } finally {
    decref(tuple);
  }
}

function listOf(objs: readonly PyObject[]): PyList {
  return new PyList(objs.map((o) => incref(o)));
}

function setThreshold(args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 3) {
    raise(
      'TypeError',
      `set_threshold() takes from 1 to 3 positional arguments but ${args.length} were given`,
    );
  }
  const gens = collector().core.generations;
  args.forEach((_, i) => {
    const g = gens[i];
    if (g) g.threshold = intArg(args, null, i, '', 0) as number;
  });
  return none();
}

const FUNCTIONS: Record<string, NativeFn> = {
  collect: (args, kw) => {
    const generation = intArg(args, kw, 0, 'generation', NUM_GENERATIONS - 1) as number;
    if (generation < 0 || generation >= NUM_GENERATIONS) raise('ValueError', 'invalid generation');
    return newInt(collector().core.collect(generation));
  },
  enable: (args) => {
    noArgs('enable', args);
    collector().core.enabled = true;
    return none();
  },
  disable: (args) => {
    noArgs('disable', args);
    collector().core.enabled = false;
    return none();
  },
  isenabled: (args) => {
    noArgs('isenabled', args);
    return bool(collector().core.enabled);
  },
  get_count: (args) => {
    noArgs('get_count', args);
    return ints(collector().core.counts());
  },
  get_threshold: (args) => {
    noArgs('get_threshold', args);
    return ints(collector().core.generations.map((g) => g.threshold));
  },
  set_threshold: (args) => withArgsTuple(args, () => setThreshold(args)),
  set_debug: (args) => {
    collector().core.debug = intArg(args, null, 0, 'flags', 0) as number;
    return none();
  },
  get_debug: () => newInt(collector().core.debug),
  is_tracked: (args) => bool(args[0] !== undefined && isTracked(args[0])),
  is_finalized: (args) => bool(args[0]?.gc?.finalized === true),
  get_referrers: (args) =>
    withArgsTuple(args, (tuple) =>
      listOf(getReferrers(collector().core, args, [tuple]) as PyObject[]),
    ),
  get_referents: (args) => withArgsTuple(args, () => listOf(getReferents(args) as PyObject[])),
  get_objects: (args, kw) => {
    const generation = intArg(args, kw, 0, 'generation', null);
    return listOf(getObjects(collector().core, generation) as PyObject[]);
  },
  freeze: () => {
    collector().core.freeze();
    return none();
  },
  unfreeze: () => {
    collector().core.unfreeze();
    return none();
  },
  get_freeze_count: () => newInt(collector().core.permanent.size),
  get_stats: () =>
    new PyList(
      collector().core.stats.map((s) => {
        const d = new Dict();
        d.set(newStr('collections'), newInt(s.collections));
        d.set(newStr('collected'), newInt(s.collected));
        d.set(newStr('uncollectable'), newInt(s.uncollectable));
        return d;
      }),
    ),
};

const CONSTANTS: Record<string, number> = {
  DEBUG_STATS,
  DEBUG_COLLECTABLE,
  DEBUG_UNCOLLECTABLE,
  DEBUG_SAVEALL,
  DEBUG_LEAK,
};

export function initGcModule(dict: PyDict): void {
  const c = collector();
  for (const [name, fn] of Object.entries(FUNCTIONS))
    dict.set(newStr(name), new PyBuiltin(name, fn));
  for (const [name, v] of Object.entries(CONSTANTS)) dict.set(newStr(name), newInt(v));
  c.garbage ??= new PyList([]);
  c.callbacks ??= new PyList([]);
  dict.set(newStr('garbage'), incref(c.garbage));
  dict.set(newStr('callbacks'), incref(c.callbacks));
}
