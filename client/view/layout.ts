/**
 * Pure heap-view layout: EngineState (+ the previous layout's memory) → boxes in world units.
 *
 * Contracts (test/client/layout.test.ts):
 * - Deterministic: the same state and memory give the same layout.
 * - No two cards overlap (frames, objects, tray items, bin), for any number of objects.
 * - Stable: an object keeps its column and its rank within the column for as long as it lives;
 *   new objects are appended at the bottom of a column, so adding one never moves the others.
 * - Stack on the left (module globals at the bottom, newest call on top), heap on the right in at
 *   most `maxColumns` columns (the view picks fewer on narrow phones), immortals in a tray on top.
 */
import type { EngineState, ObjId, Value } from '../../shared/engine/types.ts';
import type { Point, Rect } from './geometry.ts';
import { union } from './geometry.ts';
import { objectSlots, nodeSize, frameRows } from './slots.ts';
import type { Source } from './slots.ts';
import { LABEL_STRIP, routeLayout } from './layoutRoutes.ts';

export type { Source };
const STACK_W = 170;
const ROW_H = 30;
const FRAME_HEAD = 28;
const FRAME_GAP = 12;
const TOP = 36;
const TRAY_H = 34;
/** Horizontal metrics; phones use the compact set so the picture fits 360 px at zoom ≈ 1. */
interface Metrics {
  stackW: number;
  heapX: number;
  colGap: number;
}
const REGULAR: Metrics = { stackW: STACK_W, heapX: STACK_W + 70, colGap: 80 };
const COMPACT: Metrics = { stackW: 128, heapX: 128 + 40, colGap: 50 };
/** Between cards: the label strip above the next card plus a corridor for arrows. */
const NODE_GAP = LABEL_STRIP + 30;
/** First card below the tray: a corridor for arrows to immortals plus the card's label strip. */
const HEAP_TOP = TOP + TRAY_H + LABEL_STRIP + 26;

interface NodeBox {
  id: ObjId;
  rect: Rect;
  column: number;
}
export interface FrameBox {
  /** 'module' or `frame:<depth>` (0 = outermost call). */
  key: string;
  /** Function name, or null for the module frame. */
  fn: string | null;
  rect: Rect;
}
interface TrayBox {
  /** 'None' or the int's decimal text. */
  key: string;
  rect: Rect;
}
export interface ArrowSpec {
  source: string;
  from: Point;
  /** Orthogonal route from `from` to the target's edge, clear of every card and label. */
  route: Point[];
  /** Target card: an object id, or a tray key for immortals. */
  to: { obj: ObjId } | { tray: string };
  weak: boolean;
  label: string;
}
export interface LayoutMemory {
  columns: Record<number, number>;
  ranks: Record<number, number>;
}
export interface HeapLayout {
  frames: FrameBox[];
  nodes: Record<number, NodeBox>;
  sources: Source[];
  arrows: ArrowSpec[];
  tray: TrayBox[];
  bin: Rect;
  /** The "Immortal" caption left of the tray (null when there is no tray). */
  immortalLabel: Rect | null;
  stackTitle: Point;
  heapTitle: Point;
  bounds: Rect;
  memory: LayoutMemory;
}
export interface LayoutOptions {
  maxColumns: number;
  /** Narrow Stack and gaps (phones). */
  compact?: boolean;
}

export const EMPTY_MEMORY: LayoutMemory = { columns: {}, ranks: {} };

export function layoutHeap(
  state: EngineState,
  memory: LayoutMemory = EMPTY_MEMORY,
  options: LayoutOptions = { maxColumns: 4 },
): HeapLayout {
  const m = options.compact ? COMPACT : REGULAR;
  const { frames, sources: nameSources, bottom } = layoutStack(state, m);
  const tray = layoutTray(state, m);
  const { nodes, memory: nextMemory } = layoutObjects(
    state,
    memory,
    Math.max(1, options.maxColumns),
    m,
  );
  const objectSources = Object.values(nodes).flatMap((n) =>
    objectSlots(state.objects[n.id]!, n.rect),
  );
  const sources = [...nameSources, ...objectSources];
  const unrouted = sources.flatMap((s) => arrowFor(s));
  const routes = routeLayout(state.objects, nodes, sources, unrouted, tray, {
    stackRight: m.stackW,
    trayBottom: TOP + TRAY_H - 6,
    outerChannel: m.colGap,
  });
  const arrows = unrouted.map((a, i) => ({ ...a, route: routes[i]! }));
  const bin = { x: 10, y: Math.max(bottom, TOP + 120) + 24, w: m.stackW - 20, h: 52 };
  const rects = [
    ...frames.map((f) => f.rect),
    ...Object.values(nodes).map((n) => n.rect),
    ...tray.map((t) => t.rect),
    bin,
  ];
  return {
    frames,
    nodes,
    sources,
    arrows,
    tray,
    bin,
    immortalLabel: tray[0] ? { x: tray[0].rect.x - 84, y: tray[0].rect.y, w: 78, h: 28 } : null,
    stackTitle: { x: 10, y: 6 },
    heapTitle: { x: m.heapX, y: 6 },
    bounds: withArrowRoom(
      union([{ x: 0, y: 0, w: m.heapX + 120, h: TOP }, ...rects]),
      arrows.flatMap((a) => a.route),
    ),
    memory: nextMemory,
  };
}

