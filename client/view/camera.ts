/** Camera fitting for the heap view. Pure math: what zoom and scroll show `bounds` in a viewport. */
import type { Rect } from './geometry.ts';

export interface CameraFit {
  zoom: number;
  /** World point to centre on. */
  centerX: number;
  centerY: number;
}

/**
 * Fit the whole picture when it fits at ≥ minZoom; otherwise use minZoom and show the top-left
 * (the Stack and the first objects), leaving the rest to panning.
 */
export function fitCamera(
  bounds: Rect,
  viewW: number,
  viewH: number,
  minZoom: number,
  maxZoom = viewW > 1100 ? 2 : 1.4,
  pad = 24,
): CameraFit {
  const w = bounds.w + pad * 2;
  const h = bounds.h + pad * 2;
  const zoom = Math.max(minZoom, Math.min(maxZoom, viewW / w, viewH / h));
  const visibleW = viewW / zoom;
  const visibleH = viewH / zoom;
  const centerX = w <= visibleW ? bounds.x + bounds.w / 2 : bounds.x - pad + visibleW / 2;
  const centerY = h <= visibleH ? bounds.y + bounds.h / 2 : bounds.y - pad + visibleH / 2;
  return { zoom, centerX, centerY };
}

/**
 * When the picture does not fit and the `focus` rectangle (what the step changes) is not already
 * in view, move `fit` to centre it, staying within the picture (bounds plus `pad`).
 */
export function followFocus(
  fit: CameraFit,
  bounds: Rect,
  focus: Rect | null,
  viewW: number,
  viewH: number,
  pad = 24,
): CameraFit {
  if (!focus) return fit;
  const [vw, vh] = [viewW / fit.zoom, viewH / fit.zoom];
  const inX = focus.x >= fit.centerX - vw / 2 && focus.x + focus.w <= fit.centerX + vw / 2;
  const inY = focus.y >= fit.centerY - vh / 2 && focus.y + focus.h <= fit.centerY + vh / 2;
  if (inX && inY) return fit;
  const axis = (
    center: number,
    lo: number,
    size: number,
    fLo: number,
    fSize: number,
    view: number,
  ): number => {
    const visible = view / fit.zoom;
    if (size + pad * 2 <= visible) return center;
    const min = lo - pad + visible / 2;
    const max = lo + size + pad - visible / 2;
    return Math.max(min, Math.min(max, fLo + fSize / 2));
  };
  return {
    zoom: fit.zoom,
    centerX: axis(fit.centerX, bounds.x, bounds.w, focus.x, focus.w, viewW),
    centerY: axis(fit.centerY, bounds.y, bounds.h, focus.y, focus.h, viewH),
  };
}

/** How many heap columns suit a viewport of this width (1 on phones, up to 5 on projectors). */
export function columnsFor(viewW: number): number {
  return Math.max(1, Math.min(5, Math.floor((viewW / 0.85 - 240) / 250)));
}

/** Smallest zoom that keeps 15 px world text ≥ 12 px on screen on phones; smaller on big screens. */
export function minZoomFor(viewW: number): number {
  return viewW < 600 ? 0.9 : 0.45;
}
