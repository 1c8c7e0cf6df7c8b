/**
 * Pointer and keyboard input on the heap view → selection changes and Intents. No rules: whether
 * an intent is a legal move is for the session to say.
 *
 * Pointer: drag from a name or slot dot to an object (point there), to None/an int in the tray, or
 * to the bin (del); drag from a list card to an object (append); click a name, slot or arrow to
 * select it; click a card to select it; drag empty space to pan; wheel to zoom. Touch: tap a
 * name or slot, then tap where a drag would have dropped it (card, tray, bin).
 * Keyboard: ↑/↓ names and slots, ←/→ objects, Enter (twice) to point, Delete, N, W, Escape.
 */
import type Phaser from 'phaser';
import type { ObjId } from '../../shared/engine/types.ts';
import { distanceToPolyline } from './geometry.ts';
import type { Point } from './geometry.ts';
import type { HeapView } from './HeapView.ts';
import type { Intent } from './intents.ts';
import type { Source } from './slots.ts';
import { ratioOf, screenToWorld } from '../ui/screen.ts';

export interface Selection {
  source: string | null;
  node: ObjId | null;
  picking: boolean;
}

export interface GestureHandlers {
  intent(intent: Intent): void;
  selection(sel: Selection, spoken: 'source' | 'node' | 'picking' | null): void;
  zoom(factor: number, around: Point | null): void;
  /** The card under the mouse changed (null = none): shows its size, like focus does. */
  hover(node: ObjId | null): void;
}

type Drag =
  | { kind: 'source'; source: Source; start: Point; moved: boolean }
  | { kind: 'append'; list: ObjId; start: Point; moved: boolean }
  | { kind: 'pan'; x: number; y: number; sx: number; sy: number; moved: boolean; start: Point };

export class Gestures {
  sel: Selection = { source: null, node: null, picking: false };
  private drag: Drag | null = null;
  /** Finger distance of a two-finger pinch in progress (touch zoom). */
  private pinch: number | null = null;
  enabled = true;
  /** Look, don't touch: drags only pan, clicks only select, Enter never points. */
  readOnly = false;
  private readonly scene: Phaser.Scene;
  private readonly view: HeapView;
  private readonly on: GestureHandlers;