/** Arrows run in corridors right of the last column and under the cards: keep them in view. */
function withArrowRoom(r: Rect, points: Point[]): Rect {
  const right = Math.max(r.x + r.w, ...points.map((p) => p.x + 12));
  const bottom = Math.max(r.y + r.h, ...points.map((p) => p.y + 12));
  return { ...r, w: right - r.x, h: bottom - r.y };
}

type Unrouted = Omit<ArrowSpec, 'route'>;

function arrowFor(s: Source): Unrouted[] {
  const v = s.value;
  if (s.weakTarget !== undefined) {
    return s.weakTarget === null
      ? []
      : [{ source: s.id, from: s.anchor, to: { obj: s.weakTarget }, weak: true, label: s.label }];
  }
  if (v.t === 'ref')
    return [{ source: s.id, from: s.anchor, to: { obj: v.id }, weak: false, label: s.label }];
  return [{ source: s.id, from: s.anchor, to: { tray: trayKey(v) }, weak: false, label: s.label }];
}

function trayKey(v: Value): string {
  return v.t === 'int' ? String(v.v) : 'None';
}

/** Frames as stacked cards: innermost call on top, `<module>` at the bottom. */
function layoutStack(
  state: EngineState,
  m: Metrics,
): { frames: FrameBox[]; sources: Source[]; bottom: number } {
  const scopes = [
    ...state.frames.map((f, depth) => ({
      key: `frame:${depth}`,
      fn: f.fn as string | null,
      names: f.locals,
      depth,
    })),
  ].reverse();
  scopes.push({ key: 'module', fn: null, names: state.globals, depth: -1 });
  const innermost = state.frames.length - 1;
  const frames: FrameBox[] = [];
  const sources: Source[] = [];
  let y = TOP;
  for (const scope of scopes) {
    const rows = frameRows(
      scope.names,
      scope.depth,
      innermost,
      { x: 0, y: y + FRAME_HEAD },
      m.stackW - 8,
    );
    const h = FRAME_HEAD + Math.max(1, rows.length) * ROW_H + 6;
    frames.push({ key: scope.key, fn: scope.fn, rect: { x: 0, y, w: m.stackW, h } });
    sources.push(...rows);
    y += h + FRAME_GAP;
  }
  return { frames, sources, bottom: y };
}

/** The immortal tray: None (always) and every small int some name or slot holds, ascending. */
function layoutTray(state: EngineState, m: Metrics): TrayBox[] {
  const ints = new Set<number>();
  const visit = (v: Value): void => {
    if (v.t === 'int') ints.add(v.v);
  };
  for (const v of Object.values(state.globals)) visit(v);
  for (const f of state.frames) for (const v of Object.values(f.locals)) visit(v);
  for (const o of Object.values(state.objects)) {
    if (o.kind === 'list') o.items.forEach(visit);
    if (o.kind === 'dict') o.entries.forEach(([, v]) => visit(v));
    if (o.kind === 'instance') o.attrs.forEach(([, v]) => visit(v));
  }
  const keys = ['None', ...[...ints].sort((a, b) => a - b).map(String)];
  let x = m.heapX + 90;
  return keys.map((key) => {
    const w = Math.max(40, key.length * 10 + 20);
    const box = { key, rect: { x, y: TOP, w, h: TRAY_H - 6 } };
    x += w + 10;
    return box;
  });
}

