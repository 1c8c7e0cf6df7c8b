/**
 * Browser-test harness: starts the real game server on port 0 serving the client built once per
 * run (globalSetup.ts), and drives Debian chromium through playwright-core with real mouse and
 * keyboard.
 * Every console error and page error is collected; tests assert there are none.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { createGameServer } from '../../server/app.ts';
import type { GameServer } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';

const RESULTS_DIR = resolve('test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Harness {
  server: GameServer;
  browser: Browser;
  close(): Promise<void>;
}

/** `roomClock`: the rooms' wall clock (round timers), for tests that move it instead of sleeping. */
export async function startHarness(options: { roomClock?: () => number } = {}): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), 'heap-heroes-browser-'));
  const clientDir = inject('clientDir'); // built once per run by globalSetup.ts
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmp, 'data'),
    rules: defaultRules,
    clientDir,
    ...(options.roomClock ? { roomClock: options.roomClock } : {}),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface GamePage {
  page: Page;
  errors: string[];
}

/** Open the game at a viewport size; `storage` pre-seeds localStorage (e.g. campaign progress). */
export async function openGame(
  h: Harness,
  width: number,
  height: number,
  storage: Record<string, string> = {},
): Promise<GamePage> {
  const page = await h.browser.newPage({ viewport: { width, height }, hasTouch: width < 500 });
  page.setDefaultTimeout(60_000); // a first load can take 20 s on a loaded 2-core CI machine
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(
    `(() => { const s = ${JSON.stringify(storage)}; for (const k in s) localStorage.setItem(k, s[k]); })()`,
  );
  await page.goto(h.server.url);
  await waitScene(page, 'Menu');
  return { page, errors };
}

/**
 * Poll a JS expression until it is truthy. Evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy (no 'unsafe-eval') allows, unlike page.waitForFunction(string).
 */
export async function waitFor(page: Page, expression: string, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(expression).catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${expression}`);
    await page.waitForTimeout(100);
  }
}

export async function waitScene(page: Page, key: string): Promise<void> {
  await waitFor(
    page,
    `!!window.__heapHeroes && window.__heapHeroes.active().includes(${JSON.stringify(key)})`,
  );
  await page.waitForTimeout(150);
}

export async function targets(page: Page): Promise<Record<string, Rect>> {
  return (await page.evaluate('window.__heapHeroes.targets()')) as Record<string, Rect>;
}

export async function target(page: Page, id: string): Promise<Rect> {
  const all = await targets(page);
  const r = all[id];
  if (!r) throw new Error(`no target ${id}; have ${Object.keys(all).join(', ')}`);
  return r;
}

export async function clickTarget(page: Page, id: string): Promise<void> {
  const r = await target(page, id);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
}

/** A real mouse drag from the centre of one target to the centre of another. */
export async function dragTarget(page: Page, from: string, to: string): Promise<void> {
  const a = await target(page, from);
  const b = await target(page, to);
  await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.w / 2, b.y + b.h / 2, { steps: 10 });
  await page.mouse.up();
}

export async function extra(page: Page): Promise<Record<string, unknown>> {
  return (await page.evaluate('window.__heapHeroes.extra')) as Record<string, unknown>;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}

/** Progress that unlocks every level before `puzzleId` (campaign order). */
export function progressUpTo(order: readonly string[], puzzleId: string): Record<string, string> {
  const solved = Object.fromEntries(
    order.slice(0, order.indexOf(puzzleId)).map((id) => [id, { stars: 3, bestMoves: 1 }]),
  );
  return { 'heap-heroes:progress': JSON.stringify(solved) };
}
