/**
 * Arrow drawing, every frame: strong references solid with a filled head, weak references dashed
 * with a hollow head, references to immortals thin and muted, the selected one thick in the
 * selection colour. Arrows carry no captions: the slot they leave names them on its card. A
 * settled arrow follows its route (clear of every card); while cards move it is a provisional
 * curve from their current places.
 */
import type Phaser from 'phaser';
import type { ObjId } from '../../shared/engine/types.ts';
import type { GcStep } from './gcSteps.ts';
import type { Point, Rect } from './geometry.ts';
import { arrowCurve, arrowHead, dashes, isCell, roundCorners, sampleCurve } from './geometry.ts';
import type { ArrowSpec, HeapLayout } from './layout.ts';
import type { Theme } from './theme.ts';

interface ArrowOptions {
  selectedSource: string | null;
  gc: GcStep | null;
}

export function drawArrows(
  g: Phaser.GameObjects.Graphics,
  l: HeapLayout,
  live: (id: ObjId) => Rect | null,
  theme: Theme,
  o: ArrowOptions,
  drag: { from: Point; to: Point; valid: boolean } | null,
  diamond: (id: ObjId) => boolean,
): void {
  g.clear();
  for (const a of l.arrows) {
    const from = liveAnchor(a, l, live);
    const card =
      'obj' in a.to
        ? live(a.to.obj)
        : (l.tray.find((t) => 'tray' in a.to && t.key === a.to.tray)?.rect ?? null);
    // A weakref is drawn as a diamond: aim at its side corners, not its bounding box.
    const target =
      card && 'obj' in a.to && diamond(a.to.obj)
        ? { x: card.x, y: card.y + card.h / 2 - 2, w: card.w, h: 4 }
        : card;
    if (!from || !target) continue;
    if (a.weak && o.gc?.cleared.some((w) => a.source === `o${w}:ref`)) continue;
    // Settled cards get the routed line (clear of every card); moving ones a provisional curve.
    const settled = from === a.from && atLayout(a, l, live);
    const points = settled
      ? roundCorners(a.route)
      : sampleCurve(arrowCurve(from, target, isCell(a.source)), 24);
    const end = points[points.length - 1]!;
    const style = arrowStyle(a, theme, o);
    g.lineStyle(style.width, style.color, style.alpha);
    if (a.weak) for (const [p, q] of dashes(points, 9, 6)) g.lineBetween(p.x, p.y, q.x, q.y);
    else polyline(g, points);
    const head = arrowHead(points[points.length - 2]!, end, style.width + 8);
    if (a.weak) g.strokeTriangle(head[0].x, head[0].y, head[1].x, head[1].y, head[2].x, head[2].y);
    else
      g.fillStyle(style.color, style.alpha).fillTriangle(
        head[0].x,
        head[0].y,
        head[1].x,
        head[1].y,
        head[2].x,
        head[2].y,
      );
  }
  if (drag) drawDrag(g, drag, theme);
}

/** Is the arrow's target card where the layout put it (not mid-tween)? */
function atLayout(a: ArrowSpec, l: HeapLayout, live: (id: ObjId) => Rect | null): boolean {
  if (!('obj' in a.to)) return true;
  const now = live(a.to.obj);
  const laid = l.nodes[a.to.obj]?.rect;
  return !!now && !!laid && now.x === laid.x && now.y === laid.y;
}

function liveAnchor(a: ArrowSpec, l: HeapLayout, live: (id: ObjId) => Rect | null): Point | null {
  const owner = a.source.startsWith('o') ? Number(a.source.slice(1, a.source.indexOf(':'))) : null;
  if (owner === null) return a.from;
  const laid = l.nodes[owner]?.rect;
  const now = live(owner);
  if (!laid || !now) return null;
  if (laid.x === now.x && laid.y === now.y) return a.from;
  return { x: a.from.x - laid.x + now.x, y: a.from.y - laid.y + now.y };
}

function arrowStyle(
  a: ArrowSpec,
  theme: Theme,
  o: ArrowOptions,
): { width: number; color: number; alpha: number } {
  const edge = o.gc?.edge;
  if (edge && 'obj' in a.to && a.to.obj === edge.to && a.source.startsWith(`o${edge.from}:`)) {
    return { width: 6, color: theme.gc.tentative, alpha: 1 };
  }
  if (a.source === o.selectedSource) return { width: 5, color: theme.selected, alpha: 1 };
  if ('tray' in a.to) return { width: 1.5, color: theme.textMuted, alpha: 0.55 };
  if (a.weak) return { width: 2.5, color: theme.weakArrow, alpha: 1 };
  return { width: 2.5, color: theme.arrow, alpha: 0.9 };
}

function drawDrag(
  g: Phaser.GameObjects.Graphics,
  drag: { from: Point; to: Point; valid: boolean },
  theme: Theme,
): void {
  const color = drag.valid ? theme.selected : theme.textMuted;
  g.lineStyle(4, color, 1);
  const pts = [drag.from, drag.to];
  for (const [p, q] of drag.valid ? [[drag.from, drag.to] as [Point, Point]] : dashes(pts, 10, 6))
    g.lineBetween(p.x, p.y, q.x, q.y);
  g.fillStyle(color, 1).fillCircle(drag.to.x, drag.to.y, 7);
}

function polyline(g: Phaser.GameObjects.Graphics, points: Point[]): void {
  g.beginPath();
  g.moveTo(points[0]!.x, points[0]!.y);
  for (const p of points.slice(1)) g.lineTo(p.x, p.y);
  g.strokePath();
}