function layoutObjects(
  state: EngineState,
  memory: LayoutMemory,
  maxColumns: number,
  m: Metrics,
): { nodes: Record<number, NodeBox>; memory: LayoutMemory } {
  const order = discoveryOrder(state);
  const columns = assignColumns(state, order, memory, maxColumns);
  const byColumn: ObjId[][] = Array.from({ length: maxColumns }, () => []);
  for (const id of order) byColumn[columns.get(id) ?? 0]!.push(id);
  const rankOf = (id: ObjId): number => memory.ranks[id] ?? Number.MAX_SAFE_INTEGER;
  const nodes: Record<number, NodeBox> = {};
  const next: LayoutMemory = { columns: {}, ranks: {} };
  let x = m.heapX;
  byColumn.forEach((ids, column) => {
    // Stable sort: remembered objects keep their rank, new ones follow in discovery order.
    const sorted = [...ids].sort((a, b) => rankOf(a) - rankOf(b));
    const sizes = sorted.map((id) => nodeSize(state.objects[id]!));
    const width = Math.max(0, ...sizes.map((s) => s.w));
    let y = HEAP_TOP;
    sorted.forEach((id, rank) => {
      const size = sizes[rank]!;
      nodes[id] = { id, column, rect: { x, y, w: size.w, h: size.h } };
      next.columns[id] = column;
      next.ranks[id] = rank;
      y += size.h + NODE_GAP;
    });
    if (width > 0) x += width + m.colGap;
  });
  return { nodes, memory: next };
}

/** Objects in breadth-first order from the roots (globals, then calls), then the rest by id. */
export function discoveryOrder(state: EngineState): ObjId[] {
  const seen = new Set<ObjId>();
  const queue: ObjId[] = [];
  const push = (v: Value | null): void => {
    if (v && v.t === 'ref' && !seen.has(v.id) && state.objects[v.id]) {
      seen.add(v.id);
      queue.push(v.id);
    }
  };
  Object.values(state.globals).forEach(push);
  state.frames.forEach((f) => Object.values(f.locals).forEach(push));
  for (let i = 0; i < queue.length; i++) children(state, queue[i]!).forEach(push);
  for (const key of Object.keys(state.objects)) push({ t: 'ref', id: Number(key) });
  return queue;
}

/** Outgoing references of an object, in slot order (weakref referents included). */
function children(state: EngineState, id: ObjId): Value[] {
  const o = state.objects[id];
  if (!o) return [];
  if (o.kind === 'list') return o.items;
  if (o.kind === 'dict') return o.entries.map(([, v]) => v);
  if (o.kind === 'weakref') return o.referent === null ? [] : [{ t: 'ref', id: o.referent }];
  const attrs = o.attrs.map(([, v]) => v);
  return o.dict === null ? attrs : [...attrs, { t: 'ref', id: o.dict }];
}

/**
 * Column per object: remembered columns stay; a new object goes one column right of its first
 * placed referrer (names count as column −1); a column holding more than its share spills the
 * newcomer into the least-filled column, so long chains fold instead of growing one tower.
 */
function assignColumns(
  state: EngineState,
  order: ObjId[],
  memory: LayoutMemory,
  maxColumns: number,
): Map<ObjId, number> {
  const columns = new Map<ObjId, number>();
  const counts = new Array<number>(maxColumns).fill(0);
  const share = Math.ceil(order.length / maxColumns) + 2;
  const referrerColumn = referrerColumns(state, order, columns);
  for (const id of order) {
    const remembered = memory.columns[id];
    let column = remembered !== undefined ? Math.min(remembered, maxColumns - 1) : -1;
    if (column < 0) {
      column = Math.min(maxColumns - 1, referrerColumn(id) + 1);
      if (counts[column]! >= share) column = counts.indexOf(Math.min(...counts));
    }
    columns.set(id, column);
    counts[column]! += 1;
  }
  return columns;
}

function referrerColumns(
  state: EngineState,
  order: ObjId[],
  columns: Map<ObjId, number>,
): (id: ObjId) => number {
  const rooted = new Set<ObjId>();
  const addRoot = (v: Value): void => {
    if (v.t === 'ref') rooted.add(v.id);
  };
  Object.values(state.globals).forEach(addRoot);
  state.frames.forEach((f) => Object.values(f.locals).forEach(addRoot));
  const referrers = new Map<ObjId, ObjId[]>();
  for (const id of order) {
    for (const v of children(state, id)) {
      if (v.t === 'ref') referrers.set(v.id, [...(referrers.get(v.id) ?? []), id]);
    }
  }
  return (id) => {
    if (rooted.has(id)) return -1;
    const placed = (referrers.get(id) ?? [])
      .map((r) => columns.get(r))
      .filter((c) => c !== undefined);
    return placed.length > 0 ? Math.min(...placed) : -1;
  };
}
