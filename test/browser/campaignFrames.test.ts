/**
 * Stepping a call in chromium through real input: `keep = make()` in chapter 6 shows make()'s
 * frame appear, its locals bind, list① handed back and the frame vanish with list② — stepped and
 * rewound with the player's buttons (mouse at 1366×768, touch at 360×640). Screenshots land in
 * test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import {
  clickTarget,
  extra,
  openGame,
  progressUpTo,
  shot,
  startHarness,
  waitFor,
  waitScene,
} from './harness.ts';
import type { Harness } from './harness.ts';

const ORDER = CAMPAIGN.map((p) => p.id);

interface Frame {
  fn: string;
  locals: string[];
}

async function frames(page: Page): Promise<string> {
  const all = (await extra(page)).frames as Frame[];
  return all.map((f) => `${f.fn}(${f.locals.join(',')})`).join(' ');
}

async function caption(page: Page): Promise<string> {
  return (await page.textContent('#gc-caption')) ?? '';
}

describe('a call, stepped', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [1366, 768],
    [360, 640],
  ])('shows make()’s frame come and go at %ix%i', { timeout: 240_000 }, async (w, hgt) => {
    const { page, errors } = await openGame(h, w, hgt, progressUpTo(ORDER, 'return-to-sender'));
    const touch = w < 500;
    const press = async (selector: string): Promise<void> => {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box, selector).not.toBeNull();
      if (touch) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(350);
    };
    await clickTarget(page, 'button:solo');
    await waitScene(page, 'Campaign');
    await clickTarget(page, `button:level:return-to-sender`);
    await waitScene(page, 'Puzzle');
    expect(await frames(page)).toBe('');
    await page.click('#console-input');
    await page.keyboard.type('keep = make()');
    await page.keyboard.press('Enter');
    await waitFor(page, `!document.querySelector('#gc-bar').hidden`);
    await shot(page, `frames-bar-${w}x${hgt}`);
    await press('[data-tool="gcPlay"]'); // pause the autoplay, then rewind to the start
    for (let i = 0; i < 5; i++) await press('[data-tool="gcBack"]');
    expect(await page.textContent('#gc-bar strong')).toBe('Inside make()');
    expect(await caption(page)).toBe(
      'Step 1 of 5 · make() is called: a new frame appears on the Stack.',
    );
    expect(await frames(page)).toBe('make()');
    await press('[data-tool="gcStep"]');
    await press('[data-tool="gcStep"]');
    expect(await frames(page)).toBe('make(t,u)');
    expect((await extra(page)).rc).toEqual({ 1: 2, 2: 1 });
    await shot(page, `frames-locals-${w}x${hgt}`);
    await press('[data-tool="gcStep"]');
    expect(await caption(page)).toContain('make() returns list①');
    await press('[data-tool="gcStep"]');
    expect(await frames(page)).toBe('');
    expect((await extra(page)).rc).toEqual({ 1: 1 });
    expect(await caption(page)).toContain('The frame of make() vanishes');
    expect(await caption(page)).toContain('list② freed: its refcount reached 0.');
    await press('[data-tool="gcBack"]'); // rewinding brings the frame back
    expect(await frames(page)).toBe('make(t,u)');
    await shot(page, `frames-return-${w}x${hgt}`);
    await press('[data-tool="gcStep"]');
    await press('[data-tool="gcSkip"]');
    expect(await page.locator('#gc-bar').isHidden()).toBe(true);
    expect((await extra(page)).names).toEqual({ 1: 'list①' });
    expect((await extra(page)).goalDone).toBe(true);
    await shot(page, `frames-done-${w}x${hgt}`);
    expect(errors).toEqual([]);
  });
});
