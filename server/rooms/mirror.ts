/**
 * One-way mirror: authoritative Board (+ goal status, move authors) → BoardState schema.
 *
 * Contract: after `mirrorBoard(target, input)`, `target` describes exactly `input.board` (objects,
 * refcounts, generations, names, frames, gc flag, version, hash, move log, goal clauses), whatever
 * it held before. Updates are in place (a field is assigned only when its value changed), so the
 * patch sent to clients carries only what the move changed. Never reads `target` to decide rules.
 */
import type { ArraySchema } from '@colyseus/schema';
import type { HeapObject, Value } from '../../shared/engine/index.ts';
import type { Board, GoalStatus } from '../../shared/puzzles/contract.ts';
import {
  FrameState,
  GoalClauseState,
  HeapObjectState,
  MoveEntry,
  SlotValue,
  type BoardState,
} from './schema.ts';

export interface MoveAuthor {
  /** Seat id of the mover. */
  by: string;
  kind: string;
}

export interface MirrorInput {
  board: Board;
  goal: GoalStatus;
  stateDigest: string;
  /** Parallel to board.moves. */
  authors: readonly MoveAuthor[];
  lastSeq?: number;
}

interface Slot {
  label: string;
  tag: string;
  v: number;
}

export function mirrorBoard(target: BoardState, input: MirrorInput): void {
  const { board } = input;
  assign(target, 'puzzleId', board.puzzleId);
  assign(target, 'version', board.moves.length);
  assign(target, 'stateDigest', input.stateDigest);
  assign(target, 'gcEnabled', board.engine.gc.enabled);
  assign(target, 'solved', input.goal.done);
  if (input.lastSeq !== undefined) assign(target, 'lastSeq', input.lastSeq);
  mirrorObjects(target, board);
  syncSlots(
    target.globals,
    Object.entries(board.engine.globals).map(([name, v]) => slot(name, v)),
  );
  mirrorFrames(target, board);
  mirrorMoves(target, board, input.authors);
  syncList(
    target.goals,
    input.goal.clauses,
    () => new GoalClauseState(),
    (g, c) => {
      assign(g, 'id', c.id);
      assign(g, 'met', c.met);
    },
  );
}

/** Assigns only when different, so unchanged fields stay out of the next patch. */
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function slot(label: string, value: Value): Slot {
  if (value.t === 'ref') return { label, tag: 'ref', v: value.id };
  if (value.t === 'int') return { label, tag: 'int', v: value.v };
  return { label, tag: 'none', v: 0 };
}

/** Outgoing strong references of an object, labelled as Python would write the access. */
export function slotsOf(obj: HeapObject): Slot[] {
  switch (obj.kind) {
    case 'list':
      return obj.items.map((v, i) => slot(`[${i}]`, v));
    case 'dict':
      return obj.entries.map(([k, v]) => slot(`['${k}']`, v));
    case 'instance':
      return obj.attrs.map(([name, v]) => slot(`.${name}`, v));
    case 'weakref':
      return [];
  }
}

function weakOf(obj: HeapObject): number {
  if (obj.kind === 'weakref') return obj.referent ?? -1;
  if (obj.kind === 'instance') return obj.weakref ?? -1;
  return -1;
}

function mirrorObjects(target: BoardState, board: Board): void {
  const objects = board.engine.objects;
  for (const key of [...target.objects.keys()]) {
    if (objects[Number(key)] === undefined) target.objects.delete(key);
  }
  for (const obj of Object.values(objects)) {
    const key = String(obj.id);
    let mirrored = target.objects.get(key);
    if (mirrored === undefined) {
      mirrored = new HeapObjectState();
      mirrored.id = obj.id;
      target.objects.set(key, mirrored);
    }
    assign(mirrored, 'kind', obj.kind);
    assign(mirrored, 'cls', obj.kind === 'instance' ? obj.cls : '');
    assign(mirrored, 'rc', obj.rc);
    assign(mirrored, 'gen', obj.gen ?? -1);
    assign(mirrored, 'weak', weakOf(obj));
    assign(mirrored, 'dict', obj.kind === 'instance' ? (obj.dict ?? -1) : -1);
    syncSlots(mirrored.slots, slotsOf(obj));
  }
}

function mirrorFrames(target: BoardState, board: Board): void {
  syncList(
    target.frames,
    board.engine.frames,
    () => new FrameState(),
    (f, frame) => {
      assign(f, 'fn', frame.fn);
      const bound = frame.varnames.filter((n) => frame.locals[n] !== undefined);
      syncSlots(
        f.locals,
        bound.map((n) => slot(n, frame.locals[n]!)),
      );
    },
  );
}

/** The log is append-only except for undo/reset: keep the common prefix, rewrite the rest. */
function mirrorMoves(target: BoardState, board: Board, authors: readonly MoveAuthor[]): void {
  const entries = board.moves.map((move, i) => ({
    move,
    by: authors[i]?.by ?? '',
    kind: authors[i]?.kind ?? '',
  }));
  syncList(
    target.moves,
    entries,
    () => new MoveEntry(),
    (m, e) => {
      assign(m, 'move', e.move);
      assign(m, 'by', e.by);
      assign(m, 'kind', e.kind);
    },
  );
}

function syncSlots(list: ArraySchema<SlotValue>, slots: readonly Slot[]): void {
  syncList(
    list,
    slots,
    () => new SlotValue(),
    (s, want) => {
      assign(s, 'label', want.label);
      assign(s, 'tag', want.tag);
      assign(s, 'v', want.v);
    },
  );
}

/** Makes `list` as long as `items`, updating element i from items[i] in place. */
function syncList<S, I>(
  list: ArraySchema<S>,
  items: readonly I[],
  make: () => S,
  update: (s: S, item: I) => void,
): void {
  if (list.length > items.length) list.splice(items.length, list.length - items.length);
  items.forEach((item, i) => {
    if (i < list.length) {
      update(list.at(i), item);
    } else {
      const fresh = make();
      update(fresh, item);
      list.push(fresh);
    }
  });
}
