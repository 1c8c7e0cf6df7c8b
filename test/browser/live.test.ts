/**
 * A live class in chromium against the real server, in three browser contexts: the teacher
 * (1920×1080 projector) hosts, one student joins by typing the code, the other by the join link
 * with a generated "pick for me" name; one predict round (one right, one wrong answer) → reveal
 * (class distribution) → podium (own rank only for students) → the teacher's CSV download.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { answerOf, QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import { clickTarget, openGame, shot, startHarness, waitFor, waitScene } from './harness.ts';
import type { Harness } from './harness.ts';

const text = async (page: Page, selector: string): Promise<string> =>
  (await page.textContent(selector)) ?? '';
const count = (selector: string, n: number): string =>
  `document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`;
const has = (selector: string): string => `!!document.querySelector(${JSON.stringify(selector)})`;

describe('Live class in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it(
    'host → join by code and by link → predict round → reveal → podium → CSV',
    { timeout: 180_000 },
    async () => {
      const question = QUESTIONS[0]!;
      const answer = answerOf(question);
      if (!answer.ok) throw new Error('question does not run');

      // Teacher: Host a class, predict questions as the set, projector view of the lobby.
      const teacher = await openGame(h, 1920, 1080);
      const tp = teacher.page;
      await clickTarget(tp, 'button:host');
      await waitScene(tp, 'HostClass');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      const code = await text(tp, '#live-code');
      await waitFor(
        tp,
        `(document.querySelector('#live-qr')?.getAttribute('src') ?? '').startsWith('data:image/png')`,
      );
      expect(await text(tp, '#live-link')).toBe(`${h.server.url}/?join=${code}`);
      await tp.selectOption('#live-set', 'predict');
      await tp.click('#live-use-set');
      await waitFor(
        tp,
        `(document.querySelector('#live-phase')?.textContent ?? '').includes('${QUESTIONS.length}')`,
      ).catch(async (e: unknown) => {
        await shot(tp, 'live-debug');
        throw new Error(
          `${String(e)}: ${await text(tp, '#live-phase')} / ${await text(tp, '#live-screen')}`,
        );
      });

      // Student A types the code; student B opens the join link and lets the game pick a name.
      const a = await openGame(h, 360, 640);
      await clickTarget(a.page, 'button:join');
      await waitScene(a.page, 'JoinClass');
      await a.page.fill('#join-code', code);
      await a.page.fill('#join-nickname', '<b>Ada</b>');
      await shot(a.page, 'live-student-join');
      await a.page.click('#join-go');
      await waitFor(a.page, has('#student-name'));
      expect(await text(a.page, '#student-name')).toBe('<b>Ada</b>');

      const b = await h.browser.newPage({ viewport: { width: 360, height: 640 }, hasTouch: true });
      const bErrors: string[] = [];
      b.on('console', (m) => void (m.type() === 'error' && bErrors.push(m.text())));
      b.on('pageerror', (e) => bErrors.push(e.message));
      await b.goto(`${h.server.url}/?join=${code}`);
      await waitScene(b, 'JoinClass');
      expect(await b.inputValue('#join-code')).toBe(code);
      await b.click('#join-pick');
      const picked = await b.inputValue('#join-nickname');
      expect(picked).toMatch(/^\S+ .+/);
      await b.click('#join-go');
      await waitFor(b, has('#student-name'));
      expect(await text(b, '#student-name')).toBe(picked);

      await waitFor(tp, count('#live-students li', 2));
      expect(await tp.locator('#live-students li span').first().textContent()).toBe('<b>Ada</b>');
      await tp.click('#live-projector');
      await tp.waitForTimeout(200);
      const box = await tp.locator('#live-code').boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(108); // ≥ 10% of 1080
      await shot(tp, 'live-projector-lobby');
      await tp.click('#live-projector');

      // Round 1: a predict question; A answers right, B wrong; the round reveals when all answered.
      await tp.click('#live-start');
      const wrong = question.distractors.find((d) => d !== answer.value)!;
      for (const [page, choice] of [
        [a.page, answer.value],
        [b, wrong],
      ] as const) {
        await waitFor(page, has('.live-choices button'));
        await page.getByRole('button', { name: choice, exact: true }).click();
      }
      await shot(a.page, 'live-student-answered');
      await waitFor(tp, has('#live-answer'));
      expect(await text(tp, '#live-answer')).toContain(answer.value);
      await tp.click('#live-projector');
      await shot(tp, 'live-projector-reveal');
      await tp.click('#live-projector');
      await waitFor(a.page, has('#student-verdict'));
      expect(await text(a.page, '#student-verdict')).toMatch(/^✓/);
      await waitFor(b, has('#student-verdict'));
      expect(await text(b, '#student-verdict')).toMatch(/^✗/);
      await shot(a.page, 'live-student-reveal');

      // End → podium; each student sees only their own rank.
      await tp.click('#live-end');
      await waitFor(tp, count('#live-podium li', 2));
      expect(await tp.locator('#live-podium li').first().textContent()).toContain('<b>Ada</b>');
      await waitFor(
        a.page,
        `(document.querySelector('#student-rank')?.textContent ?? '').includes('#1')`,
      );
      await waitFor(
        b,
        `(document.querySelector('#student-rank')?.textContent ?? '').includes('#2')`,
      );
      expect(await b.locator('#live-podium').count()).toBe(0);
      await shot(b, 'live-student-podium');
      await tp.click('#live-projector');
      await shot(tp, 'live-projector-podium');
      await tp.click('#live-projector');

      // Report: per-concept summary, and the CSV (teacher only) with one row per student.
      await waitFor(tp, has('#live-concepts tr + tr'));
      await shot(tp, 'live-teacher-report');
      const [download] = await Promise.all([tp.waitForEvent('download'), tp.click('#live-csv')]);
      const csv = readFileSync((await download.path())!, 'utf8')
        .trim()
        .split('\r\n');
      expect(csv[0]).toBe(
        'nickname,round,item,kind,concepts,correct,moves,par,seconds,hints,answer,points',
      );
      expect(csv.slice(1).sort()).toEqual(
        [
          expect.stringMatching(
            new RegExp(
              `^<b>Ada</b>,1,${question.id},predict,.*,yes,,,\\d+,0,${answer.value},1000$`,
            ),
          ),
          expect.stringMatching(
            new RegExp(`^${picked},1,${question.id},predict,.*,no,,,\\d+,0,${wrong},0$`),
          ),
        ].sort((x, y) => (String(x) < String(y) ? -1 : 1)),
      );
      expect(teacher.errors).toEqual([]);
      expect(a.errors).toEqual([]);
      expect(bErrors).toEqual([]);
    },
  );

  it(
    'puzzle round: the student solves on their own board, the teacher watches it read-only',
    { timeout: 180_000 },
    async () => {
      const level = CAMPAIGN.find((p) => p.chapter === 1)!;
      const teacher = await openGame(h, 1366, 768);
      const tp = teacher.page;
      await clickTarget(tp, 'button:host');
      await waitScene(tp, 'HostClass');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      const code = await text(tp, '#live-code');
      const s = await openGame(h, 360, 640);
      await clickTarget(s.page, 'button:join');
      await waitScene(s.page, 'JoinClass');
      await s.page.fill('#join-code', code);
      await s.page.fill('#join-nickname', 'Grace');
      await s.page.click('#join-go');
      await waitFor(tp, count('#live-students li', 1));
      await waitFor(tp, `(document.querySelector('#live-start')?.textContent ?? '').includes('1')`);
      await tp.click('#live-start');
      await waitScene(s.page, 'Puzzle');
      expect(await text(s.page, '#live-badge-text')).toContain(code);
      await shot(s.page, 'live-student-board');
      for (const move of level.solution) {
        await s.page.fill('#console-input', move);
        await s.page.keyboard.press('Enter');
        await waitFor(s.page, '!window.__heapHeroes.busy');
        const skip = await s.page.$('[data-tool="gcSkip"]');
        if (skip) await skip.click();
      }
      await waitScene(s.page, 'JoinClass');
      await waitFor(
        tp,
        `(document.querySelector('#live-grid td.st-solved')?.textContent ?? '').startsWith('✓ ${level.solution.length}/${level.par}')`,
      );
      await shot(tp, 'live-teacher-dashboard');
      await tp.click('#live-grid button');
      await waitScene(tp, 'Puzzle');
      expect(await text(tp, '#live-badge-text')).toContain('Grace');
      // Read-only: view tools only, no console input, no undo/redo/reset.
      expect(
        await tp
          .locator('#toolbar button')
          .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-tool'))),
      ).toEqual(['reveal', 'more', 'zoomOut', 'zoomIn', 'zoomFit', 'keys']);
      expect(await tp.locator('#console-input').count()).toBe(0);
      await shot(tp, 'live-teacher-watch');
      await tp.click('#live-badge-back');
      await waitScene(tp, 'HostClass');
      expect(teacher.errors).toEqual([]);
      expect(s.errors).toEqual([]);
    },
  );
});
