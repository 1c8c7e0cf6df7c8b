/** The Playground's camera on phones (client/view/camera.ts followFocus, playground/pan.ts gcFocus). */
import { describe, expect, it } from 'vitest';
import { fitCamera, followFocus } from '../../client/view/camera.ts';
import { gcFocus } from '../../client/playground/pan.ts';
import type { GcStep } from '../../client/view/gcSteps.ts';

const TALL = { x: 0, y: 0, w: 300, h: 1200 };

describe('following what a step changes', () => {
  it('keeps the top-left view when the changed card is already in it', () => {
    const fit = fitCamera(TALL, 360, 400, 0.9);
    expect(followFocus(fit, TALL, { x: 10, y: 250, w: 100, h: 60 }, 360, 400)).toEqual(fit);
  });

  it('centres a changed card below the fold, never past the picture’s edge', () => {
    const fit = fitCamera(TALL, 360, 400, 0.9);
    const moved = followFocus(fit, TALL, { x: 10, y: 700, w: 100, h: 60 }, 360, 400);
    expect(moved.zoom).toBe(0.9);
    expect(moved.centerY).toBe(730);
    expect(moved.centerX).toBe(fit.centerX);
    const last = followFocus(fit, TALL, { x: 10, y: 1180, w: 100, h: 20 }, 360, 400);
    expect(last.centerY).toBeCloseTo(1200 + 24 - 400 / 0.9 / 2);
  });

  it('leaves a picture that fits alone', () => {
    const small = { x: 0, y: 0, w: 200, h: 200 };
    const fit = fitCamera(small, 360, 400, 0.9);
    expect(followFocus(fit, small, { x: 0, y: 150, w: 50, h: 50 }, 360, 400)).toEqual(fit);
  });

  it('follows the reference a gc step subtracts, else the objects whose badge changed', () => {
    const step = (marks: GcStep['marks'], edge: GcStep['edge'] = null): GcStep => ({
      caption: { key: 'gc.updateRefs', params: {} },
      marks,
      edge,
      cleared: [],
    });
    const a = step({ 1: { gcRefs: 1, mark: 'young' }, 2: { gcRefs: 1, mark: 'young' } });
    const b = step({ 1: { gcRefs: 1, mark: 'young' }, 2: { gcRefs: 0, mark: 'young' } });
    expect(gcFocus(b, a)).toEqual([2]);
    expect(gcFocus(a, null)).toEqual([1, 2]);
    expect(gcFocus(step(b.marks, { from: 1, to: 2, slot: '.next' }), a)).toEqual([1, 2]);
  });
});
