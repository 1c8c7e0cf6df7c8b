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

interface Seg {
  arrow: number;
  at: number;
  lo: number;
  hi: number;
}

/**
 * Overlaps (arrows sharing > 2 px of one line) and crossings (a horizontal through a vertical,
 * strictly inside both), with segments bucketed by line and sorted so big heaps stay fast.
 */
function countPairs(l: HeapLayout, m: PictureMetrics): void {
  const horizontal: Seg[] = [];
  const vertical: Seg[] = [];
  l.arrows.forEach((a, arrow) => {
    for (const [p, q] of segments(a.route)) {
      if (p.y === q.y && p.x !== q.x)
        horizontal.push({ arrow, at: p.y, lo: Math.min(p.x, q.x), hi: Math.max(p.x, q.x) });
      else if (p.x === q.x && p.y !== q.y)
        vertical.push({ arrow, at: p.x, lo: Math.min(p.y, q.y), hi: Math.max(p.y, q.y) });
    }
  });
  const shared = new Set<string>();
  for (const group of [horizontal, vertical]) {
    const byLine = new Map<number, Seg[]>();
    for (const s of group) {
      const line = byLine.get(s.at);
      if (line) line.push(s);
      else byLine.set(s.at, [s]);
    }
    for (const line of byLine.values())
      for (let i = 0; i < line.length; i++)
        for (let j = i + 1; j < line.length; j++) {
          const [a, b] = [line[i]!, line[j]!];
          if (a.arrow !== b.arrow && Math.min(a.hi, b.hi) - Math.max(a.lo, b.lo) > 2)
            shared.add(`${Math.min(a.arrow, b.arrow)},${Math.max(a.arrow, b.arrow)}`);
        }
  }
  m.overlaps = shared.size;
  horizontal.sort((a, b) => a.at - b.at);
  for (const v of vertical) {
    for (let i = firstAtLeast(horizontal, v.lo); i < horizontal.length; i++) {
      const h = horizontal[i]!;
      if (h.at >= v.hi) break;
      if (h.at > v.lo && h.arrow !== v.arrow && between(v.at, h.lo, h.hi)) m.arrowCrossings++;
    }
  }
}

function firstAtLeast(sorted: Seg[], y: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function between(v: number, a: number, b: number): boolean {
  return v > Math.min(a, b) && v < Math.max(a, b);
}
