/**
 * A snapshot (snapshot.ts) of the teaching VM at one moment: its frames, innermost first via
 * `back`, and the objects their names reach, read straight from the object model (`rc` is
 * CPython's ob_refcnt, `id` the allocation serial that never changes while an object lives).
 *
 * What is drawn (and why):
 * - Containers, instances (and their class), cells, bound methods, weak references, functions
 *   (through their closure and defaults: what a closure lesson needs) and the program's classes
 *   (methods, class attributes, base class) show their references as labelled rows.
 * - Builtin types, modules, code objects, builtins, strings and numbers are leaves: drawn as a
 *   card with their rc, without the interpreter's internals behind them (a class's MRO, a
 *   module's dict).
 * - `None` and the small ints go to the immortal tray, like the campaign's picture.
 * - Objects pictured before that nothing reachable holds any more but that are still alive (a
 *   cycle after `del`) stay in the picture, unreached: that is the garbage a collection finds.
 *   `known` carries them from one snapshot to the next.
 * - At most MAX_OBJECTS objects and MAX_EDGES rows per object, so a 100,000-item list costs a
 *   bounded snapshot; `truncated` says when the picture shows only part.
 */
import type { GcObject } from './gcobject.ts';
import type { PyObject } from './object.ts';
import type { Frame } from './frame.ts';
import { PyList, PyTuple } from './containers.ts';
import { PyDict } from './dict.ts';
import { PyInstance } from './instance.ts';
import { PyCell, PyCode, PyFunction, PyMethod } from './callables.ts';
import { PyFloat, PyInt, PyNone, PyStr, PyBool } from './scalars.ts';
import { PyType } from './type.ts';
import { PyWeakref } from './weakref.ts';
import type { SnapEdge, SnapFrame, SnapObject, SnapValue } from './snapshot.ts';

const MAX_OBJECTS = 120;
const MAX_EDGES = 24;
const LABEL_CHARS = 24;
/** Interpreter machinery: drawn as a card, never opened (a module's dict would pull in the world). */
const LEAF_TYPES = new Set([
  'module',
  'builtin_function_or_method',
  'method_descriptor',
  'frame',
  'traceback',
]);

/** Entries of a class's dict every class has: not the lesson's attributes. */
const CLASS_MACHINERY = new Set([
  '__module__',
  '__qualname__',
  '__dict__',
  '__weakref__',
  '__doc__',
]);

export interface VmPicture {
  frames: SnapFrame[];
  objects: Record<number, SnapObject>;
  truncated: boolean;
  /** Pictured constants held by each of the program's code objects (by co_consts tuple). */
  codeConsts: { code: string; ids: number[] }[];
  /** Pictured constants the parser's AST arena holds (until the module finishes). */
  arena: number[];
}

/**
 * What one run's pictures remember between steps: every object pictured so far (`live`, by id),
 * and its last drawing (`drawn`), reused when unchanged so thousands of steps share one copy.
 */
export interface PictureMemory {
  live: Map<number, PyObject>;
  drawn: Map<number, SnapObject>;
  /** The program's code objects, one per co_consts tuple (found once, from the module's code). */
  codes: PyCode[] | null;
  /** What the AST arena holds (the VM's onLoaded hook), or null before loading. */
  arena: (() => readonly PyObject[]) | null;
}

export function newPictureMemory(): PictureMemory {
  return { live: new Map(), drawn: new Map(), codes: null, arena: null };
}

/** Every code object reachable from `root` through co_consts, one per (shared) consts tuple. */
function codesOf(root: PyCode): PyCode[] {
  const out: PyCode[] = [];
  const tuples = new Set<PyObject>();
  const visit = (code: PyCode): void => {
    if (tuples.has(code.constsTuple)) return;
    tuples.add(code.constsTuple);
    out.push(code);
    for (const c of code.consts) if (c instanceof PyCode) visit(c);
  };
  visit(root);
  return out;
}

