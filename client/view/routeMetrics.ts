/**
 * Measures a laid-out heap picture (pure): how many arrow segments pass through a card or a
 * label, how many arrows lie on top of each other or cross, and whether self-references are
 * drawn as loops. Used by the layout tests and the browser test hook.
 */
import type { Point, Rect } from './geometry.ts';
import type { HeapLayout } from './layout.ts';
import { LABEL_STRIP } from './layoutRoutes.ts';

export interface PictureMetrics {
  arrows: number;
  /** Arrow segments through the inside of a card (frame, object, tray item, bin). */
  cardCrossings: number;
  /** Arrow segments through a caption or a card's label strip. */
  labelCrossings: number;
  /** Pairs of arrows sharing a stretch of line (> 2 px). */
  overlaps: number;
  /** Pairs of arrow segments crossing each other. */
  arrowCrossings: number;
  selfLoops: number;
  /** Self-loops that leave and come back into their card from outside (≥ 3 segments). */
  selfLoopsDrawnAsLoops: number;
  /** Human-readable description of each card crossing (for failing tests). */
  problems: string[];
}

interface Obstacle {
  name: string;
  rect: Rect;
  owner: string;
}

export function measurePicture(l: HeapLayout): PictureMetrics {
  const cards: Obstacle[] = [
    ...l.frames.map((f) => ({ name: `frame ${f.key}`, rect: f.rect, owner: 'name' })),
    ...Object.values(l.nodes).map((n) => ({
      name: `object ${n.id}`,
      rect: n.rect,
      owner: `o${n.id}`,
    })),
    ...l.tray.map((t) => ({ name: `tray ${t.key}`, rect: t.rect, owner: '' })),
    { name: 'bin', rect: l.bin, owner: '' },
  ];
  const labels: Obstacle[] = [
    ...Object.values(l.nodes).map((n) => ({
      name: `labels of ${n.id}`,
      rect: { x: n.rect.x, y: n.rect.y - LABEL_STRIP, w: n.rect.w, h: LABEL_STRIP - 2 },
      owner: '',
    })),
    ...(l.immortalLabel ? [{ name: 'Immortal', rect: l.immortalLabel, owner: '' }] : []),
  ];
  const m: PictureMetrics = {
    arrows: l.arrows.length,
    cardCrossings: 0,
    labelCrossings: 0,
    overlaps: 0,
    arrowCrossings: 0,
    selfLoops: 0,
    selfLoopsDrawnAsLoops: 0,
    problems: [],
  };
  for (const a of l.arrows) {
    const owner = a.source.startsWith('o') ? a.source.slice(0, a.source.indexOf(':')) : 'name';
    const target = 'obj' in a.to ? `o${a.to.obj}` : null;
    const last = a.route.length - 2;
    segments(a.route).forEach(([p, q], k) => {
      for (const c of cards) {
        // The first segment leaves the arrow's own card (or frame) from the slot's dot; the
        // last may reach into its target's box from outside (a weakref diamond's slanted side).
        if (k === 0 && c.owner === owner) continue;
        if (k === last && c.owner === target && !inside(p, c.rect)) continue;
        if (!crosses(p, q, c.rect)) continue;
        m.cardCrossings++;
        m.problems.push(`${a.source} → ${JSON.stringify(a.to)} crosses ${c.name}`);
      }
      for (const c of labels) if (crosses(p, q, c.rect)) m.labelCrossings++;
    });
    if ('obj' in a.to && owner === `o${a.to.obj}`) {
      m.selfLoops++;
      if (a.route.length >= 4) m.selfLoopsDrawnAsLoops++;
    }
  }
  countPairs(l, m);
  return m;
}

function inside(p: Point, r: Rect): boolean {
  return p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h;
}

function segments(points: Point[]): [Point, Point][] {
  const out: [Point, Point][] = [];
  for (let i = 1; i < points.length; i++) out.push([points[i - 1]!, points[i]!]);
  return out;
}

/** Does the axis-parallel (or any) segment pass through the open interior of r (1 px inset)? */
export function crosses(p: Point, q: Point, r: Rect): boolean {
  const x0 = r.x + 1;
  const x1 = r.x + r.w - 1;
  const y0 = r.y + 1;
  const y1 = r.y + r.h - 1;
  // Liang–Barsky clipping against the inset rectangle.
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - x0],
    [dx, x1 - p.x],
    [-dy, p.y - y0],
    [dy, y1 - p.y],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false;
    } else {
      const t = qq / pp;
      if (pp < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
    }
  }
  return t1 - t0 > 1e-9 && t0 < t1;
}

function countPairs(l: HeapLayout, m: PictureMetrics): void {
  const all = l.arrows.map((a) => segments(a.route));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      let overlap = false;
      for (const s of all[i]!) {
        for (const t of all[j]!) {
          if (sharedLength(s, t) > 2) overlap = true;
          else if (properCross(s, t)) m.arrowCrossings++;
        }
      }
      if (overlap) m.overlaps++;
    }
  }
}

function sharedLength([a, b]: [Point, Point], [c, d]: [Point, Point]): number {
  if (a.y === b.y && c.y === d.y && a.y === c.y) return overlap1d(a.x, b.x, c.x, d.x);
  if (a.x === b.x && c.x === d.x && a.x === c.x) return overlap1d(a.y, b.y, c.y, d.y);
  return 0;
}

function overlap1d(a: number, b: number, c: number, d: number): number {
  return Math.min(Math.max(a, b), Math.max(c, d)) - Math.max(Math.min(a, b), Math.min(c, d));
}

/** A horizontal and a vertical segment crossing strictly inside both. */
function properCross(s: [Point, Point], t: [Point, Point]): boolean {
  const horizontal = (u: [Point, Point]): boolean => u[0].y === u[1].y && u[0].x !== u[1].x;
  const vertical = (u: [Point, Point]): boolean => u[0].x === u[1].x && u[0].y !== u[1].y;
  if (horizontal(s) && vertical(t))
    return between(t[0].x, s[0].x, s[1].x) && between(s[0].y, t[0].y, t[1].y);
  if (vertical(s) && horizontal(t)) return properCross(t, s);
  return false;
}

function between(v: number, a: number, b: number): boolean {
  return v > Math.min(a, b) && v < Math.max(a, b);
}
