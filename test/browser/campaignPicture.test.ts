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
  targets,
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
  ])('draws a list that holds itself as a loop at %ix%i', { timeout: 240_000 }, async (w, hgt) => {
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
    { timeout: 240_000 },
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

  it(
    'on a 360×640 phone: rules shown, tools on screen, tap a name then the bin, REPL console',
    { timeout: 240_000 },
    async () => {
      const { page, errors } = await openLevel(h, 360, 640, 'one-name-one-list');
      expect(await page.textContent('#rules-box')).toContain('Allowed here: del name');
      // Essential tools are on screen without scrolling, each at least 44 px.
      for (const tool of ['undo', 'hint', 'cut', 'more']) {
        const box = await page.locator(`#toolbar > [data-tool="${tool}"]`).boundingBox();
        expect(box, tool).not.toBeNull();
        expect(box!.x + box!.width, tool).toBeLessThanOrEqual(360);
        expect(Math.min(box!.width, box!.height), tool).toBeGreaterThanOrEqual(44);
      }
      // The console answers sys.getrefcount like the REPL and makes no move.
      await page.fill('#console-input', 'sys.getrefcount(box)');
      await page.keyboard.press('Enter');
      await waitFor(
        page,
        `(document.querySelector('#console-output')?.textContent ?? '').includes('2')`,
      );
      expect(await page.textContent('#console-output')).toBe('>>> sys.getrefcount(box)\n2');
      expect((await extra(page)).rc).toEqual({ 1: 1 });
      // A refused line stays in the box.
      await page.fill('#console-input', 'box.bogus(');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      expect(await page.inputValue('#console-input')).toBe('box.bogus(');
      // Tap the name, then tap the bin: del box (the page scrolled down to the console meanwhile).
      await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForTimeout(300);
      const t = await targets(page);
      const name = t['source:g:box']!;
      const bin = t.bin!;
      await page.touchscreen.tap(name.x + name.w / 2, name.y + name.h / 2);
      await waitFor(
        page,
        `(document.querySelector('#narration-log')?.textContent ?? '').includes('Selected box.')`,
      );
      await shot(page, 'picture-phone-tap-name');
      await page.touchscreen.tap(bin.x + bin.w / 2, bin.y + bin.h / 2);
      await waitFor(page, `(document.querySelector('#code')?.textContent ?? '') === 'del box'`);
      await shot(page, 'picture-phone-tap-bin');
      expect(await page.textContent('#narration-log')).toContain(
        'list① freed: its refcount reached 0.',
      );
      expect(errors).toEqual([]);
    },
  );

  it('keeps the 1366×768 toolbar on one row', { timeout: 240_000 }, async () => {
    const { page, errors } = await openLevel(h, 1366, 768, 'holding-hands');
    const tops = await page.evaluate(
      'JSON.stringify([...document.querySelectorAll("#toolbar > button")].map((b) => b.offsetTop))',
    );
    expect(new Set(JSON.parse(tops as string) as number[]).size).toBe(1);
    await page.click('[data-tool="more"]');
    await shot(page, 'picture-toolbar-more');
    expect(await page.locator('#tool-sheet [data-tool="reset"]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
