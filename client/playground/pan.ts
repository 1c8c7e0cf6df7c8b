/**
 * The Playground's camera on phones, where a picture can be taller than the screen: drag to pan
 * (a tap stays a tap), and what each step is about, for the camera to follow.
 */
import type Phaser from 'phaser';
import type { GcStep } from '../view/gcSteps.ts';
import type { Rect } from '../view/geometry.ts';

/** A drag (≥ 10 CSS px) pans the scene's main camera; a pointer released without one is `tap`. */
export function dragToPan(scene: Phaser.Scene, tap: (p: Phaser.Input.Pointer) => void): void {
  let drag: { x: number; y: number; sx: number; sy: number; moved: boolean } | null = null;
  const cam = (): Phaser.Cameras.Scene2D.Camera => scene.cameras.main;
  scene.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
    drag = { x: p.x, y: p.y, sx: cam().scrollX, sy: cam().scrollY, moved: false };
  });
  scene.input.on('pointermove', (p: Phaser.Input.Pointer) => {
    if (!drag || !p.isDown) return;
    // Pointer positions are in canvas pixels: CSS pixels × 1 / scale.zoom (ui/screen.ts ratioOf).
    const threshold = 10 / (scene.scale.zoom || 1);
    if (!drag.moved && Math.hypot(p.x - drag.x, p.y - drag.y) < threshold) return;
    drag.moved = true;
    const c = cam();
    c.setScroll(drag.sx - (p.x - drag.x) / c.zoom, drag.sy - (p.y - drag.y) / c.zoom);
  });
  scene.input.on('pointerup', (p: Phaser.Input.Pointer) => {
    const moved = drag?.moved ?? false;
    drag = null;
    if (!moved) tap(p);
  });
}

/**
 * What a gc player step is about: the reference being subtracted, else the objects whose mark or
 * gc_refs changed since the step before (`before`), else every marked object.
 */
export function gcFocus(step: GcStep, before: GcStep | null): number[] {
  if (step.edge) return [step.edge.from, step.edge.to];
  const all = Object.keys(step.marks).map(Number);
  const changed = all.filter((id) => {
    const [a, b] = [step.marks[id], before?.marks[id]];
    return !b || a?.mark !== b.mark || a?.gcRefs !== b.gcRefs;
  });
  return changed.length > 0 ? changed : all;
}

/** The smallest rectangle around `rects` (null for none). */
export function union(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: right - x, h: bottom - y };
}
