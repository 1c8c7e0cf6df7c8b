/** What the Playground's browser tests share: its hook facts and real presses, taps and clicks. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { extra, target } from './harness.ts';

export interface Facts {
  step: number;
  line: number;
  event: string;
  frames: string[];
  objects: { id: number; name: string; rc: number; edges: string[] }[];
  gcCaption: string | null;
  gcRefs: Record<string, number | null> | null;
}

export const facts = async (page: Page): Promise<Facts> => (await extra(page)) as unknown as Facts;
export const text = async (page: Page, sel: string): Promise<string> =>
  (await page.textContent(sel)) ?? '';

/** A real tap (touch phone) or click on a DOM element. */
export async function press(page: Page, selector: string, touch: boolean): Promise<void> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  if (touch) await el.tap();
  else await el.click();
  await page.waitForTimeout(120);
}

export async function pressTarget(page: Page, id: string, touch: boolean): Promise<void> {
  const r = await target(page, id);
  const [x, y] = [r.x + r.w / 2, r.y + Math.min(r.h / 2, 14)];
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

/** Step with a toolbar button until the current line is `line`. */
export async function stepTo(
  page: Page,
  tool: string,
  line: number,
  touch: boolean,
): Promise<void> {
  for (let i = 0; i < 30 && (await facts(page)).line !== line; i++)
    await press(page, `#toolbar [data-tool="${tool}"]`, touch);
  expect((await facts(page)).line).toBe(line);
}
