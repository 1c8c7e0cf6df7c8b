/**
 * Draws one heap object as a card inside a container whose origin is the card's top-left corner.
 * Shapes per kind (ART.md): list = numbered cells, dict = key/value rows, instance = class card
 * with `.attr` rows (narrower + "slots" badge for __slots__ classes), weakref = dashed diamond.
 * Garbage is tinted AND hatched; GC marks add a symbol as well as a colour.
 */
import type Phaser from 'phaser';
import type { EngineState, HeapObject } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';
import type { Rect } from './geometry.ts';
import { dashes, hatch } from './geometry.ts';
import { finishBake, startBake } from './bake.ts';
import type { GcObjectMark } from './gcSteps.ts';
import { HEAD, objectSlots } from './slots.ts';
import { css, FONT_CODE, FONT_UI, TEXT_RESOLUTION } from './theme.ts';
import type { Theme } from './theme.ts';

export interface NodeLook {
  garbage: boolean;
  selected: boolean;
  gc: GcObjectMark | null;
  /** sys.getsizeof, shown when selected (hover/focus). */
  bytes: number | null;
  dead: boolean;
  /** The object's display name (`list①`). */
  title: string;
  /** A value-like object (a str, a function): no rows is normal, not "empty". */
  value: boolean;
}

const GC_SYMBOL = { young: '', reachable: '✓', tentative: '?', rescued: '↺', freed: '✕' } as const;

/** Margin around the card that rings, selection outline and the GC label may draw into. */
const MARGIN = 12;
/** Labels (gc_refs, byte size) sit in the strip the layout keeps free above each card. */
const LABEL_TOP = 26;

/**
 * The card's shapes are baked once into a texture (see bake.ts) and shown under its texts; the
 * HeapView redraws a card only when its signature (object, look, size) changes.
 */
export function drawNode(
  scene: Phaser.Scene,
  c: Phaser.GameObjects.Container,
  o: HeapObject,
  size: { w: number; h: number },
  theme: Theme,
  look: NodeLook,
  state: EngineState,
): void {
  const box = {
    left: MARGIN,
    top: look.gc || look.bytes !== null ? LABEL_TOP : MARGIN,
    right: size.w + MARGIN,
    bottom: size.h + MARGIN,
  };
  const g = startBake(scene, box.left, box.top);
  const colors = theme[o.kind];
  const fill = look.garbage ? theme.garbage.fill : colors.fill;
  const local: Rect = { x: 0, y: 0, w: size.w, h: size.h };
  if (o.kind === 'weakref') drawDiamond(g, local, fill, colors.stroke);
  else {
    g.fillStyle(fill, 1).fillRoundedRect(0, 0, size.w, size.h, 10);
    g.lineStyle(
      o.kind === 'instance' && slotsClass(state, o) ? 4 : 2.5,
      colors.stroke,
      1,
    ).strokeRoundedRect(0, 0, size.w, size.h, 10);
  }
  if (look.garbage) {
    g.lineStyle(2, theme.garbage.hatch, 0.55);
    for (const [a, b] of hatch({ x: 4, y: 4, w: size.w - 8, h: size.h - 8 }, 12))
      g.lineBetween(a.x, a.y, b.x, b.y);
  }
  const text = (
    x: number,
    y: number,
    s: string,
    opts: { size?: number; mono?: boolean; color?: number; bold?: boolean } = {},
  ): Phaser.GameObjects.Text => {
    const tx = scene.add.text(x, y, s, {
      fontFamily: opts.mono === false ? FONT_UI : FONT_CODE,
      fontSize: `${opts.size ?? 15}px`,
      color: css(opts.color ?? theme.text),
      fontStyle: opts.bold ? 'bold' : 'normal',
      resolution: TEXT_RESOLUTION,
    });
    c.add(tx);
    return tx;
  };
  box.right = Math.max(box.right, drawHeader(o, look.title, size, theme, state, text, g));
  drawRows(g, o, size, theme, text, look.value);
  if (look.garbage)
    text(size.w - 8, size.h - 4, t('heap.garbage'), {
      size: 12,
      mono: false,
      color: theme.textMuted,
    }).setOrigin(1, 1);
  if (look.dead)
    text(size.w / 2, size.h - 16, t('heap.dead'), {
      size: 13,
      mono: false,
      color: theme.textMuted,
    }).setOrigin(0.5);
  if (look.gc) box.right = Math.max(box.right, drawGcMark(g, text, size, theme, look.gc));
  if (look.selected)
    g.lineStyle(4, theme.selected, 1).strokeRoundedRect(-5, -5, size.w + 10, size.h + 10, 14);
  // The byte size shares the label strip with the gc mark, so it waits while the gc player runs.
  if (look.bytes !== null && !look.gc)
    text(size.w, -21, t('heap.bytes', { n: look.bytes }), {
      size: 13,
      mono: false,
      color: theme.text,
    }).setOrigin(1, 0);
  c.addAt(finishBake(scene, g, box), 0);
}

function slotsClass(state: EngineState, o: Extract<HeapObject, { kind: 'instance' }>): boolean {
  return (state.classes[o.cls]?.slots ?? null) !== null;
}

type TextFn = (
  x: number,
  y: number,
  s: string,
  opts?: { size?: number; mono?: boolean; color?: number; bold?: boolean },
) => Phaser.GameObjects.Text;

