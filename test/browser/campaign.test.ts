/**
 * The real game in chromium, served by the real server: level 1 by mouse, a cycle level by
 * keyboard (with the gc.collect() animation stepped by mouse), Indonesian, and three screen sizes.
 * Screenshots land in test-results/ for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import {
  clickTarget,
  dragTarget,
  extra,
  openGame,
  progressUpTo,
  shot,
  startHarness,
  target,
  targets,
  waitFor,
  waitScene,
} from './harness.ts';
import type { Harness } from './harness.ts';

const ORDER = CAMPAIGN.map((p) => p.id);

async function waitText(page: Page, selector: string, text: string): Promise<void> {
  await waitFor(
    page,
    `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(text)})`,
    10_000,
  );
}

const rcs = async (page: Page): Promise<number[]> =>
  Object.values((await extra(page)).rc as Record<string, number>);

describe('Heap Heroes in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('plays level 1 with the mouse: drag the name into the bin', { timeout: 180_000 }, async () => {
    const { page, errors } = await openGame(h, 1366, 768);
    await shot(page, 'menu-1366x768');
    await clickTarget(page, 'button:solo');
    await waitScene(page, 'Campaign');
    await shot(page, 'campaign-1366x768');
    await clickTarget(page, 'button:level:one-name-one-list');
    await waitScene(page, 'Puzzle');
    expect(await rcs(page)).toEqual([1]);
    await shot(page, 'level1-start');
    await dragTarget(page, 'source:g:box', 'bin');
    await waitText(page, '#code', 'del box');
    expect(await page.textContent('#code')).toBe('del box');
    await waitText(page, '#narration-log', 'refcount 1 → 0');
    expect(await page.textContent('#narration-log')).toContain(
      'list① freed: its refcount reached 0.',
    );
    await shot(page, 'level1-done');
    // The final picture stays until the player asks for the results.
    await page.waitForTimeout(1600);
    expect(await extra(page)).toMatchObject({ goalDone: true });
    await page.click('[data-tool="results"]');
    await waitScene(page, 'Results');
    await shot(page, 'level1-results');
    const saved = await page.evaluate('localStorage.getItem("heap-heroes:progress")');
    expect(JSON.parse(saved as string)).toEqual({
      'one-name-one-list': { stars: 3, bestMoves: 1 },
    });
    expect(errors).toEqual([]);
  });

  it(
    'plays a cycle level from the keyboard and steps through gc.collect()',
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openGame(h, 1366, 768, progressUpTo(ORDER, 'holding-hands'));
      await page.keyboard.press('Enter');
      await waitScene(page, 'Campaign');
      await clickTarget(page, 'button:level:holding-hands');
      await waitScene(page, 'Puzzle');
      expect(await rcs(page)).toEqual([2, 2]);
      for (const name of ['a', 'b']) {
        await page.keyboard.press('ArrowDown');
        await waitText(page, '#narration-log', `Selected ${name}.`);
        await page.keyboard.press('Delete');
        await waitText(page, '#code', `del ${name}`);
      }
      expect(await rcs(page)).toEqual([1, 1]);
      expect(await page.textContent('#narration-log')).toContain('a no longer refers to Node①.');
      await page.keyboard.press('r');
      await shot(page, 'cycle-garbage-revealed');
      await page.keyboard.press('g');
      await waitText(page, '#gc-caption', 'Step 1 of');
      expect(await page.textContent('#gc-caption')).toContain('copy each refcount into gc_refs');
      await page.click('[data-tool="gcPlay"]');
      for (let i = 0; i < 3; i++) await page.click('[data-tool="gcStep"]');
      await shot(page, 'cycle-gc-step4');
      const caption = await page.textContent('#gc-caption');
      expect(caption).toMatch(/Step 4 of \d+/);
      while (!((await page.textContent('#gc-caption')) ?? '').includes('gc.collect() returns 2'))
        await page.click('[data-tool="gcStep"]');
      await shot(page, 'cycle-gc-result');
      await page.click('[data-tool="gcSkip"]');
      expect(await page.textContent('#code')).toBe('del a\ndel b\ngc.collect()');
      await page.click('[data-tool="results"]');
      await waitScene(page, 'Results');
      await shot(page, 'cycle-results');
      expect(errors).toEqual([]);
    },
  );

  it('switches to Bahasa Indonesia and plays in it', { timeout: 180_000 }, async () => {
    const { page, errors } = await openGame(h, 1366, 768);
    await clickTarget(page, 'button:lang:id');
    await waitFor(page, 'document.documentElement.lang === "id"');
    await shot(page, 'menu-id');
    await clickTarget(page, 'button:solo');
    await waitScene(page, 'Campaign');
    await shot(page, 'campaign-id');
    await clickTarget(page, 'button:level:one-name-one-list');
    await waitScene(page, 'Puzzle');
    expect(await page.textContent('#side')).toContain('Programmu');
    await page.fill('#console-input', 'del box');
    await page.keyboard.press('Enter');
    await waitText(page, '#narration-log', 'refcount list① 1 → 0.');
    await shot(page, 'level1-id');
    await page.click('[data-tool="results"]');
    await waitScene(page, 'Results');
    await shot(page, 'results-id');
    expect(errors).toEqual([]);
  });

  it.each([
    [360, 640],
    [1920, 1080],
  ])(
    'lays the puzzle out at %ix%i with every target on screen',
    { timeout: 180_000 },
    async (width, height) => {
      const { page, errors } = await openGame(
        h,
        width,
        height,
        progressUpTo(ORDER, 'tangled-family'),
      );
      await shot(page, `menu-${width}x${height}`);
      await clickTarget(page, 'button:solo');
      await waitScene(page, 'Campaign');
      await clickTarget(page, 'button:level:tangled-family');
      await waitScene(page, 'Puzzle');
      await page.waitForTimeout(400);
      await shot(page, `puzzle-${width}x${height}`);
      const all = await targets(page);
      const nodes = Object.entries(all).filter(([k]) => k.startsWith('node:'));
      expect(nodes.length).toBeGreaterThan(0);
      const boxes = await page.evaluate(
        'JSON.stringify([document.querySelector("#game").getBoundingClientRect(), document.querySelector("#side").getBoundingClientRect()])',
      );
      const [box, side] = JSON.parse(boxes as string) as {
        x: number;
        y: number;
        width: number;
        height: number;
      }[];
      // Phones: canvas full width, panels below it. Wide screens: canvas and side panel share the row.
      if (width < 821) expect([box!.width, side!.y >= box!.y + box!.height]).toEqual([width, true]);
      else expect(Math.round(box!.width + side!.width)).toBe(width);
      const name = await target(page, 'source:g:family');
      expect(name.x).toBeGreaterThanOrEqual(box!.x);
      expect(name.x + name.w).toBeLessThanOrEqual(box!.x + box!.width);
      expect(errors).toEqual([]);
    },
  );
});