/** The picture from the innermost frame outwards (module frame first in the result). */
export function pictureOf(innermost: Frame | null, memory: PictureMemory): VmPicture {
  const known = memory.live;
  const chain: Frame[] = [];
  for (let f: Frame | null = innermost; f; f = f.back) chain.unshift(f);
  const walk = new Walk();
  const frames = chain.map((f) => walk.frame(f));
  walk.drain();
  for (const [id, o] of known) {
    if (o.rc <= 0) known.delete(id);
    else walk.value(o);
  }
  walk.drain();
  for (const o of walk.pictured) known.set(o.id, o);
  for (const o of Object.values(walk.objects)) {
    const before = memory.drawn.get(o.id);
    if (before && sameDrawing(before, o)) walk.objects[o.id] = before;
    else memory.drawn.set(o.id, o);
  }
  const drawn = (ids: number[] | undefined): number[] =>
    (ids ?? []).filter((id) => walk.objects[id]);
  for (const fr of frames) {
    fr.stack = drawn(fr.stack);
    if (fr.stack.length === 0) delete fr.stack;
  }
  if (memory.codes === null && chain[0]) memory.codes = codesOf(chain[0].code);
  const codeConsts = (memory.codes ?? [])
    .map((code) => ({ code: code.co.qualname, ids: drawn(code.consts.map((c) => c.id)) }))
    .filter((c) => c.ids.length > 0);
  const arena = drawn(memory.arena?.().map((o) => o.id));
  return { frames, objects: walk.objects, truncated: walk.truncated, codeConsts, arena };
}

class Walk {
  readonly objects: Record<number, SnapObject> = {};
  truncated = false;
  private readonly queue: PyObject[] = [];
  private done = 0;
  /** The objects drawn, in discovery order. */
  get pictured(): readonly PyObject[] {
    return this.queue.slice(0, this.done);
  }
  private readonly seen = new Set<number>();

  frame(f: Frame): SnapFrame {
    const co = f.code.co;
    const module = f.back === null && f.func === null;
    const locals: [string, SnapValue][] = [];
    if (module) {
      for (const e of f.globals.map.values()) {
        const name = e.k instanceof PyStr ? e.k.v : null;
        // Imported modules are interpreter machinery, not the lesson's objects: left out.
        if (name === null || name.startsWith('__') || e.v.type.name === 'module') continue;
        locals.push([name, this.value(e.v)]);
      }
    } else {
      const names = [...co.varnames, ...co.cellvars, ...co.freevars];
      f.fast.forEach((o, i) => {
        if (o && names[i] !== undefined) locals.push([names[i]!, this.value(o)]);
      });
    }
    return {
      fn: module ? null : co.name,
      line: f.lineno,
      locals,
      stack: f.stack.map((o) => o.id),
    };
  }

  value(o: PyObject): SnapValue {
    if (o instanceof PyNone) return { t: 'imm', text: 'None' };
    if (o instanceof PyInt && !(o instanceof PyBool) && o.v >= -5n && o.v <= 256n)
      return { t: 'imm', text: String(o.v) };
    if (!this.seen.has(o.id)) {
      this.seen.add(o.id);
      this.queue.push(o);
    }
    return { t: 'obj', id: o.id };
  }

  drain(): void {
    for (; this.done < this.queue.length; this.done++) {
      if (this.done >= MAX_OBJECTS) {
        this.truncated = true;
        break;
      }
      const o = this.queue[this.done]!;
      this.objects[o.id] = this.object(o);
    }
    // Edges to objects past the cap would point nowhere: drop them.
    for (const o of Object.values(this.objects))
      o.edges = o.edges.filter((e) => e.to.t === 'imm' || this.objects[e.to.id] !== undefined);
  }

  private object(o: PyObject): SnapObject {
    const edges = this.edges(o);
    if (edges.length > MAX_EDGES) this.truncated = true;
    return {
      id: o.id,
      type: o.type.name,
      label: labelOf(o),
      rc: o.rc,
      tracked: o.gc?.tracked ?? false,
      edges: edges.slice(0, MAX_EDGES),
    };
  }

