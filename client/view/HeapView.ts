/**
 * The Stack | Heap picture for one EngineState, in world coordinates (the Puzzle scene's camera
 * pans and zooms it). Cards are containers keyed by ObjId that tween to their new layout place;
 * arrows are redrawn from the containers' current positions whenever any of them moved or the
 * board, options or rubber band changed, so they follow motion; a still board issues no drawing.
 * Freed objects fade out in cascade order and leave a brief ghost outline.
 */
import type Phaser from 'phaser';
import { sizeOf } from '../../shared/engine/sizes.ts';
import type { EngineState, ObjId } from '../../shared/engine/types.ts';
import { t } from '../i18n/index.ts';
import { dotImage } from './bake.ts';
import { drawArrows } from './drawArrows.ts';
import { drawNode } from './drawNode.ts';
import type { GcStep } from './gcSteps.ts';
import type { Point, Rect } from './geometry.ts';
import { contains } from './geometry.ts';
import { EMPTY_MEMORY, layoutHeap } from './layout.ts';
import type { FrameBox, HeapLayout, LayoutMemory, Source } from './layout.ts';
import { drawFrames } from './drawFrames.ts';
import { css, FONT_CODE, FONT_UI, TEXT_RESOLUTION } from './theme.ts';
import type { Theme } from './theme.ts';
import { displayName } from './names.ts';
import type { NameBook } from './names.ts';

export interface ViewOptions {
  /** Display names (`list①`) shown as the cards' titles. */
  names: NameBook;
  /** Draw the `del` bin (only where `del name` is allowed: a bin that refuses is a trap). */
  bin: boolean;
  garbage: ReadonlySet<ObjId> | null;
  gc: GcStep | null;
  selectedSource: string | null;
  selectedNode: ObjId | null;
  /** Card under the mouse: its byte size shows, as for the selected card. */
  hoverNode: ObjId | null;
  /** Objects freed by the last move, in the order they were freed (cascade animation). */
  freedOrder: readonly ObjId[];
  motion: boolean;
  maxColumns: number;
  compact: boolean;
  /** The call frame a step is about (depth: 0 = outermost call), outlined; none when absent. */
  frameFocus?: number | null;
  /** Value-like objects (a str, a function, a class) whose card has no rows and says nothing. */
  values?: ReadonlySet<ObjId>;
}

interface NodeEntry {
  container: Phaser.GameObjects.Container;
  signature: string;
  /** Card width as last drawn (where the rc badge sits). */
  width: number;
}

export class HeapView {
  private readonly nodes = new Map<ObjId, NodeEntry>();
  private readonly chrome: Phaser.GameObjects.Container;
  private readonly arrows: Phaser.GameObjects.Graphics;
  private memory: LayoutMemory = EMPTY_MEMORY;
  /** The frames as last drawn, by key: a new call's frame fades in, a vanished one fades out. */
  private frames = new Map<string, FrameBox>();
  layout: HeapLayout | null = null;
  state: EngineState | null = null;
  private options: ViewOptions | null = null;
  /** What the arrows were last drawn from (see update); null forces a redraw. */
  private arrowsDrawn: {
    layout: HeapLayout;
    options: ViewOptions;
    drag: string;
    positions: number[];
  } | null = null;
  /** Rubber band while dragging a reference. */
  drag: { from: Point; to: Point; valid: boolean } | null = null;

  private readonly scene: Phaser.Scene;
  private readonly theme: Theme;

  constructor(scene: Phaser.Scene, theme: Theme) {
    this.scene = scene;
    this.theme = theme;
    this.chrome = scene.add.container(0, 0).setDepth(0);
    this.arrows = scene.add.graphics().setDepth(2);
  }

  render(state: EngineState, options: ViewOptions): void {
    this.state = state;
    this.options = options;
    this.layout = layoutHeap(state, this.memory, {
      maxColumns: options.maxColumns,
      compact: options.compact,
    });
    this.memory = this.layout.memory;
    this.drawChrome(this.layout, options);
    this.syncNodes(this.layout, state, options);
  }

  /** Redraw arrows from the containers' current (possibly tweening) positions. */
  update(): void {
    if (!this.layout || !this.options) return;
    if (!this.arrowsChanged(this.layout, this.options)) return;
    const live = (id: ObjId): Rect | null => {
      const e = this.nodes.get(id);
      const box = this.layout?.nodes[id];
      return e && box ? { x: e.container.x, y: e.container.y, w: box.rect.w, h: box.rect.h } : null;
    };
    const diamond = (id: ObjId): boolean => this.state?.objects[id]?.kind === 'weakref';
    drawArrows(this.arrows, this.layout, live, this.theme, this.options, this.drag, diamond);
  }

