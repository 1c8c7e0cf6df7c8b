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

/**
 * Device pixels per CSS pixel the canvas draws at (1–3): the game's backing store is the CSS size
 * times this, shown at the CSS size (scale zoom 1/ratio), so text is crisp on phones. Scenes lay
 * out in CSS pixels and zoom their cameras by it.
 */
export function pixelRatio(): number {
  const r = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(1, r));
}

/** The ratio the game is drawn at now (1 / scale zoom). */
export function ratioOf(scale: Phaser.Scale.ScaleManager): number {
  return 1 / (scale.zoom || 1);
}

/** The canvas size in CSS pixels, what a scene lays out in. */
export function cssSize(scale: Phaser.Scale.ScaleManager): { width: number; height: number } {
  const r = ratioOf(scale);
  return { width: scale.width / r, height: scale.height / r };
}

/** A full-screen scene's camera: world units are CSS pixels, drawn at the device's density. */
export function cssCamera(scene: Phaser.Scene): Phaser.Cameras.Scene2D.Camera {
  return scene.cameras.main.setOrigin(0, 0).setZoom(ratioOf(scene.scale));
}

/** Text drawn at the device's density (times `extra` for cameras that zoom in further). */
export function textResolution(extra = 1): number {
  return Math.min(6, pixelRatio() * extra);
}

/** Base font size in CSS px for the current canvas: ≥ 16 on phones, larger on projectors. */
export function baseFont(width: number, height: number): number {
  return Math.round(Math.max(16, Math.min(28, Math.min(width, height) / 30)));
}

/**
 * A camera zooms about its origin (o = 0.5 for the centre, 0 for the top left):
 * screen = cam.x + o·w + (world − scroll − o·w)·zoom. Written out because Phaser 4's camera
 * matrices no longer include the viewport position.
 */
function worldToScreen(
  cam: Phaser.Cameras.Scene2D.Camera,
  p: { x: number; y: number },
): { x: number; y: number } {
  const ox = cam.originX * cam.width;
  const oy = cam.originY * cam.height;
  return {
    x: cam.x + ox + (p.x - cam.scrollX - ox) * cam.zoom,
    y: cam.y + oy + (p.y - cam.scrollY - oy) * cam.zoom,
  };
}

export function screenToWorld(
  cam: Phaser.Cameras.Scene2D.Camera,
  p: { x: number; y: number },
): { x: number; y: number } {
  const ox = cam.originX * cam.width;
  const oy = cam.originY * cam.height;
  return {
    x: (p.x - cam.x - ox) / cam.zoom + cam.scrollX + ox,
    y: (p.y - cam.y - oy) / cam.zoom + cam.scrollY + oy,
  };
}
