/** World → page (CSS pixel) conversion for the test hook, through a camera and the canvas box. */
import type Phaser from 'phaser';
import type { ScreenRect } from './testHook.ts';

export function toPage(
  game: Phaser.Game,
  camera: Phaser.Cameras.Scene2D.Camera,
  r: { x: number; y: number; w: number; h: number },
): ScreenRect {
  const box = game.canvas.getBoundingClientRect();
  const sx = box.width / game.scale.width;
  const sy = box.height / game.scale.height;
  const view = camera.worldView;
  const x = camera.x + (r.x - view.x) * camera.zoom;
  const y = camera.y + (r.y - view.y) * camera.zoom;
  return { x: box.left + x * sx, y: box.top + y * sy, w: r.w * camera.zoom * sx, h: r.h * camera.zoom * sy };
}

/** Base font size in CSS px for the current canvas: ≥ 16 on phones, larger on projectors. */
export function baseFont(width: number, height: number): number {
  return Math.round(Math.max(16, Math.min(28, Math.min(width, height) / 30)));
}