  /** True (and remembers the inputs) when the arrows' inputs differ from the last drawing's. */
  private arrowsChanged(layout: HeapLayout, options: ViewOptions): boolean {
    const positions: number[] = [];
    for (const e of this.nodes.values()) positions.push(e.container.x, e.container.y);
    const drag = this.drag
      ? `${this.drag.from.x},${this.drag.from.y},${this.drag.to.x},${this.drag.to.y},${this.drag.valid}`
      : '';
    const last = this.arrowsDrawn;
    const same =
      last !== null &&
      last.layout === layout &&
      last.options === options &&
      last.drag === drag &&
      last.positions.length === positions.length &&
      last.positions.every((v, i) => v === positions[i]);
    if (same) return false;
    this.arrowsDrawn = { layout, options, drag, positions };
    return true;
  }

  private drawChrome(l: HeapLayout, o: ViewOptions): void {
    this.chrome.removeAll(true);
    const g = this.scene.add.graphics();
    this.chrome.add(g);
    const text = (
      x: number,
      y: number,
      s: string,
      size = 15,
      mono = true,
      bold = false,
    ): Phaser.GameObjects.Text => {
      const tx = this.scene.add.text(x, y, s, {
        fontFamily: mono ? FONT_CODE : FONT_UI,
        fontSize: `${size}px`,
        color: css(this.theme.text),
        fontStyle: bold ? 'bold' : 'normal',
        resolution: TEXT_RESOLUTION,
      });
      this.chrome.add(tx);
      return tx;
    };
    text(l.stackTitle.x, l.stackTitle.y, t('heap.stack'), 20, false, true);
    text(l.heapTitle.x, l.heapTitle.y, t('heap.heap'), 20, false, true);
    this.frames = drawFrames(
      this.scene,
      this.chrome,
      l.frames,
      this.frames,
      this.theme,
      { focus: o.frameFocus ?? null, motion: o.motion },
      (x, y, s) => text(x, y, s, 14, true, true),
    );
    for (const s of l.sources.filter((src) => src.owner === 'name'))
      this.drawNameRow(g, text, s, o);
    if (l.immortalLabel)
      text(l.immortalLabel.x, l.immortalLabel.y + 6, t('heap.immortal'), 14, false);
    for (const item of l.tray) {
      g.fillStyle(this.theme.panel, 1).fillRoundedRect(
        item.rect.x,
        item.rect.y,
        item.rect.w,
        item.rect.h,
        item.rect.h / 2,
      );
      g.lineStyle(2, this.theme.panelStroke, 1).strokeRoundedRect(
        item.rect.x,
        item.rect.y,
        item.rect.w,
        item.rect.h,
        item.rect.h / 2,
      );
      text(item.rect.x + item.rect.w / 2, item.rect.y + item.rect.h / 2, item.key, 15).setOrigin(
        0.5,
      );
    }
    if (!o.bin) return;
    const bin = l.bin;
    g.lineStyle(2, this.theme.panelStroke, 1);
    g.strokeRoundedRect(bin.x, bin.y, bin.w, bin.h, 10);
    text(bin.x + bin.w / 2, bin.y + bin.h / 2, `✕ ${t('heap.bin')}`, 16, true, true).setOrigin(0.5);
  }

  private drawNameRow(
    g: Phaser.GameObjects.Graphics,
    text: (x: number, y: number, s: string, size?: number) => Phaser.GameObjects.Text,
    s: Source,
    o: ViewOptions,
  ): void {
    if (o.selectedSource === s.id) {
      g.lineStyle(3, this.theme.selected, 1).strokeRoundedRect(
        s.rect.x,
        s.rect.y,
        s.rect.w,
        s.rect.h,
        6,
      );
    }
    text(s.rect.x + 8, s.rect.y + 5, s.label, 16);
    this.chrome.add(dotImage(this.scene, s.anchor.x, s.anchor.y, 5, this.theme.arrow));
  }

