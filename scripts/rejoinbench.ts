/**
 * Rejoin figures for BENCHMARKS.md: `node scripts/rejoinbench.ts [--runs 5]`
 *
 * A real server on 127.0.0.1 serving the built client, a teacher page running an untimed predict
 * round, and a student on a 360×640 touch phone in headless Debian chromium (the browser tests'
 * flags). Two numbers, medians of --runs, each measured in the student's page clock:
 * - reload → seat: navigation start of a reload → the first animation frame showing the question's
 *   answer buttons again (the seat is resumed from this device's token; no menu in between);
 * - dropped socket → back: the server's end of the student's socket is destroyed (no close frame,
 *   as when Wi-Fi goes) → the first frame the screen says "reconnecting" → the first frame it is
 *   connected again with the buttons enabled. Reported: noticed → back.
 * The load average is printed with the numbers: record it next to them.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { matchMaker } from '@colyseus/core';
import type { Page } from 'playwright-core';
import type { ClassroomRoom } from '../server/rooms/ClassroomRoom.ts';
import { startBrowserStage } from './load/browserStage.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });

/** From the first script of every load: the frame time the answer buttons are on screen. */
const QUESTION_FRAME = `(() => {
  const check = () => {
    if (document.querySelector('.live-choices button')) { window.__questionAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Frame times of the link going down and coming back (the screen's own status). */
const LINK_FRAMES = `(() => {
  window.__downAt = null; window.__backAt = null;
  const check = () => {
    const status = window.__heapHeroes.extra.status;
    const enabled = document.querySelector('.live-choices button')?.disabled === false;
    if (window.__downAt === null && status === 'reconnecting') window.__downAt = performance.now();
    if (window.__downAt !== null && status === 'connected' && enabled) { window.__backAt = performance.now(); return; }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

async function waitFor(page: Page, expr: string, timeout = 60_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await page.evaluate(expr).catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out: ${expr}`);
    await page.waitForTimeout(20);
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function clickTarget(page: Page, id: string): Promise<void> {
  const r = (await page.evaluate(`window.__heapHeroes.targets()[${JSON.stringify(id)}]`)) as {
    x: number;
    y: number;
    w: number;
    h: number;
  };
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
}

function dropSocket(code: string, nickname: string): void {
  const room = matchMaker.getLocalRoomById(code) as unknown as ClassroomRoom;
  const seat = room.seats.all().find((s) => s.nickname === nickname);
  const client = room.clients.find((c) => c.sessionId === seat?.sessionId);
  (client?.ref as unknown as { terminate(): void }).terminate();
}

async function main(): Promise<void> {
  const stage = await startBrowserStage('rejoinbench');
  const { server, browser } = stage;
  const loadBefore = loadavg()[0]!;
  try {
    const teacher = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await teacher.goto(server.url);
    await waitFor(
      teacher,
      `!!window.__heapHeroes && window.__heapHeroes.active().includes('Menu')`,
    );
    await clickTarget(teacher, 'button:host');
    await waitFor(
      teacher,
      `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
    );
    const code = (await teacher.textContent('#live-code'))!;
    const phone = await browser.newPage({ viewport: { width: 360, height: 640 }, hasTouch: true });
    await phone.addInitScript(QUESTION_FRAME);
    await phone.goto(`${server.url}/?join=${code}`);
    await waitFor(phone, `document.querySelector('#join-code')?.value === '${code}'`);
    await phone.fill('#join-nickname', 'Ada');
    await phone.locator('#join-go').tap();
    await waitFor(phone, `(document.querySelector('#student-name')?.textContent ?? '') === 'Ada'`);
    await teacher.selectOption('#live-set', 'predict');
    await teacher.click('#live-use-set');
    await waitFor(
      teacher,
      `(document.querySelector('#live-phase')?.textContent ?? '').includes('30')`,
    );
    await teacher.click('#live-start');
    await waitFor(phone, 'typeof window.__questionAt === "number"');

    const reloads: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      await phone.reload();
      await waitFor(phone, 'typeof window.__questionAt === "number"');
      reloads.push(Math.round((await phone.evaluate('window.__questionAt')) as number));
    }
    const drops: number[] = [];
    for (let i = 0; i < Number(args.runs); i++) {
      await phone.evaluate(LINK_FRAMES);
      dropSocket(code, 'Ada');
      await waitFor(phone, 'typeof window.__backAt === "number"');
      const [down, back] = (await phone.evaluate('[window.__downAt, window.__backAt]')) as number[];
      drops.push(Math.round(back! - down!));
    }
    console.log(
      JSON.stringify(
        {
          runs: Number(args.runs),
          reloadToSeatMs: { median: median(reloads), all: reloads },
          droppedToBackMs: { median: median(drops), all: drops },
          loadavg1: [loadBefore, loadavg()[0]!].map((l) => Number(l.toFixed(1))),
          cores: (await import('node:os')).cpus().length,
        },
        null,
        2,
      ),
    );
  } finally {
    await stage.close();
  }
}

await main();