  private edges(o: PyObject): SnapEdge[] {
    const edge = (label: string, to: PyObject | null): SnapEdge[] =>
      to ? [{ label, to: this.value(to) }] : [];
    if (o instanceof PyList || o instanceof PyTuple)
      return o.items.slice(0, MAX_EDGES + 1).flatMap((v, i) => edge(`[${i}]`, v));
    if (o instanceof PyDict)
      return [...o.map.values()].slice(0, MAX_EDGES + 1).flatMap((e) => edge(keyLabel(e.k), e.v));
    if (o instanceof PyInstance) return this.instanceEdges(o, edge);
    if (o instanceof PyType && o.isHeap) return this.classEdges(o, edge);
    if (o instanceof PyFunction)
      return [...edge('__defaults__', o.defaults), ...edge('__closure__', o.closure)];
    if (o instanceof PyCell) return edge('cell_contents', o.ref);
    if (o instanceof PyMethod) return [...edge('__func__', o.func), ...edge('__self__', o.self)];
    if (o instanceof PyWeakref) {
      const referent = o.referent
        ? [{ label: 'referent', to: this.value(o.referent), weak: true }]
        : [];
      return [...referent, ...edge('__callback__', o.callback)];
    }
    if (isLeaf(o)) return [];
    const out: SnapEdge[] = [];
    o.traverse((r: GcObject) => out.push(...edge('→', r as PyObject)));
    return out;
  }

  private instanceEdges(
    o: PyInstance,
    edge: (label: string, to: PyObject | null) => SnapEdge[],
  ): SnapEdge[] {
    const out: SnapEdge[] = [];
    o.slots?.forEach((v, i) => out.push(...edge(`.${o.cls.slotNames?.[i] ?? i}`, v)));
    for (const [name, v] of o.attrs ?? []) out.push(...edge(`.${name}`, v));
    out.push(...edge('__dict__', o.dict));
    if (o.cls.isHeap) out.push(...edge('__class__', o.cls));
    return out;
  }

  /**
   * A class the program defined: its methods and class attributes as rows (`.greet`, `.species`;
   * in CPython they sit in the class's `__dict__`, which the picture skips) and its base class.
   */
  private classEdges(
    o: PyType,
    edge: (label: string, to: PyObject | null) => SnapEdge[],
  ): SnapEdge[] {
    const out: SnapEdge[] = [];
    for (const e of o.dict.map.values()) {
      const name = e.k instanceof PyStr ? e.k.v : null;
      if (name !== null && !CLASS_MACHINERY.has(name)) out.push(...edge(`.${name}`, e.v));
    }
    const base = o.bases[0];
    if (base?.isHeap) out.push(...edge('__base__', base));
    return out;
  }
}

function sameDrawing(a: SnapObject, b: SnapObject): boolean {
  if (a.rc !== b.rc || a.label !== b.label || a.tracked !== b.tracked) return false;
  if (a.type !== b.type || a.edges.length !== b.edges.length) return false;
  return a.edges.every((e, i) => {
    const f = b.edges[i]!;
    const same =
      e.to.t === 'obj'
        ? f.to.t === 'obj' && f.to.id === e.to.id
        : f.to.t === 'imm' && f.to.text === e.to.text;
    return same && e.label === f.label && e.weak === f.weak;
  });
}

function isLeaf(o: PyObject): boolean {
  return (
    o instanceof PyType ||
    o instanceof PyCode ||
    o instanceof PyStr ||
    o instanceof PyInt ||
    o instanceof PyFloat ||
    o.gc === null ||
    LEAF_TYPES.has(o.type.name)
  );
}

function keyLabel(k: PyObject): string {
  return k instanceof PyStr ? `'${k.v}'` : labelOf(k);
}

/** The card's title text: the value for numbers and strings, the name for functions and types. */
function labelOf(o: PyObject): string {
  const cut = (s: string): string =>
    s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s;
  if (o instanceof PyStr) return cut(`'${o.v}'`);
  if (o instanceof PyBool) return o.v === 0n ? 'False' : 'True';
  if (o instanceof PyInt) return cut(String(o.v));
  if (o instanceof PyFloat) return Number.isInteger(o.v) ? o.v.toFixed(1) : String(o.v);
  if (o instanceof PyFunction) return `${o.name}()`;
  if (o instanceof PyType) return `class ${o.name}`;
  if (o instanceof PyCode) return `code ${o.co.name}`;
  if (o instanceof PyInstance) return o.cls.name;
  const name = (o as { name?: unknown }).name;
  return typeof name === 'string' ? `${o.type.name} ${name}` : o.type.name;
}
