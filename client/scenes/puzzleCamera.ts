/**
 * The puzzle camera. It works in device pixels (its viewport and zoom include the pixel ratio,
 * ui/screen.ts); layout decisions (columns, compact cards, fitting) are made in CSS pixels.
 */
import { cssSize, ratioOf } from '../ui/screen.ts';
import { fitCamera, minZoomFor } from '../view/camera.ts';
import { hudHeight } from '../view/hudLayout.ts';
import type { Puzzle } from './Puzzle.ts';

/** The camera's viewport: the canvas under the HUD. */
export function placeCamera(scene: Puzzle): void {
  const r = ratioOf(scene.scale);
  const { width, height } = cssSize(scene.scale);
  const top = hudHeight(width, scene.session.puzzle.goals.length);
  scene.cameras.main.setViewport(0, top * r, width * r, Math.max(100, height - top) * r);
}

/** The picture's viewport width in CSS pixels. */
export function pictureWidth(scene: Puzzle): number {
  return scene.cameras.main.width / ratioOf(scene.scale);
}

/** Zoom and centre so the whole picture shows (never smaller than readable). */
export function fitPicture(scene: Puzzle): void {
  const l = scene.heap.layout;
  if (!l) return;
  const cam = scene.cameras.main;
  const r = ratioOf(scene.scale);
  const w = cam.width / r;
  const f = fitCamera(l.bounds, w, cam.height / r, minZoomFor(w));
  cam.setZoom(f.zoom * r);
  cam.centerOn(f.centerX, f.centerY);
}

export function zoomPicture(scene: Puzzle, factor: number): void {
  const cam = scene.cameras.main;
  const r = ratioOf(scene.scale);
  cam.setZoom(Math.max(0.3 * r, Math.min(2.5 * r, cam.zoom * factor)));
}
