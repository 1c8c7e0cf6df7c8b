/**
 * The canvas at the device's pixel density, through real input: at 360×640 with DPR 3 (touch)
 * and 1366×768 with DPR 2 the canvas's backing store is its CSS size times the ratio (crisp
 * text), menus and cards still take taps and clicks where they are drawn, and the step player
 * never covers the picture. Screenshots land in test-results/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { extra, progressUpTo, shot, startHarness, targets, waitFor, waitScene } from './harness.ts';
import type { Harness } from './harness.ts';

const ORDER = CAMPAIGN.map((p) => p.id);

async function open(
  h: Harness,
  w: number,
  hgt: number,
  dpr: number,
  level: string,
): Promise<{ page: Page; errors: string[] }> {
  const touch = w < 500;
  const page = await h.browser.newPage({
    viewport: { width: w, height: hgt },
    deviceScaleFactor: dpr,
    hasTouch: touch,
  });
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const storage = progressUpTo(ORDER, level);
  await page.addInitScript(
    `(() => { const s = ${JSON.stringify(storage)}; for (const k in s) localStorage.setItem(k, s[k]); })()`,
  );
  await page.goto(h.server.url);
  await waitScene(page, 'Menu');
  const tap = async (id: string): Promise<void> => {
    const r = (await targets(page))[id]!;
    expect(r, id).toBeDefined();
    if (touch) await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
    else await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  };
  await tap('button:solo');
  await waitScene(page, 'Campaign');
  await tap(`button:level:${level}`);
  await waitScene(page, 'Puzzle');
  await page.waitForTimeout(500);
  return { page, errors };
}

/** Canvas backing size and CSS size, in that order. */
async function canvasSizes(page: Page): Promise<number[]> {
  return JSON.parse(
    (await page.evaluate(
      `(() => { const c = document.querySelector('#game canvas'); const b = c.getBoundingClientRect();
        return JSON.stringify([c.width, c.height, b.width, b.height]); })()`,
    )) as string,
  ) as number[];
}

describe('the canvas on high-density screens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [360, 640, 3],
    [1366, 768, 2],
  ])(
    'draws at %ix%i with DPR %i and still takes input',
    { timeout: 240_000 },
    async (w, hgt, dpr) => {
      const { page, errors } = await open(h, w, hgt, dpr, 'one-name-one-list');
      const [bw, bh, cw, ch] = await canvasSizes(page);
      expect(cw).toBeGreaterThan(100);
      expect(bw).toBe(Math.round(cw! * dpr));
      expect(bh).toBe(Math.round(ch! * dpr));
      await shot(page, `phone-dpr${dpr}-${w}x${hgt}`);
      // A name row answers a finger 44 CSS px tall: tap just below the drawn row, then the bin.
      const t = await targets(page);
      const row = t['row:g:box']!;
      const bin = t.bin!;
      const press = async (x: number, y: number): Promise<void> => {
        if (w < 500) await page.touchscreen.tap(x, y);
        else await page.mouse.click(x, y);
      };
      expect(row.h).toBeLessThan(42);
      await press(row.x + row.w / 2, row.y + row.h / 2 + (row.h / 2 + 22) / 2);
      await waitFor(
        page,
        `(document.querySelector('#narration-log')?.textContent ?? '').includes('Selected box.')`,
      );
      await press(bin.x + bin.w / 2, bin.y + bin.h / 2);
      await waitFor(page, `(document.querySelector('#code')?.textContent ?? '') === 'del box'`);
      expect((await extra(page)).rc).toEqual({});
      expect(errors).toEqual([]);
    },
  );

  it(
    'keeps the call player under the picture at 360×640, never over it',
    { timeout: 240_000 },
    async () => {
      const { page, errors } = await open(h, 360, 640, 3, 'return-to-sender');
      await page.click('#console-input');
      await page.keyboard.type('keep = make()');
      await page.keyboard.press('Enter');
      await waitFor(page, `!document.querySelector('#gc-bar').hidden`);
      await page.waitForTimeout(600);
      const boxes = JSON.parse(
        (await page.evaluate(
          `JSON.stringify([document.querySelector('#game canvas').getBoundingClientRect(), document.querySelector('#gc-bar').getBoundingClientRect()])`,
        )) as string,
      ) as { top: number; bottom: number; height: number }[];
      const [canvas, bar] = boxes as [
        { top: number; bottom: number; height: number },
        { top: number; bottom: number; height: number },
      ];
      expect(bar.top).toBeGreaterThanOrEqual(canvas.bottom - 1); // below the picture, not on it
      expect(bar.bottom).toBeLessThanOrEqual(640); // on screen
      expect(bar.height).toBeLessThanOrEqual(110); // one strip
      expect(canvas.height).toBeGreaterThanOrEqual(250);
      await shot(page, 'phone-call-player-360x640');
      expect(errors).toEqual([]);
    },
  );
});
