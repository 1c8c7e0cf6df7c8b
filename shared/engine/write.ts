/**
 * Every write an action makes to a state goes through these functions, which keep three things
 * in step with the JSON: the generation lists (working.ts), the digest's dirty set (digest.ts)
 * and, when the action runs under apply(), the undo log. So an accepted action costs what it
 * touches, a rejected one is rolled back exactly, and revert(state, undo) restores the state
 * before an accepted one.
 *
 * The undo log is a flat array of (tag, a, b) triples, undone last to first. Object contents are
 * saved once per action per object (its kind's `contents` slot); refcounts and generations are
 * saved per write, so increfs and promotions never copy an object. Objects freed by an action
 * are not modified by the free path, so undoing a free puts the very same object back.
 */
import type { Ctx } from './ctx.ts';
import { slotsOf } from './kinds.ts';
import type {
  ClassDef,
  EngineState,
  Frame,
  GcState,
  Generation,
  HeapObject,
  ObjId,
  Value,
} from './types.ts';
import { ensureCapacity, link, settle, unlink, type Working } from './working.ts';

const RC = 0;
const GEN = 1;
const ADD = 2;
const DEL = 3;
const CONTENTS = 4;
const NAME = 5;
const NAMES = 6;
const PUSH_FRAME = 7;
const POP_FRAME = 8;
const ADD_CLASS = 9;
const CLASS_KEYS = 10;

/** What revert() needs to restore the state an accepted action started from. */
export interface Undo {
  readonly version: number;
  readonly nextId: number;
  readonly rng: number;
  readonly gc: GcState;
  readonly log: unknown[];
  readonly touched: Set<HeapObject>;
}

function copyGc(gc: GcState): GcState {
  return {
    ...gc,
    thresholds: [...gc.thresholds],
    counts: [...gc.counts],
    collections: [...gc.collections],
    collected: [...gc.collected],
  };
}

/** Writes back only what differs, so undoing an action that wrote nothing writes nothing. */
function restoreGc(gc: GcState, saved: GcState): void {
  if (gc.enabled !== saved.enabled) gc.enabled = saved.enabled;
  if (gc.longLivedPending !== saved.longLivedPending) gc.longLivedPending = saved.longLivedPending;
  if (gc.longLivedTotal !== saved.longLivedTotal) gc.longLivedTotal = saved.longLivedTotal;
  for (const key of ['thresholds', 'counts', 'collections', 'collected'] as const) {
    for (let g = 0; g < 3; g++) if (gc[key][g] !== saved[key][g]) gc[key][g] = saved[key][g]!;
  }
}

export function beginUndo(s: EngineState): Undo {
  return {
    version: s.version,
    nextId: s.nextId,
    rng: s.rng,
    gc: copyGc(s.gc),
    log: [],
    touched: new Set(),
  };
}

/** Past this many unread changes the digest cache is dropped (and rebuilt when next read). */
const DIRTY_LIMIT = 1 << 16;

function dirty(w: Working, id: ObjId): void {
  if (w.digest !== null && w.digest.dirty.push(id) > DIRTY_LIMIT) w.digest = null;
}

export function setRc(ctx: Ctx, obj: HeapObject, rc: number): void {
  ctx.undo?.log.push(RC, obj, obj.rc);
  obj.rc = rc;
  dirty(ctx.w, obj.id);
}

function moveGen(w: Working, obj: HeapObject, gen: Generation | null): void {
  if (obj.gen !== null) unlink(w, obj.id, obj.gen);
  if (gen !== null) link(w, obj.id, gen);
  obj.gen = gen;
  dirty(w, obj.id);
}

/** Moves an object between generation lists (null = untracked). */
export function setGen(ctx: Ctx, obj: HeapObject, gen: Generation | null): void {
  if (obj.gen === gen) return;
  ctx.undo?.log.push(GEN, obj, obj.gen);
  moveGen(ctx.w, obj, gen);
}

/** Call before changing anything of `obj` but its rc and gen. */
export function touch(ctx: Ctx, obj: HeapObject): void {
  const undo = ctx.undo;
  if (undo && !undo.touched.has(obj)) {
    undo.touched.add(obj);
    undo.log.push(CONTENTS, obj, slotsOf(obj).contents(obj));
  }
  dirty(ctx.w, obj.id);
}

function insert(w: Working, s: EngineState, obj: HeapObject): void {
  ensureCapacity(w, obj.id + 1);
  s.objects[obj.id] = obj;
  if (obj.gen !== null) link(w, obj.id, obj.gen);
  dirty(w, obj.id);
}

function remove(w: Working, s: EngineState, obj: HeapObject): void {
  if (obj.gen !== null) unlink(w, obj.id, obj.gen);
  delete s.objects[obj.id];
  dirty(w, obj.id);
}

/** A new object enters the heap (and its generation list, when tracked). */
export function addObject(ctx: Ctx, obj: HeapObject): void {
  ctx.undo?.log.push(ADD, obj, null);
  insert(ctx.w, ctx.s, obj);
}

/**
 * A freed object leaves the heap; it is not modified, so undo can put it back as it was. Inside
 * a batch (beginRemovals) it leaves its generation list at once and the `objects` record when
 * the batch ends: only its id is looked up meanwhile, and no live object refers to it.
 */
