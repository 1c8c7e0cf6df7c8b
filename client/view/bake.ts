/**
 * Static vector drawing baked into textures. Phaser re-tessellates every Graphics command on every
 * frame (earcut for each rounded rect and circle), so shapes that only change with the board are
 * drawn once into a canvas texture (`Graphics.generateTexture`) and shown as an Image. The texture
 * is drawn at BAKE_SCALE× (like Text's resolution) so it stays sharp when the camera zooms in, and
 * is removed from the texture manager when its Image is destroyed.
 */
import type Phaser from 'phaser';

const BAKE_SCALE = 2;
let serial = 0;

/** A Graphics off the display list whose local point (0, 0) lands at (left, top) of the texture. */
export function startBake(
  scene: Phaser.Scene,
  left: number,
  top: number,
): Phaser.GameObjects.Graphics {
  return scene.make
    .graphics({}, false)
    .scaleCanvas(BAKE_SCALE, BAKE_SCALE)
    .translateCanvas(left, top);
}

/**
 * Renders `g` (from startBake with the same left/top) into a new texture covering local x in
 * [-left, right) and y in [-top, bottom), destroys `g`, and returns an Image placed so that the
 * drawing keeps its local coordinates.
 */
export function finishBake(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  box: { left: number; top: number; right: number; bottom: number },
): Phaser.GameObjects.Image {
  const key = `heapview-bake-${serial++}`;
  const w = Math.max(1, Math.ceil((box.left + box.right) * BAKE_SCALE));
  const h = Math.max(1, Math.ceil((box.top + box.bottom) * BAKE_SCALE));
  g.generateTexture(key, w, h);
  g.destroy();
  const img = scene.make
    .image({ x: -box.left, y: -box.top }, false)
    .setTexture(key)
    .setOrigin(0, 0)
    .setScale(1 / BAKE_SCALE);
  img.once('destroy', () => {
    if (scene.textures.exists(key)) scene.textures.remove(key);
  });
  return img;
}

/** One shared baked dot (the anchor of a name or slot), keyed by colour. */
export function dotImage(
  scene: Phaser.Scene,
  x: number,
  y: number,
  radius: number,
  color: number,
): Phaser.GameObjects.Image {
  const key = `heapview-dot-${radius}-${color}`;
  if (!scene.textures.exists(key)) {
    const g = scene.make.graphics({}, false).scaleCanvas(BAKE_SCALE, BAKE_SCALE);
    g.fillStyle(color, 1).fillCircle(radius + 1, radius + 1, radius);
    g.generateTexture(key, (2 * radius + 2) * BAKE_SCALE, (2 * radius + 2) * BAKE_SCALE);
    g.destroy();
  }
  return scene.make
    .image({ x, y }, false)
    .setTexture(key)
    .setScale(1 / BAKE_SCALE);
}