  private syncNodes(l: HeapLayout, state: EngineState, o: ViewOptions): void {
    for (const [id, entry] of this.nodes) {
      if (!l.nodes[id]) {
        this.nodes.delete(id);
        this.markFreed(entry);
        this.retire(entry.container, o.freedOrder.indexOf(id), o.motion);
      }
    }
    for (const box of Object.values(l.nodes)) {
      const obj = state.objects[box.id]!;
      const look = {
        garbage: o.garbage?.has(box.id) ?? false,
        selected: o.selectedNode === box.id,
        gc: o.gc?.marks[box.id] ?? null,
        bytes: o.selectedNode === box.id || o.hoverNode === box.id ? sizeOf(state, box.id) : null,
        title: displayName(o.names, box.id),
        value: o.values?.has(box.id) ?? false,
        dead:
          (obj.kind === 'weakref' && obj.referent === null) ||
          (o.gc?.cleared.includes(box.id) ?? false),
      };
      const signature = JSON.stringify([
        obj,
        look,
        box.rect.w,
        box.rect.h,
        state.classes[obj.kind === 'instance' ? obj.cls : '']?.slots ?? null,
      ]);
      let entry = this.nodes.get(box.id);
      if (!entry) {
        entry = {
          container: this.scene.add.container(box.rect.x, box.rect.y).setDepth(1),
          signature: '',
          width: box.rect.w,
        };
        this.nodes.set(box.id, entry);
        if (o.motion)
          this.scene.tweens.add({
            targets: entry.container,
            alpha: { from: 0, to: 1 },
            duration: 220,
          });
      } else if (entry.container.x !== box.rect.x || entry.container.y !== box.rect.y) {
        this.moveTo(entry.container, box.rect, o.motion);
      }
      if (entry.signature !== signature) {
        entry.container.removeAll(true);
        drawNode(this.scene, entry.container, obj, box.rect, this.theme, look, state);
        entry.signature = signature;
        entry.width = box.rect.w;
      }
    }
  }

  private moveTo(c: Phaser.GameObjects.Container, r: Rect, motion: boolean): void {
    this.scene.tweens.killTweensOf(c);
    if (!motion) c.setPosition(r.x, r.y);
    else
      this.scene.tweens.add({ targets: c, x: r.x, y: r.y, duration: 260, ease: 'Sine.easeInOut' });
  }

  /** A freed card's badge says rc 0 while it fades (it must not keep saying rc 1). */
  private markFreed(entry: NodeEntry): void {
    const label = this.scene.add.text(entry.width - 2, 2, t('heap.rc', { n: 0 }), {
      fontFamily: FONT_CODE,
      fontSize: '13px',
      color: css(this.theme.text),
      backgroundColor: css(this.theme.panel),
      padding: { x: 7, y: 4 },
      resolution: TEXT_RESOLUTION,
    });
    entry.container.add(label.setOrigin(1, 0));
  }

  /** Fade a freed card out (in cascade order), leaving a dashed ghost for a moment. */
  private retire(c: Phaser.GameObjects.Container, order: number, motion: boolean): void {
    if (!motion) {
      c.destroy();
      return;
    }
    this.scene.tweens.add({
      targets: c,
      alpha: 0.18,
      delay: Math.max(0, order) * 180,
      duration: 260,
      onComplete: () =>
        this.scene.tweens.add({
          targets: c,
          alpha: 0,
          delay: 700,
          duration: 300,
          onComplete: () => c.destroy(),
        }),
    });
  }

  /**
   * Hit tests in world coordinates. A name row shorter than `minRowHeight` (a finger's 44 CSS px
   * in world units) answers within that height around its centre, the nearest row winning.
   */
  sourceAt(p: Point, minRowHeight = 0): Source | null {
    const sources = this.layout?.sources ?? [];
    const exact = sources.find((s) => contains(s.rect, p));
    if (exact) return exact;
    let best: Source | null = null;
    let bestDistance = Infinity;
    for (const s of sources) {
      if (s.owner !== 'name' || s.rect.h >= minRowHeight) continue;
      const grow = (minRowHeight - s.rect.h) / 2;
      const band = { x: s.rect.x, y: s.rect.y - grow, w: s.rect.w, h: minRowHeight };
      const distance = Math.abs(p.y - (s.rect.y + s.rect.h / 2));
      if (contains(band, p) && distance < bestDistance) {
        best = s;
        bestDistance = distance;
      }
    }
    return best;
  }

  nodeAt(p: Point): ObjId | null {
    const hit = Object.values(this.layout?.nodes ?? {}).find((n) => contains(n.rect, p));
    return hit ? hit.id : null;
  }

  trayAt(p: Point): string | null {
    return this.layout?.tray.find((item) => contains(item.rect, p))?.key ?? null;
  }

  inBin(p: Point): boolean {
    return this.layout && this.options?.bin ? contains(this.layout.bin, p) : false;
  }

  destroy(): void {
    for (const e of this.nodes.values()) e.container.destroy();
    this.nodes.clear();
    this.chrome.destroy();
    this.arrows.destroy();
  }
}