  constructor(scene: Phaser.Scene, view: HeapView, on: GestureHandlers) {
    this.scene = scene;
    this.view = view;
    this.on = on;
    scene.input.on('pointerdown', this.down, this);
    scene.input.on('pointermove', this.move, this);
    scene.input.on('pointerup', this.up, this);
    scene.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) =>
      this.on.zoom(dy > 0 ? 0.9 : 1.1, this.world(p)),
    );
  }

  /** 44 CSS px in world units: the least height a name row answers a tap in. */
  private fingerHeight(): number {
    return (44 * ratioOf(this.scene.scale)) / this.scene.cameras.main.zoom;
  }

  private world(p: Phaser.Input.Pointer): Point {
    return screenToWorld(this.scene.cameras.main, { x: p.x, y: p.y });
  }

  private down(p: Phaser.Input.Pointer): void {
    if (!this.enabled) return;
    const w = this.world(p);
    const src = this.readOnly ? null : this.view.sourceAt(w, this.fingerHeight());
    const node = src || this.readOnly ? null : this.view.nodeAt(w);
    const cam = this.scene.cameras.main;
    if (src) this.drag = { kind: 'source', source: src, start: w, moved: false };
    else if (node !== null && this.view.state?.objects[node]?.kind === 'list')
      this.drag = { kind: 'append', list: node, start: w, moved: false };
    else
      this.drag = {
        kind: 'pan',
        x: p.x,
        y: p.y,
        sx: cam.scrollX,
        sy: cam.scrollY,
        moved: false,
        start: w,
      };
  }

  private move(p: Phaser.Input.Pointer): void {
    if (this.pinchZoom()) return;
    const d = this.drag;
    const w = this.world(p);
    if (!d || !p.isDown) return this.hoverAt(w);
    if (Math.hypot(w.x - d.start.x, w.y - d.start.y) > 8) d.moved = true;
    if (d.kind === 'pan') {
      const cam = this.scene.cameras.main;
      cam.setScroll(d.sx - (p.x - d.x) / cam.zoom, d.sy - (p.y - d.y) / cam.zoom);
      return;
    }
    const from = d.kind === 'source' ? d.source.anchor : d.start;
    const valid =
      this.view.nodeAt(w) !== null ||
      (d.kind === 'source' && (this.view.trayAt(w) !== null || this.view.inBin(w)));
    this.view.drag = d.moved ? { from, to: w, valid } : null;
  }

  private hovered: ObjId | null = null;

  private hoverAt(w: Point): void {
    const node = this.view.nodeAt(w);
    if (node === this.hovered) return;
    this.hovered = node;
    this.on.hover(node);
  }

  /** Two fingers down: zoom by the change of their distance, and cancel any one-finger drag. */
  private pinchZoom(): boolean {
    const a = this.scene.input.pointer1;
    const b = this.scene.input.pointer2;
    if (!a?.isDown || !b?.isDown) {
      this.pinch = null;
      return false;
    }
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    if (this.pinch !== null && distance > 0) this.on.zoom(distance / this.pinch, null);
    this.pinch = distance;
    this.drag = null;
    this.view.drag = null;
    return true;
  }

  private up(p: Phaser.Input.Pointer): void {
    const d = this.drag;
    this.drag = null;
    this.view.drag = null;
    if (!d || !this.enabled) return;
    const w = this.world(p);
    if (d.kind === 'pan') {
      if (!d.moved) this.click(w);
      return;
    }
    if (!d.moved) {
      if (d.kind === 'source')
        this.select({ source: d.source.id, node: null, picking: false }, 'source');
      else if (!this.secondTap(w))
        this.select({ source: null, node: d.list, picking: false }, 'node');
      return;
    }
    this.drop(d, w);
  }

  private drop(d: Exclude<Drag, { kind: 'pan' }>, w: Point): void {
    const target = this.view.nodeAt(w);
    if (d.kind === 'append') {
      if (target !== null) this.on.intent({ type: 'append', list: d.list, target });
      return;
    }
    const tray = this.view.trayAt(w);
    if (target !== null) this.on.intent({ type: 'point', source: d.source, target });
    else if (tray === 'None') this.on.intent({ type: 'none', source: d.source });
    else if (tray !== null)
      this.on.intent({
        type: 'pointImmortal',
        source: d.source,
        value: { t: 'int', v: Number(tray) },
      });
    else if (this.view.inBin(w)) this.on.intent({ type: 'cut', source: d.source });
  }

  /**
   * Tap-then-tap, the touch form of a drag: with a name or slot selected, a tap on a card points
   * it there, on None or an int in the tray points it at that, on the bin deletes it.
   */
  private secondTap(w: Point): boolean {
    const source = this.readOnly ? null : this.selectedSource();
    if (!source) return false;
    const hit = this.view.nodeAt(w) !== null || this.view.trayAt(w) !== null || this.view.inBin(w);
    if (hit) this.drop({ kind: 'source', source, start: source.anchor, moved: true }, w);
    return hit;
  }

  /** A click on empty space: an arrow near it, else clear the selection. */
  private click(w: Point): void {
    if (this.secondTap(w)) return;
    const node = this.view.nodeAt(w);
    if (node !== null) return this.select({ source: null, node, picking: false }, 'node');
    const arrow = this.arrowNear(w);
    this.select({ source: arrow, node: null, picking: false }, arrow ? 'source' : null);
  }

  private arrowNear(w: Point): string | null {
    const l = this.view.layout;
    if (!l) return null;
    return l.arrows.find((a) => distanceToPolyline(w, a.route) < 9)?.source ?? null;
  }

  select(sel: Selection, spoken: 'source' | 'node' | 'picking' | null): void {
    this.sel = sel;
    this.on.selection(sel, spoken);
  }

  /** Keyboard handling; returns true when the key was used. */
  key(e: KeyboardEvent): boolean {
    if (!this.enabled) return false;
    const sources = (this.view.layout?.sources ?? []).filter((s) => s.place !== null);
    const nodes = Object.keys(this.view.layout?.nodes ?? {}).map(Number);
    const cycle = <T>(list: T[], current: T | null, step: number): T | null =>
      list.length === 0
        ? null
        : (list[(list.indexOf(current as T) + step + list.length) % list.length] ?? null);
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : -1;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        this.select(
          {
            source: cycle(
              sources.map((s) => s.id),
              this.sel.source,
              this.sel.source === null && step < 0 ? 0 : step,
            ),
            node: null,
            picking: false,
          },
          'source',
        );
        return true;
      case 'ArrowLeft':
      case 'ArrowRight':
        this.select(
          {
            ...this.sel,
            node: cycle(nodes, this.sel.node, this.sel.node === null && step < 0 ? 0 : step),
          },
          'node',
        );
        return true;
      case 'Enter':
        return !this.readOnly && this.enter(sources);
      case 'Escape':
        this.select({ source: null, node: null, picking: false }, null);
        return true;
      default:
        return false;
    }
  }

  private enter(sources: Source[]): boolean {
    const src = sources.find((s) => s.id === this.sel.source);
    if (!src) return false;
    if (!this.sel.picking || this.sel.node === null) {
      this.select({ ...this.sel, picking: true }, 'picking');
      return true;
    }
    this.on.intent({ type: 'point', source: src, target: this.sel.node });
    this.select({ source: null, node: null, picking: false }, null);
    return true;
  }

  selectedSource(): Source | null {
    return this.view.layout?.sources.find((s) => s.id === this.sel.source) ?? null;
  }

  destroy(): void {
    this.scene.input.off('pointerdown', this.down, this);
    this.scene.input.off('pointermove', this.move, this);
    this.scene.input.off('pointerup', this.up, this);
    this.scene.input.removeAllListeners('wheel');
  }
}
