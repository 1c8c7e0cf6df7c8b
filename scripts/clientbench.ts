/**
 * Client figures for BENCHMARKS.md: `node scripts/clientbench.ts [--runs 5] [--seconds 5]`
 *
 * Builds the client (vite) into a temp dir, serves it from the real server on 127.0.0.1, and
 * measures in headless Debian chromium (the browser tests' flags):
 * - initial JS: every script the page fetches before its first interactive frame, raw and gzip -9;
 * - time to first interactive frame: navigation start → the first animation frame in which the
 *   Menu scene runs with its buttons registered (median of --runs cold loads, fresh contexts);
 * - frame rate with 300 objects: today's daily challenge is answered (page.route) with a setup
 *   that builds 300 heap objects (100 names, each a 3-list chain), played through Daily → Play;
 *   frames are counted with requestAnimationFrame over --seconds.
 * No client code is changed for this: the scene is the real Puzzle scene fed by the real flow.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { challengeById, currentChallengeIds } from '../shared/challenges/index.ts';
import { startBoard } from '../shared/puzzles/board.ts';
import { startBrowserStage } from './load/browserStage.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, seconds: { type: 'string', default: '5' } },
});

/** Records, from the first script on, the time of the first frame where the Menu is interactive. */
const FIRST_FRAME = `(() => {
  const check = () => {
    const h = window.__heapHeroes;
    if (h && h.active().includes('Menu') && Object.keys(h.targets()).some((k) => k.startsWith('button:'))) { window.__interactiveAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

async function waitFor(page: Page, expr: string, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(expr).catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out: ${expr}`);
    await page.waitForTimeout(50);
  }
}

async function coldLoad(
  browser: Browser,
  url: string,
  clientDir: string,
): Promise<{ ms: number; scripts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.addInitScript(FIRST_FRAME);
  await page.goto(url);
  await waitFor(page, 'typeof window.__interactiveAt === "number"');
  const ms = (await page.evaluate('window.__interactiveAt')) as number;
  await context.close();
  void clientDir;
  return { ms, scripts };
}

/** The challenge's own setup (its goal names its objects) plus `chains` names, each a 3-list chain. */
function bigSetup(setup: string, chains: number): string {
  const lines: string[] = [setup];
  for (let k = 0; k < chains; k++)
    lines.push(
      `bench${k} = []`,
      'benchx = []',
      `bench${k}.append(benchx)`,
      'benchy = []',
      'benchx.append(benchy)',
    );
  if (chains > 0) lines.push('del benchx', 'del benchy');
  return lines.join('\n');
}

async function fps300(
  browser: Browser,
  url: string,
  seconds: number,
  chains: number,
): Promise<{ fps: number; objects: number; worstFrameMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.route('**/api/challenges/today', async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { daily: { puzzle: { setup: string } } };
    body.daily.puzzle.setup = bigSetup(body.daily.puzzle.setup, chains);
    await route.fulfill({ response: res, json: body });
  });
  await page.addInitScript(`localStorage.setItem('heap-heroes:nickname', 'Bench')`);
  await page.goto(url);
  await waitFor(page, `!!window.__heapHeroes && window.__heapHeroes.active().includes('Menu')`);
  await clickTarget(page, 'button:daily');
  await waitFor(page, `window.__heapHeroes.extra && window.__heapHeroes.extra.challengeId != null`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await clickTarget(page, 'button:play');
  await waitFor(page, `window.__heapHeroes.active().includes('Puzzle')`).catch(
    async (e: unknown) => {
      await page.screenshot({ path: 'test-results/clientbench-debug.png' });
      throw new Error(
        `${String(e)}; scenes ${String(await page.evaluate('window.__heapHeroes.active()'))}; extra ${JSON.stringify(await page.evaluate('window.__heapHeroes.extra'))}; errors ${errors.join(' | ')}`,
      );
    },
  );
  await page.waitForTimeout(1500);
  const cdp = process.env.CLIENTBENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const objects = (await page.evaluate(
    `Object.keys(window.__heapHeroes.extra.rc ?? {}).length`,
  )) as number;
  const r = (await page.evaluate(`new Promise((resolve) => {
    let n = 0, last = performance.now(), worst = 0; const t0 = last;
    const step = (t) => { n++; worst = Math.max(worst, t - last); last = t; if (t - t0 < ${seconds * 1000}) requestAnimationFrame(step); else resolve({ fps: n / ((t - t0) / 1000), worst }); };
    requestAnimationFrame(step);
  })`)) as { fps: number; worst: number };
  if (cdp && chains > 0) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.CLIENTBENCH_PROFILE!, JSON.stringify(profile));
  }
  await page.close();
  return { fps: r.fps, objects, worstFrameMs: r.worst };
}

async function clickTarget(page: Page, id: string): Promise<void> {
  await waitFor(page, `!!window.__heapHeroes.targets()[${JSON.stringify(id)}]`);
  const r = (await page.evaluate(`window.__heapHeroes.targets()[${JSON.stringify(id)}]`)) as {
    x: number;
    y: number;
    w: number;
    h: number;
  };
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const stage = await startBrowserStage('clientbench');
  const { server, browser, clientDir } = stage;
  try {
    const loads = [];
    for (let i = 0; i < Number(args.runs); i++)
      loads.push(await coldLoad(browser, server.url, clientDir));
    const scripts = [...new Set(loads[0]!.scripts)];
    const sizes = scripts.map((p) => {
      const bytes = readFileSync(join(clientDir, p));
      return { path: p, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    // The daily's own objects plus 3 per chain: 300 in all.
    const own = Object.keys(
      startBoard(challengeById(currentChallengeIds(Date.now()).daily)!.puzzle).engine.objects,
    ).length;
    const frame = await fps300(
      browser,
      server.url,
      Number(args.seconds),
      Math.round((300 - own) / 3),
    );
    const baseline = await fps300(browser, server.url, Number(args.seconds), 0);
    console.log(
      JSON.stringify(
        {
          initialJs: {
            files: sizes,
            rawKb: Math.round(sizes.reduce((s, f) => s + f.raw, 0) / 1024),
            gzipKb: Math.round(sizes.reduce((s, f) => s + f.gzip, 0) / 1024),
          },
          firstInteractiveMs: {
            median: Math.round(median(loads.map((l) => l.ms))),
            all: loads.map((l) => Math.round(l.ms)),
          },
          heap300: {
            objects: frame.objects,
            fps: +frame.fps.toFixed(1),
            worstFrameMs: Math.round(frame.worstFrameMs),
          },
          baseline: {
            objects: baseline.objects,
            fps: +baseline.fps.toFixed(1),
            worstFrameMs: Math.round(baseline.worstFrameMs),
          },
        },
        null,
        1,
      ),
    );
  } finally {
    await stage.close();
  }
}

await main();
