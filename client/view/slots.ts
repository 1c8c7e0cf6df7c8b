/**
 * Card sizes and the "sources" of arrows: names in frames and slots of objects (list cells, dict
 * entries, attributes, a weakref's referent). A source is what a player drags from; its `place`
 * is the engine Place a statement would assign (null when Python cannot assign it from here).
 */
import type { Place } from '../../shared/engine/actions.ts';
import type { HeapObject, ObjId, Value } from '../../shared/engine/types.ts';
import type { Point, Rect } from './geometry.ts';

export interface Source {
  /** Stable key: `g:a`, `f0:x`, `o5:[0]`, `o5:'k'`, `o5:.next`, `o5:__dict__`, `o7:ref`. */
  id: string;
  owner: 'name' | ObjId;
  /** What the arrow is labelled with: `a`, `[0]`, `'k'`, `.next`. */
  label: string;
  place: Place | null;
  value: Value;
  /** Only for a weakref's referent: the target (null once dead). Drawn dashed. */
  weakTarget?: ObjId | null;
  anchor: Point;
  rect: Rect;
}

const CHAR_W = 8.6;
export const HEAD = 28;
const PAD = 8;
const CELL_W = 46;
const CELL_H = 40;
const ROW = 30;
const PER_ROW = 8;

export function nodeSize(o: HeapObject): { w: number; h: number } {
  switch (o.kind) {
    case 'list': {
      const n = Math.max(1, o.items.length);
      const perRow = Math.min(n, PER_ROW);
      const rows = Math.ceil(n / PER_ROW);
      return { w: Math.max(120, PAD * 2 + perRow * CELL_W), h: HEAD + rows * CELL_H + PAD };
    }
    case 'dict':
      return rowsCard(
        o.entries.map(([k]) => `'${k}'`),
        140,
      );
    case 'instance':
      return rowsCard(instanceLabels(o), o.cls.length * CHAR_W + 96, o.dict === null ? 0 : 1);
    case 'weakref':
      return { w: 96, h: 84 };
  }
}

function rowsCard(labels: string[], minW: number, extraRows = 0): { w: number; h: number } {
  const labelW = Math.max(0, ...labels.map((l) => l.length * CHAR_W));
  const rows = Math.max(1, labels.length + extraRows);
  return { w: Math.max(minW, labelW + 64), h: HEAD + rows * ROW + PAD };
}

function instanceLabels(o: Extract<HeapObject, { kind: 'instance' }>): string[] {
  return o.attrs.map(([name]) => `.${name}`);
}

/** The sources of one object card placed at `rect`. */
export function objectSlots(o: HeapObject, rect: Rect): Source[] {
  const id = o.id;
  switch (o.kind) {
    case 'list':
      return o.items.map((value, i) => {
        const cell = {
          x: rect.x + PAD + (i % PER_ROW) * CELL_W,
          y: rect.y + HEAD + Math.floor(i / PER_ROW) * CELL_H,
          w: CELL_W - 4,
          h: CELL_H - 4,
        };
        const anchor = { x: cell.x + cell.w / 2, y: cell.y + cell.h - 11 };
        return {
          id: `o${id}:[${i}]`,
          owner: id,
          label: `[${i}]`,
          place: { kind: 'item', obj: id, index: i },
          value,
          anchor,
          rect: cell,
        };
      });
    case 'dict':
      return o.entries.map(([key, value], i) =>
        rowSource(id, rect, i, `'${key}'`, { kind: 'key', obj: id, key }, value),
      );
    case 'instance': {
      const rows = o.attrs.map(([name, value], i) =>
        rowSource(id, rect, i, `.${name}`, { kind: 'attr', obj: id, name }, value),
      );
      if (o.dict !== null)
        rows.push(rowSource(id, rect, rows.length, '__dict__', null, { t: 'ref', id: o.dict }));
      return rows;
    }
    case 'weakref': {
      const anchor = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 + 6 };
      const value: Value = o.referent === null ? { t: 'none' } : { t: 'ref', id: o.referent };
      return [
        {
          id: `o${id}:ref`,
          owner: id,
          label: '',
          place: null,
          value,
          weakTarget: o.referent,
          anchor,
          rect: { ...rect },
        },
      ];
    }
  }
}

function rowSource(
  id: ObjId,
  rect: Rect,
  i: number,
  label: string,
  place: Place | null,
  value: Value,
): Source {
  const row = { x: rect.x + 4, y: rect.y + HEAD + i * ROW, w: rect.w - 8, h: ROW - 2 };
  const anchor = { x: rect.x + rect.w - 20, y: row.y + row.h / 2 };
  return { id: `o${id}:${label}`, owner: id, label, place, value, anchor, rect: row };
}

/**
 * Name rows of one frame card whose rows start at `origin`. Only the innermost frame's locals and
 * the module's globals can be assigned by a statement; outer frames are shown but read-only.
 */
export function frameRows(
  names: Record<string, Value>,
  depth: number,
  innermost: number,
  origin: Point,
  width = 162,
): Source[] {
  const scope = depth < 0 ? 'global' : 'frame';
  const assignable = depth < 0 || depth === innermost;
  const prefix = depth < 0 ? 'g' : `f${depth}`;
  return Object.entries(names).map(([name, value], i) => {
    const row = { x: origin.x + 4, y: origin.y + i * ROW, w: width, h: ROW - 2 };
    const place: Place | null = assignable ? { kind: 'name', name, scope } : null;
    return {
      id: `${prefix}:${name}`,
      owner: 'name' as const,
      label: name,
      place,
      value,
      anchor: { x: row.x + row.w - 14, y: row.y + row.h / 2 },
      rect: row,
    };
  });
}
