/**
 * The heap picture in chromium through real input: a self-reference is drawn as a loop, no
 * arrow passes through a card, and an object keeps its display name while the names that reach
 * it change — at 360×640 (touch), 1366×768 and 1920×1080. Screenshots land in test-results/.
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

interface Picture {
  cardCrossings: number;
  labelCrossings: number;
  selfLoops: number;
  selfLoopsDrawnAsLoops: number;
  problems: string[];
}

async function picture(page: Page): Promise<Picture> {
  return (await extra(page)).picture as Picture;
}

async function names(page: Page): Promise<Record<string, string>> {
  return (await extra(page)).names as Record<string, string>;
}

async function openLevel(
  h: Harness,
  w: number,
  hgt: number,
  id: string,
): Promise<{ page: Page; errors: string[] }> {
  const g = await openGame(h, w, hgt, progressUpTo(ORDER, id));
  await clickTarget(g.page, 'button:solo');
  await waitScene(g.page, 'Campaign');
  await clickTarget(g.page, `button:level:${id}`);
  await waitScene(g.page, 'Puzzle');
  await g.page.waitForTimeout(500);
  return g;
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.click('#console-input');
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await waitFor(
    page,
    `(document.querySelector('#code')?.textContent ?? '').includes(${JSON.stringify(line)})`,
  );
  await page.waitForTimeout(700);
}

describe('the heap picture in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [360, 640],
    [1366, 768],
    [1920, 1080],
  ])('draws a list that holds itself as a loop at %ix%i', { timeout: 90_000 }, async (w, hgt) => {
    const { page, errors } = await openLevel(h, w, hgt, 'list-holds-itself');
    await shot(page, `picture-self-loop-${w}x${hgt}`);
    const p = await picture(page);
    expect([p.selfLoops, p.selfLoopsDrawnAsLoops, p.cardCrossings, p.labelCrossings]).toEqual([
      1, 1, 0, 0,
    ]);
    expect(Object.values(await names(page))).toEqual(['list①']);
    expect(errors).toEqual([]);
  });

  it(
    'keeps a Node’s name while the names reaching it change, with no card crossed',
    { timeout: 90_000 },
    async () => {
      const { page, errors } = await openLevel(h, 1366, 768, 'holding-hands');
      const before = await names(page);
      expect(Object.values(before)).toEqual(['Node①', 'Node②']);
      await shot(page, 'picture-pair-start');
      await typeLine(page, 'del a');
      await typeLine(page, 'del b');
      await shot(page, 'picture-pair-renamed');
      expect(await names(page)).toEqual(before);
      expect((await picture(page)).problems).toEqual([]);
      expect(await page.textContent('#narration-log')).toContain('a no longer refers to Node①.');
      expect(errors).toEqual([]);
    },
  );
});