export function removeObject(ctx: Ctx, obj: HeapObject): void {
  ctx.undo?.log.push(DEL, obj, null);
  const w = ctx.w;
  if (!w.removing) return remove(w, ctx.s, obj);
  if (obj.gen !== null) unlink(w, obj.id, obj.gen);
  if (w.doomedCount === w.doomed.length) {
    const bigger = new Int32Array(w.doomedCount * 2);
    bigger.set(w.doomed);
    w.doomed = bigger;
  }
  w.doomed[w.doomedCount++] = obj.id;
  dirty(w, obj.id);
}

/**
 * Opens a batch of removals (a free cascade, a collection's delete_garbage); returns false when
 * one is already open, so only its opener ends it.
 */
export function beginRemovals(w: Working): boolean {
  if (w.removing) return false;
  w.removing = true;
  w.doomedCount = 0;
  return true;
}

/**
 * Past this share of the id range freed at once, the `objects` record is rebuilt from the
 * survivors instead of deleting key by key: `delete` of an integer key is a runtime call in V8
 * (100–300 ns, what made freeing a 1M chain cost 3× CPython), and a rebuild is one pass over
 * the id range at a few ns per id, so it costs at most this factor times the frees.
 */
const REBUILD_SHARE = 8;

/** Ends the open batch (if any): the freed objects leave the `objects` record. */
export function endRemovals(s: EngineState, w: Working): void {
  const n = w.doomedCount;
  const ids = w.doomed;
  w.removing = false;
  w.doomedCount = 0;
  if (n * REBUILD_SHARE < s.nextId) {
    for (let i = 0; i < n; i++) delete s.objects[ids[i]!];
    return;
  }
  const gone = new Uint8Array(s.nextId);
  for (let i = 0; i < n; i++) gone[ids[i]!] = 1;
  const old = s.objects;
  const kept: EngineState['objects'] = {};
  for (let id = 1; id < s.nextId; id++) {
    if (gone[id] === 1) continue;
    const obj = old[id];
    if (obj !== undefined) kept[id] = obj;
  }
  s.objects = kept;
  w.objects = kept;
}

export function setName(ctx: Ctx, ns: Record<string, Value>, name: string, v: Value): void {
  ctx.undo?.log.push(NAME, ns, [name, ns[name]]);
  ns[name] = v;
}

/** Deleting a name saves the whole namespace, so undo restores its key order too. */
export function deleteName(ctx: Ctx, ns: Record<string, Value>, name: string): void {
  ctx.undo?.log.push(NAMES, ns, { ...ns });
  delete ns[name];
}

export function pushFrame(ctx: Ctx, frame: Frame): void {
  ctx.undo?.log.push(PUSH_FRAME, null, null);
  ctx.s.frames.push(frame);
}

export function popFrame(ctx: Ctx): Frame | undefined {
  const frame = ctx.s.frames.pop();
  if (frame) ctx.undo?.log.push(POP_FRAME, frame, null);
  return frame;
}

export function addClass(ctx: Ctx, cls: ClassDef): void {
  ctx.undo?.log.push(ADD_CLASS, cls.name, null);
  ctx.s.classes[cls.name] = cls;
}

/** Call before changing a class's shared-key table (names are only ever appended). */
export function touchClassKeys(ctx: Ctx, cls: ClassDef): void {
  ctx.undo?.log.push(CLASS_KEYS, cls, [cls.sharedKeys.usable, cls.sharedKeys.names.length]);
}

function undoEntry(s: EngineState, w: Working, tag: number, a: unknown, b: unknown): void {
  switch (tag) {
    case RC:
      (a as HeapObject).rc = b as number;
      return dirty(w, (a as HeapObject).id);
    case GEN:
      return moveGen(w, a as HeapObject, b as Generation | null);
    case ADD:
      return remove(w, s, a as HeapObject);
    case DEL:
      return insert(w, s, a as HeapObject);
    case CONTENTS: {
      const obj = a as HeapObject;
      slotsOf(obj).restore(obj, b as Partial<HeapObject>);
      return dirty(w, obj.id);
    }
    case NAME: {
      const ns = a as Record<string, Value>;
      const [name, old] = b as [string, Value | undefined];
      if (old === undefined) delete ns[name];
      else ns[name] = old;
      return;
    }
    case NAMES: {
      const ns = a as Record<string, Value>;
      for (const k of Object.keys(ns)) delete ns[k];
      Object.assign(ns, b);
      return;
    }
    case PUSH_FRAME:
      s.frames.pop();
      return;
    case POP_FRAME:
      s.frames.push(a as Frame);
      return;
    case ADD_CLASS:
      delete s.classes[a as string];
      return;
    case CLASS_KEYS: {
      const cls = a as ClassDef;
      const [usable, length] = b as [number, number];
      cls.sharedKeys.usable = usable;
      cls.sharedKeys.names.length = length;
      return;
    }
  }
}

/**
 * Restores the state an action started from: `undo` must be the log of the last action applied
 * to `s` (revert several in reverse order). O(what the action touched).
 */
export function undoAll(s: EngineState, w: Working, undo: Undo): void {
  endRemovals(s, w);
  const log = undo.log;
  for (let i = log.length - 3; i >= 0; i -= 3)
    undoEntry(s, w, log[i] as number, log[i + 1], log[i + 2]);
  if (s.version !== undo.version) s.version = undo.version;
  if (s.nextId !== undo.nextId) s.nextId = undo.nextId;
  if (s.rng !== undo.rng) s.rng = undo.rng;
  restoreGc(s.gc, undo.gc);
  settle(w, s);
}
