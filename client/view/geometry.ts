/**
 * Small pure geometry helpers for the heap view: rectangles, arrow curves, dashes, hatching.
 * World units are CSS pixels at zoom 1.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

export function union(rects: Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}

/** A cubic Bézier: start, two controls, end. */
export interface Curve {
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

/**
 * The curve of an arrow from a source dot to a target card. Targets to the right are entered on
 * their left edge; targets at or left of the source (back edges, same column, self-loops) are
 * entered on their right edge with a bulge to the right, so arrows never cut through the stack.
 */
export function arrowCurve(from: Point, target: Rect, down = false): Curve {
  const midY = clamp(from.y, target.y + 10, target.y + target.h - 10);
  if (target.x > from.x + 24) {
    const to = { x: target.x, y: midY };
    const dx = (to.x - from.x) / 2;
    // List cells sit side by side: their arrows leave downwards so they do not cross the next cell.
    const c1 = down ? { x: from.x, y: from.y + Math.max(50, dx) } : { x: from.x + dx, y: from.y };
    return { from, c1, c2: { x: to.x - dx, y: to.y }, to };
  }
  const to = { x: target.x + target.w, y: midY };
  const bulge = Math.max(60, Math.abs(to.y - from.y) / 3);
  const right = Math.max(from.x, to.x) + bulge;
  return { from, c1: { x: right, y: from.y }, c2: { x: right, y: to.y }, to };
}

export function bezierPoint(c: Curve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return {
    x: a * c.from.x + b * c.c1.x + d * c.c2.x + e * c.to.x,
    y: a * c.from.y + b * c.c1.y + d * c.c2.y + e * c.to.y,
  };
}

/**
 * An orthogonal polyline with its corners rounded (radius r, less on short legs), sampled into
 * points: a route reads as one smooth line and a self-loop as a loop.
 */
export function roundCorners(points: Point[], r = 9): Point[] {
  if (points.length < 3) return points;
  const out: Point[] = [points[0]!];
  for (let i = 1; i + 1 < points.length; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const k = Math.min(
      r,
      Math.hypot(b.x - a.x, b.y - a.y) / 2,
      Math.hypot(c.x - b.x, c.y - b.y) / 2,
    );
    const p = toward(b, a, k);
    const q = toward(b, c, k);
    for (let s = 0; s <= 4; s++) {
      const t = s / 4;
      const u = 1 - t;
      out.push({
        x: u * u * p.x + 2 * u * t * b.x + t * t * q.x,
        y: u * u * p.y + 2 * u * t * b.y + t * t * q.y,
      });
    }
  }
  out.push(points[points.length - 1]!);
  return out;
}

function toward(from: Point, to: Point, k: number): Point {
  const d = Math.hypot(to.x - from.x, to.y - from.y);
  return d === 0
    ? from
    : { x: from.x + ((to.x - from.x) * k) / d, y: from.y + ((to.y - from.y) * k) / d };
}

/** Sample a curve into a polyline of `segments + 1` points. */
export function sampleCurve(c: Curve, segments = 20): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= segments; i++) points.push(bezierPoint(c, i / segments));
  return points;
}

/** Split a polyline into dash segments (for weak references). */
export function dashes(points: Point[], dash = 8, gap = 6): [Point, Point][] {
  const out: [Point, Point][] = [];
  let drawing = true;
  let left = dash;
  for (let i = 1; i < points.length; i++) {
    let a = points[i - 1] as Point;
    const b = points[i] as Point;
    let len = Math.hypot(b.x - a.x, b.y - a.y);
    while (len > 0) {
      const step = Math.min(left, len);
      const f = step / len;
      const p = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      if (drawing) out.push([a, p]);
      a = p;
      len -= step;
      left -= step;
      if (left <= 1e-9) {
        drawing = !drawing;
        left = drawing ? dash : gap;
      }
    }
  }
  return out;
}

/** Diagonal hatch lines (45°, spacing `gap`) clipped to a rectangle: the garbage pattern. */
export function hatch(r: Rect, gap = 10): [Point, Point][] {
  const out: [Point, Point][] = [];
  for (let k = gap; k < r.w + r.h; k += gap) {
    // Line x + y = k (in rect-local coordinates), clipped to [0,w]×[0,h].
    const x1 = Math.max(0, k - r.h);
    const x2 = Math.min(r.w, k);
    if (x2 <= x1) continue;
    out.push([
      { x: r.x + x1, y: r.y + (k - x1) },
      { x: r.x + x2, y: r.y + (k - x2) },
    ]);
  }
  return out;
}

/** Arrow head triangle at `to`, pointing along the last segment from `prev`. */
export function arrowHead(prev: Point, to: Point, size = 9): [Point, Point, Point] {
  const angle = Math.atan2(to.y - prev.y, to.x - prev.x);
  const left = { x: to.x - size * Math.cos(angle - 0.45), y: to.y - size * Math.sin(angle - 0.45) };
  const right = {
    x: to.x - size * Math.cos(angle + 0.45),
    y: to.y - size * Math.sin(angle + 0.45),
  };
  return [to, left, right];
}

/** Distance from a point to a polyline (hit-testing arrows). */
export function distanceToPolyline(p: Point, points: Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    best = Math.min(best, distanceToSegment(p, points[i - 1] as Point, points[i] as Point));
  }
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0, 1);
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** Is this source id a list cell (`o5:[0]`)? Their arrows leave downwards. */
export function isCell(sourceId: string): boolean {
  return /^o\d+:\[\d+\]$/.test(sourceId);
}
