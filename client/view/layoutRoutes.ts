/**
 * Turns a laid-out heap (cards in columns, sources, tray) into router requests and gives every
 * arrow its orthogonal route (see route.ts). Pure.
 */
import type { HeapObject, ObjId } from '../../shared/engine/types.ts';
import type { Point, Rect } from './geometry.ts';
import { routeArrows } from './route.ts';
import type { RouteCard, RouteRequest, RouteStart } from './route.ts';
import type { Source } from './slots.ts';

/** Height of the strip above each card where its gc_refs and byte-size labels are drawn. */
export const LABEL_STRIP = 24;

export interface RoutedNode {
  id: ObjId;
  rect: Rect;
  column: number;
}

export interface RoutableArrow {
  source: string;
  to: { obj: ObjId } | { tray: string };
}

export function routeLayout(
  objects: Record<number, HeapObject>,
  nodes: Record<number, RoutedNode>,
  sources: Source[],
  arrows: RoutableArrow[],
  tray: { key: string; rect: Rect }[],
  frame: { stackRight: number; trayBottom: number; outerChannel: number },
): Point[][] {
  const boxes = Object.values(nodes);
  const strips = [...new Set(boxes.map((n) => n.column))].sort((a, b) => a - b);
  const cardOf = new Map<ObjId, number>();
  const cards: RouteCard[] = boxes.map((n, i) => {
    cardOf.set(n.id, i);
    const kind = objects[n.id]!.kind;
    return {
      rect: n.rect,
      strip: strips.indexOf(n.column),
      top: n.rect.y - LABEL_STRIP,
      diamond: kind === 'weakref',
      rightExits: kind === 'instance' || kind === 'dict',
    };
  });
  const bySource = new Map(sources.map((s) => [s.id, s]));
  const requests: RouteRequest[] = arrows.map((a) => {
    const s = bySource.get(a.source)!;
    const target =
      'obj' in a.to
        ? { kind: 'card' as const, card: cardOf.get(a.to.obj)! }
        : {
            kind: 'tray' as const,
            rect: tray.find((t) => 'tray' in a.to && t.key === a.to.tray)!.rect,
          };
    return { start: startOf(s, cardOf, objects), target };
  });
  return routeArrows({ cards, ...frame }, requests);
}

function startOf(
  s: Source,
  cardOf: Map<ObjId, number>,
  objects: Record<number, HeapObject>,
): RouteStart {
  if (s.owner === 'name') return { kind: 'name', anchor: s.anchor };
  const card = cardOf.get(s.owner)!;
  return objects[s.owner]!.kind === 'list'
    ? { kind: 'cell', anchor: s.anchor, card }
    : { kind: 'row', anchor: s.anchor, card };
}
