/**
 * In chromium, against the real server with its Content-Security-Policy: the page loads and
 * plays with no CSP violation (Phaser's data:/blob: textures, same-origin fetch and WebSocket);
 * hostile nicknames show as text on every screen that shows nicknames today — the daily form
 * (remembered nickname) and the leaderboard — with no element injected and no dialog.
 * The longest markup a nickname may hold is used: 20 characters (one policy: shared/live/nickname.ts);
 * `<img src=x onerror=alert(1)>` itself (28) is refused by both (checked over HTTP and in a room).
 */
import { Client } from '@colyseus/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { challengeById, currentChallengeIds } from '../../shared/challenges/index.ts';
import {
  clickTarget,
  extra,
  openGame,
  startHarness,
  waitFor,
  waitScene,
  type Harness,
} from '../browser/harness.ts';
import { collect, TEST_PUZZLE_ID } from '../server/helpers.ts';

const CLASSIC = '<img src=x onerror=alert(1)>';
const BOARD_NICK = '<svg/onload=alert()>'; // 20 characters: the nickname maximum
const today = currentChallengeIds(Date.now()).daily;

/** Records CSP violations and dialogs from the first script on. */
const WATCH = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));
})()`;

/**
 * Violations that matter. zod 4 probes once whether `new Function` works (to JIT its parsers) and
 * falls back when the CSP says no: that blocked eval is the policy doing its job, not a break.
 */
const blocking = (v: unknown): string[] =>
  (v as string[]).filter((x) => !x.startsWith('script-src eval '));

async function injected(page: Page): Promise<number> {
  return (await page.evaluate(
    `document.querySelectorAll('img[onerror], svg[onload], [onload], [onerror], script:not([src])').length`,
  )) as number;
}

describe('hostile nicknames and the CSP in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const res = await fetch(`${h.server.url}/api/challenges/${today}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nickname: BOARD_NICK,
        deviceToken: 'xss-test-device-00001',
        moves: challengeById(today)!.puzzle.solution,
      }),
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses the classic payload as a nickname where it would not fit anyway', async () => {
    const res = await fetch(`${h.server.url}/api/challenges/${today}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        nickname: CLASSIC,
        deviceToken: 'xss-test-device-00002',
        moves: challengeById(today)!.puzzle.solution,
      }),
    });
    expect(res.status).toBe(400);
    await expect(
      new Client(h.server.url).create('classroom', { host: true, nickname: CLASSIC }),
    ).rejects.toThrow(/invalid join options/);
    // A classroom student with a 20-character payload keeps it verbatim (it is only ever text).
    const host = await new Client(h.server.url).create('classroom', {
      host: true,
      puzzleId: TEST_PUZZLE_ID,
    });
    host.onMessage('*', () => undefined);
    const nick = BOARD_NICK;
    const student = await new Client(h.server.url).joinById(host.roomId, { nickname: nick });
    collect(student, 'welcome');
    const seats = (
      host.state as unknown as {
        seats: { forEach(cb: (s: { nickname: string; role: string }) => void): void };
      }
    ).seats;
    await vi.waitFor(() => {
      const names: string[] = [];
      seats.forEach((s) => s.role === 'student' && names.push(s.nickname));
      expect(names).toEqual([nick]);
    });
  });

  it(
    'shows them as text in the daily form and on the leaderboard, with no CSP violation',
    { timeout: 90_000 },
    async () => {
      const dialogs: string[] = [];
      const { page, errors } = await openGame(h, 1280, 800, { 'heap-heroes:nickname': CLASSIC });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.evaluate(WATCH);
      await clickTarget(page, 'button:daily');
      await waitScene(page, 'Daily');
      await waitFor(page, `window.__heapHeroes.extra.challengeId != null`, 20_000);
      expect(await page.inputValue('#daily-nickname')).toBe(CLASSIC);
      expect(await injected(page)).toBe(0);
      await clickTarget(page, 'button:board');
      await waitScene(page, 'Leaderboard');
      await waitFor(page, `window.__heapHeroes.extra.entries != null`, 20_000);
      const x = await extra(page);
      expect((x.entries as { nickname: string }[]).map((e) => e.nickname)).toEqual([BOARD_NICK]);
      expect(await injected(page)).toBe(0);
      // Same-origin WebSocket is allowed by connect-src 'self'.
      const ws = await page.evaluate(
        `new Promise((resolve) => { const s = new WebSocket('ws://' + location.host + '/'); s.onopen = () => resolve('open'); s.onerror = () => resolve('error'); s.onclose = () => resolve('closed'); setTimeout(() => resolve('timeout'), 3000); })`,
      );
      expect(ws).not.toBe('timeout');
      await page.waitForTimeout(300);
      expect(blocking(await page.evaluate('window.__csp'))).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
    },
  );

  it(
    'shows a hostile nickname as text in a live class: join form, student header, teacher lobby, podium',
    { timeout: 90_000 },
    async () => {
      const nick = BOARD_NICK;
      const dialogs: string[] = [];
      const teacher = await openGame(h, 1280, 800);
      const tp = teacher.page;
      await tp.evaluate(WATCH);
      tp.on('dialog', (d) => void dialogs.push(d.message()));
      await clickTarget(tp, 'button:host');
      await waitScene(tp, 'HostClass');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      const code = (await tp.textContent('#live-code')) ?? '';
      const student = await openGame(h, 360, 640);
      const sp = student.page;
      await sp.evaluate(WATCH);
      sp.on('dialog', (d) => void dialogs.push(d.message()));
      await clickTarget(sp, 'button:join');
      await waitScene(sp, 'JoinClass');
      await sp.fill('#join-code', code);
      await sp.fill('#join-nickname', nick);
      await sp.click('#join-go');
      await waitFor(sp, `!!document.querySelector('#student-name')`);
      expect(await sp.textContent('#student-name')).toBe(nick);
      await waitFor(tp, `document.querySelectorAll('#live-students li').length === 1`);
      expect(await tp.locator('#live-students li span').first().textContent()).toBe(nick);
      await tp.click('#live-end');
      await waitFor(
        tp,
        `(document.querySelector('#live-podium')?.textContent ?? '').includes(${JSON.stringify(nick)})`,
      );
      for (const page of [tp, sp]) {
        expect(await injected(page)).toBe(0);
        expect(blocking(await page.evaluate('window.__csp'))).toEqual([]);
      }
      expect(dialogs).toEqual([]);
      expect([...teacher.errors, ...student.errors]).toEqual([]);
    },
  );

  it(
    'boots with no CSP violation from the very first script (init script watch)',
    { timeout: 60_000 },
    async () => {
      const page = await h.browser.newPage({ viewport: { width: 800, height: 600 } });
      await page.addInitScript(WATCH);
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(h.server.url);
      await waitScene(page, 'Menu');
      await page.waitForTimeout(500);
      expect(blocking(await page.evaluate('window.__csp'))).toEqual([]);
      expect(violations.filter((v) => !/'unsafe-eval'/.test(v))).toEqual([]);
      await page.close();
    },
  );
});
