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
  const { x, y } = worldToScreen(camera, r);
  return {
    x: box.left + x * sx,
    y: box.top + y * sy,
    w: r.w * camera.zoom * sx,
    h: r.h * camera.zoom * sy,
  };
}

/** Base font size in CSS px for the current canvas: ≥ 16 on phones, larger on projectors. */
export function baseFont(width: number, height: number): number {
  return Math.round(Math.max(16, Math.min(28, Math.min(width, height) / 30)));
}

/**
 * A camera zooms about its centre (origin 0.5): screen = cam.x + w/2 + (world − scroll − w/2)·zoom.
 * Written out because Phaser 4's camera matrices no longer include the viewport position.
 */
function worldToScreen(
  cam: Phaser.Cameras.Scene2D.Camera,
  p: { x: number; y: number },
): { x: number; y: number } {
  return {
    x: cam.x + cam.width / 2 + (p.x - cam.scrollX - cam.width / 2) * cam.zoom,
    y: cam.y + cam.height / 2 + (p.y - cam.scrollY - cam.height / 2) * cam.zoom,
  };
}

export function screenToWorld(
  cam: Phaser.Cameras.Scene2D.Camera,
  p: { x: number; y: number },
): { x: number; y: number } {
  return {
    x: (p.x - cam.x - cam.width / 2) / cam.zoom + cam.scrollX + cam.width / 2,
    y: (p.y - cam.y - cam.height / 2) / cam.zoom + cam.scrollY + cam.height / 2,
  };
}