/** Returns the rightmost x it drew to. */
function drawHeader(
  o: HeapObject,
  title: string,
  size: { w: number; h: number },
  theme: Theme,
  state: EngineState,
  text: TextFn,
  g: Phaser.GameObjects.Graphics,
): number {
  let right = size.w;
  if (o.kind === 'weakref') {
    text(size.w / 2, 14, title, { size: 13, bold: true }).setOrigin(0.5, 0);
  } else {
    text(8, 5, title, { bold: true });
    g.lineStyle(1.5, theme[o.kind].stroke, 0.8).lineBetween(0, HEAD - 2, size.w, HEAD - 2);
  }
  if (o.kind === 'instance' && slotsClass(state, o)) {
    const badge = text(8 + title.length * 9 + 10, 7, t('heap.slots'), {
      size: 12,
      mono: false,
      color: theme.text,
    });
    g.lineStyle(1.5, theme.instance.stroke, 1).strokeRoundedRect(
      badge.x - 4,
      badge.y - 2,
      badge.width + 8,
      badge.height + 4,
      6,
    );
    right = Math.max(right, badge.x + badge.width + 6);
  }
  const rc = text(size.w - 8, o.kind === 'weakref' ? size.h - 4 : 5, t('heap.rc', { n: o.rc }), {
    size: 13,
    color: theme.text,
  });
  rc.setOrigin(1, o.kind === 'weakref' ? 1 : 0);
  g.fillStyle(theme.panel, 1).fillRoundedRect(
    rc.x - rc.width - 5,
    rc.y - (o.kind === 'weakref' ? rc.height : 0) - 1,
    rc.width + 10,
    rc.height + 2,
    8,
  );
  g.lineStyle(1.5, theme.panelStroke, 1).strokeRoundedRect(
    rc.x - rc.width - 5,
    rc.y - (o.kind === 'weakref' ? rc.height : 0) - 1,
    rc.width + 10,
    rc.height + 2,
    8,
  );
  return right;
}

function drawRows(
  g: Phaser.GameObjects.Graphics,
  o: HeapObject,
  size: { w: number; h: number },
  theme: Theme,
  text: TextFn,
  value: boolean,
): void {
  const slots = objectSlots(o, { x: 0, y: 0, w: size.w, h: size.h });
  if (slots.length === 0 && o.kind !== 'weakref' && !value) {
    text(10, HEAD + 8, t('heap.empty'), { size: 13, mono: false, color: theme.textMuted });
  }
  for (const s of slots) {
    if (o.kind === 'list') {
      g.lineStyle(1.5, theme.list.stroke, 1).strokeRect(
        s.rect.x,
        s.rect.y + 2,
        s.rect.w,
        s.rect.h - 2,
      );
      text(s.rect.x + 3, s.rect.y + 3, String(s.label.slice(1, -1)), {
        size: 11,
        color: theme.textMuted,
      });
    } else if (o.kind !== 'weakref') {
      text(10, s.rect.y + 5, s.label);
    }
    g.fillStyle(theme.arrow, 1).fillCircle(s.anchor.x, s.anchor.y, 5);
  }
}

function drawDiamond(g: Phaser.GameObjects.Graphics, r: Rect, fill: number, stroke: number): void {
  const cx = r.w / 2;
  const cy = r.h / 2;
  const pts = [
    { x: cx, y: 2 },
    { x: r.w - 2, y: cy },
    { x: cx, y: r.h - 2 },
    { x: 2, y: cy },
    { x: cx, y: 2 },
  ];
  g.fillStyle(fill, 1)
    .fillTriangle(cx, 2, r.w - 2, cy, 2, cy)
    .fillTriangle(2, cy, r.w - 2, cy, cx, r.h - 2);
  g.lineStyle(2.5, stroke, 1);
  for (const [a, b] of dashes(pts, 7, 5)) g.lineBetween(a.x, a.y, b.x, b.y);
}

/** Returns the rightmost x it drew to. */
function drawGcMark(
  g: Phaser.GameObjects.Graphics,
  text: TextFn,
  size: { w: number; h: number },
  theme: Theme,
  m: GcObjectMark,
): number {
  const color = m.mark === 'young' ? theme.panelStroke : theme.gc[m.mark];
  g.lineStyle(5, color, 1);
  const ring = { x: -8, y: -8, w: size.w + 16, h: size.h + 16 };
  if (m.mark === 'tentative') {
    const pts = [
      { x: ring.x, y: ring.y },
      { x: ring.x + ring.w, y: ring.y },
      { x: ring.x + ring.w, y: ring.y + ring.h },
      { x: ring.x, y: ring.y + ring.h },
      { x: ring.x, y: ring.y },
    ];
    for (const [a, b] of dashes(pts, 10, 7)) g.lineBetween(a.x, a.y, b.x, b.y);
  } else {
    g.strokeRoundedRect(ring.x, ring.y, ring.w, ring.h, 14);
  }
  if (m.mark === 'freed') {
    g.lineStyle(3, color, 0.8);
    for (const [a, b] of hatch({ x: 2, y: 2, w: size.w - 4, h: size.h - 4 }, 8))
      g.lineBetween(a.x, a.y, b.x, b.y);
  }
  const label = `${GC_SYMBOL[m.mark]} ${m.gcRefs === null ? '' : `gc_refs ${m.gcRefs}`}`.trim();
  if (label) {
    const tx = text(0, -22, label, { size: 13, bold: true, color: theme.text });
    g.fillStyle(theme.panel, 0.95).fillRoundedRect(-4, -24, tx.width + 8, tx.height + 3, 6);
    g.lineStyle(2, color, 1).strokeRoundedRect(-4, -24, tx.width + 8, tx.height + 3, 6);
    return tx.width + 6;
  }
  return size.w;
}
