/**
 * Arrow drawing, every frame: strong references solid with a filled head, weak references dashed
 * with a hollow head, references to immortals thin and muted, the selected one thick in the
 * selection colour. Slot arrows carry their label ([0], 'k', .next) mid-curve.
 */
import type Phaser from 'phaser';
import type { ObjId } from '../../shared/engine/types.ts';
import type { GcStep } from './gcSteps.ts';
import type { Point, Rect } from './geometry.ts';
import { arrowCurve, arrowHead, bezierPoint, dashes, isCell, sampleCurve } from './geometry.ts';
import type { ArrowSpec, HeapLayout } from './layout.ts';
import { css, FONT_CODE, TEXT_RESOLUTION } from './theme.ts';
import type { Theme } from './theme.ts';

interface ArrowOptions {
  selectedSource: string | null;
  gc: GcStep | null;
}

export function drawArrows(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  labels: Phaser.GameObjects.Container,
  l: HeapLayout,
  live: (id: ObjId) => Rect | null,
  theme: Theme,
  o: ArrowOptions,
  drag: { from: Point; to: Point; valid: boolean } | null,
  diamond: (id: ObjId) => boolean,
): void {
  g.clear();
  let used = 0;
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
    const curve = arrowCurve(from, target, isCell(a.source));
    const points = sampleCurve(curve, 24);
    const style = arrowStyle(a, theme, o);
    g.lineStyle(style.width, style.color, style.alpha);
    if (a.weak) for (const [p, q] of dashes(points, 9, 6)) g.lineBetween(p.x, p.y, q.x, q.y);
    else polyline(g, points);
    const head = arrowHead(points[points.length - 2]!, curve.to, style.width + 8);
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
    const immortal = 'tray' in a.to;
    if (typeof a.label === 'string' && a.label.length > 0 && !immortal && a.source[0] === 'o') {
      placeLabel(scene, labels, used++, a.label, bezierPoint(curve, 0.5), theme);
    }
  }
  labels.list.slice(used).forEach((c) => (c as Phaser.GameObjects.Text).setVisible(false));
  if (drag) drawDrag(g, drag, theme);
}

function liveAnchor(a: ArrowSpec, l: HeapLayout, live: (id: ObjId) => Rect | null): Point | null {
  const owner = a.source.startsWith('o') ? Number(a.source.slice(1, a.source.indexOf(':'))) : null;
  if (owner === null) return a.from;
  const laid = l.nodes[owner]?.rect;
  const now = live(owner);
  if (!laid || !now) return null;
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

function placeLabel(
  scene: Phaser.Scene,
  labels: Phaser.GameObjects.Container,
  index: number,
  label: string,
  at: Point,
  theme: Theme,
): void {
  let text = labels.list[index] as Phaser.GameObjects.Text | undefined;
  if (!text) {
    text = scene.add.text(0, 0, '', {
      fontFamily: FONT_CODE,
      fontSize: '13px',
      color: css(theme.text),
      backgroundColor: css(theme.background),
      padding: { x: 3, y: 1 },
      resolution: TEXT_RESOLUTION,
    });
    text.setOrigin(0.5);
    labels.add(text);
  }
  if (text.text !== label) text.setText(label);
  text.setPosition(at.x, at.y).setVisible(true);
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
