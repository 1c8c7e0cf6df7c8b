/**
 * A live lesson the way a class plays it, in chromium against the real server: a teacher at
 * 1366×768, a projector (1920×1080, opened from the co-teacher link), and three students — a
 * 360×640 touch phone, a 1024 and a 1280 laptop, the last one still holding last lesson's class.
 * Everything is done with real clicks, taps and keys on what is visible; hooks only read state.
 * Every step asserts what the screens show and keeps a screenshot in test-results/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import type { Page } from 'playwright-core';
import type { ClassroomRoom } from '../../server/rooms/ClassroomRoom.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { answerOf, QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import { questionLine } from '../../shared/live/items.ts';
import { clauseText } from '../../shared/puzzles/goals.ts';
import { openGame, clickTarget, shot, startHarness, waitFor as waitUpTo } from './harness.ts';
import type { GamePage, Harness } from './harness.ts';

/** The machine running these may be loaded: every cross-device wait gets 60 s. */
const waitFor = (page: Page, expression: string, timeout = 60_000): Promise<void> =>
  waitUpTo(page, expression, timeout).catch(async (e: unknown) => {
    await shot(page, `lesson-failed-${Date.now()}`).catch(() => undefined);
    throw e;
  });

const waitScene = (page: Page, key: string): Promise<void> =>
  waitFor(page, `!!window.__heapHeroes && window.__heapHeroes.active().includes('${key}')`);

const text = async (page: Page, selector: string): Promise<string> =>
  (await page.locator(selector).first().textContent()) ?? '';
const has = (selector: string): string => `!!document.querySelector(${JSON.stringify(selector)})`;
const shows = (selector: string, needle: string): string =>
  `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(needle)})`;
const count = (selector: string, n: number): string =>
  `document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`;

/** Records, from the first script of every page load, whether the menu was ever on screen. */
const WATCH_MENU = `(() => {
  const look = () => {
    const h = window.__heapHeroes;
    if (h && h.active().includes('Menu') && !document.getElementById('live-screen'))
      window.__menuSeen = true;
  };
  setInterval(look, 10);
})()`;

/** Records every link status the student's screen went through (read-only). */
const WATCH_STATUS = `(() => {
  window.__statuses = [];
  setInterval(() => {
    const s = window.__heapHeroes.extra.status;
    if (window.__statuses.at(-1) !== s) window.__statuses.push(s);
  }, 10);
})()`;

/** The network between a student and the server goes away: the server's end of the socket dies. */
function dropSocket(code: string, nickname: string): void {
  const room = matchMaker.getLocalRoomById(code) as unknown as ClassroomRoom;
  const seat = room.seats.all().find((s) => s.nickname === nickname);
  const client = room.clients.find((c) => c.sessionId === seat?.sessionId);
  if (!client) throw new Error(`${nickname} has no socket`);
  (client.ref as unknown as { terminate(): void }).terminate();
}

async function hostClass(h: Harness): Promise<{ teacher: GamePage; code: string }> {
  const teacher = await openGame(h, 1366, 768);
  await clickTarget(teacher.page, 'button:host');
  await waitScene(teacher.page, 'HostClass');
  await waitFor(
    teacher.page,
    `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
  );
  return { teacher, code: await text(teacher.page, '#live-code') };
}

async function joinByForm(s: GamePage, code: string, nickname: string): Promise<void> {
  await clickTarget(s.page, 'button:join');
  await waitScene(s.page, 'JoinClass');
  await s.page.fill('#join-code', code);
  await s.page.fill('#join-nickname', nickname);
  await s.page.click('#join-go');
  await waitFor(s.page, shows('#student-name', nickname));
}

/** A tap on a touch phone, a click elsewhere: how a person presses a visible button. */
async function press(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first();
  if ((page.viewportSize()?.width ?? 0) < 500) await target.tap();
  else await target.click();
}

describe('A whole live lesson in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    for (const context of h.browser.contexts()) await context.close(); // free a loaded machine
  });

  it(
    'old class, new link, a playlist built by click and keyboard, a timed predict round, refresh, dropped socket, pause, podium',
    { timeout: 240_000 },
    async () => {
      // Last lesson: Cleo joined, the teacher ended it; Cleo never pressed "Back to the menu".
      const old = await hostClass(h);
      const cleo = await openGame(h, 1280, 800);
      await joinByForm(cleo, old.code, 'Cleo');
      await old.teacher.page.click('#live-end');
      await waitFor(cleo.page, has('#student-end'));
      await shot(cleo.page, 'lesson-0-old-class-over');
      await old.teacher.page.close(); // that teacher went home

      // Today's class: the projector opens the co-teacher link and switches to projector view.
      const { teacher, code } = await hostClass(h);
      const tp = teacher.page;
      const link = await text(tp, '#live-link');
      expect(link).toMatch(new RegExp(`/\\?join=${code}$`));
      const projector = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      projector.setDefaultTimeout(60_000);
      await projector.goto(await text(tp, '#live-coteacher'));
      await waitFor(projector, shows('#live-code', code));
      await projector.click('#live-projector');

      // Students: Ada on the phone types the code, Ben opens the link, Cleo follows the new link.
      const ada = await openGame(h, 360, 640);
      await joinByForm(ada, code, 'Ada');
      const ben = await openGame(h, 1024, 768);
      await ben.page.goto(link);
      await waitFor(ben.page, `document.querySelector('#join-code')?.value === '${code}'`);
      await ben.page.fill('#join-nickname', 'Ben');
      await ben.page.click('#join-go');
      await waitFor(ben.page, shows('#student-name', 'Ben'));
      await cleo.page.goto(link);
      await waitFor(cleo.page, `document.querySelector('#join-code')?.value === '${code}'`);
      expect(await cleo.page.locator('#student-end').count()).toBe(0);
      await cleo.page.fill('#join-nickname', 'Cleo');
      await cleo.page.click('#join-go');
      await waitFor(cleo.page, shows('#student-main', 'Waiting for your teacher'));
      await shot(cleo.page, 'lesson-1-cleo-in-the-new-class');
      await waitFor(tp, count('#live-students li', 3));
      await waitFor(projector, count('#live-students li', 3));

      // The lesson: chapter 1 is there by default; the teacher adds two predict questions, removes
      // three levels, and reorders by keyboard and by click into: q1, q2, the first level.
      const [q1, q2] = [QUESTIONS[0]!, QUESTIONS[1]!];
      const level = CAMPAIGN.find((p) => p.chapter === 1)!;
      const chapter = CAMPAIGN.filter((p) => p.chapter === 1).length;
      await waitFor(tp, count('#live-playlist li', chapter));
      for (const [i, q] of [q2, q1].entries()) {
        await tp.selectOption('#live-add-round', q.id);
        await tp.click('#live-add');
        await waitFor(tp, count('#live-playlist li', chapter + i + 1));
      }
      for (let left = chapter + 2; left > 3; left--) {
        await tp.click('#pl-remove-1');
        await waitFor(tp, count('#live-playlist li', left - 1));
      }
      const order = async (): Promise<string[]> =>
        (await tp.locator('#live-playlist .live-round-title').allTextContents()).map((row) =>
          row.slice(row.indexOf(': ') + 2),
        );
      const titles = { q1: questionLine(q1), q2: questionLine(q2), level: level.title.en };
      expect(titles.q1).not.toBe(titles.q2);
      expect(await order()).toEqual([titles.level, titles.q2, titles.q1]);
      await tp.focus('#pl-up-2');
      await tp.keyboard.press('Enter'); // q1 up: the focus follows it
      await waitFor(tp, `document.activeElement?.id === 'pl-up-1'`);
      expect(await order()).toEqual([titles.level, titles.q1, titles.q2]);
      await tp.keyboard.press('Enter');
      await waitFor(tp, `document.activeElement?.id === 'pl-down-0'`);
      expect(await order()).toEqual([titles.q1, titles.level, titles.q2]);
      await tp.click('#pl-down-1');
      await waitFor(tp, shows('#live-playlist li:last-child', titles.level));
      expect(await order()).toEqual([titles.q1, titles.q2, titles.level]);
      await tp.selectOption('#live-timer', '120');
      await waitFor(tp, `document.querySelector('#live-timer')?.value === '120'`);
      await waitFor(projector, shows('#live-phase', '3 rounds ready'));
      await shot(tp, 'lesson-1-teacher-playlist');
      await shot(projector, 'lesson-1-projector-lobby');
      await tp.click('#live-start');

      // Round 1 of 3, timed: the projector shows code with line numbers, the choices, the countdown.
      const a1 = answerOf(q1);
      const a2 = answerOf(q2);
      if (!a1.ok || !a2.ok) throw new Error('the questions do not run');
      await waitFor(projector, has('#live-choices li'));
      expect(await text(projector, '#live-phase')).toContain('Round 1 of 3');
      expect(await projector.locator('.live-program .live-ln').count()).toBeGreaterThan(1);
      expect(await projector.locator('#live-choices li').allTextContents()).toEqual(
        expect.arrayContaining([a1.value]),
      );
      await waitFor(
        projector,
        `/^\\s*[12]:[0-5][0-9]$/.test(document.querySelector('#live-timer-big')?.textContent ?? '')`,
      );
      await shot(projector, 'lesson-2-projector-question');

      // Each student finds their answer button, watches the countdown tick twice, then taps that
      // same button: it was never rebuilt under their finger, and the tap is acknowledged at once.
      const students = [ada, ben, cleo];
      const choice = [a1.value, a1.value, q1.distractors.find((d) => d !== a1.value)!];
      const acknowledged = await Promise.all(
        students.map(async (s, i) => {
          const button = await s.page
            .locator(`.live-choices button:text-is("${choice[i]}")`)
            .elementHandle();
          for (let tick = 0; tick < 2; tick++) {
            const shown = await text(s.page, '#student-timer');
            await waitFor(s.page, `!${shows('#student-timer', shown.trim())}`);
          }
          expect(await button!.evaluate((b) => b.isConnected)).toBe(true);
          if (s === ada) await button!.tap();
          else await button!.click();
          return s.page.evaluate(
            `(document.querySelector('#answer-status') ?? document.querySelector('#student-verdict'))?.textContent ?? ''`,
          );
        }),
      );
      for (const status of acknowledged) expect(status).toMatch(/Sending|Answer sent|^[✓✗]/);
      await shot(ada.page, 'lesson-3-phone-answered');
      // Everyone answered: the round reveals itself, well before its two minutes.
      for (const [i, s] of students.entries()) {
        await waitFor(s.page, has('#student-verdict'));
        expect(await text(s.page, '#student-verdict')).toMatch(i < 2 ? /^✓/ : /^✗/);
      }
      await shot(ada.page, 'lesson-4-phone-reveal');
      // The projector keeps the code and adds the answer and the explanation.
      await waitFor(projector, has('#live-answer'));
      expect(await projector.locator('.live-program').count()).toBe(1);
      expect(await text(projector, '#live-answer')).toContain(a1.value);
      expect(await text(projector, '#live-screen')).toContain(q1.explain.en.replace(/`/g, ''));
      await shot(projector, 'lesson-4-projector-reveal');

      // Round 2 of 3: Ben refreshes mid-round and is back at his seat without ever seeing the menu.
      await tp.click('#live-next');
      await tp.click('#live-start');
      await waitFor(projector, shows('#live-phase', 'Round 2 of 3'));
      await waitFor(ben.page, has('.live-choices button'));
      await ben.page.addInitScript(WATCH_MENU);
      const reloadStarted = Date.now();
      await ben.page.reload();
      await waitFor(ben.page, has('.live-choices button'));
      console.log(
        `[lesson] reload → back at the seat with the question: ${Date.now() - reloadStarted} ms`,
      );
      expect(await ben.page.evaluate('window.__menuSeen === true')).toBe(false);
      expect(await text(ben.page, '#student-name')).toBe('Ben');
      await shot(ben.page, 'lesson-5-ben-after-refresh');

      // Ada's Wi-Fi drops (the server loses her socket): she sees it, comes back on her own, same seat.
      await ada.page.evaluate(WATCH_STATUS);
      dropSocket(code, 'Ada');
      await waitFor(ada.page, `window.__statuses.includes('reconnecting')`);
      await waitFor(ada.page, `window.__heapHeroes.extra.status === 'connected'`);
      await waitFor(ada.page, `document.querySelector('.live-choices button')?.disabled === false`);
      expect(await text(ada.page, '#student-name')).toBe('Ada');

      // The teacher pauses: the question stays, the buttons wait, a tap is refused with the reason.
      await tp.click('#live-pause');
      await waitFor(ada.page, shows('#answer-status', 'Paused by your teacher'));
      await waitFor(ada.page, `document.querySelector('.live-choices button')?.disabled === true`);
      await ada.page
        .locator(`.live-choices button:text-is("${a2.value}")`)
        .tap({ force: true, timeout: 2000 });
      await ada.page.waitForTimeout(300);
      expect(await text(ada.page, '#answer-status')).toContain('Paused by your teacher');
      await waitFor(projector, has('#live-timer-big.paused'));
      await shot(ada.page, 'lesson-6-phone-paused');
      await tp.click('#live-resume');
      await waitFor(ada.page, `document.querySelector('.live-choices button')?.disabled === false`);
      for (const s of students) await press(s.page, `.live-choices button:text-is("${a2.value}")`);
      for (const s of students) {
        await waitFor(s.page, has('#student-verdict'));
        expect(await text(s.page, '#student-verdict')).toMatch(/^✓/);
      }

      // The teacher ends the lesson before round 3: the podium rises; ties share a rank and say so.
      await tp.click('#live-end');
      await waitFor(projector, count('#live-podium li', 3));
      const podium = await projector.locator('#live-podium li').allTextContents();
      const rankOf = (row: string): string => /#(\d+)/.exec(row)?.[1] ?? '?';
      for (const row of podium) {
        const shared = podium.filter((other) => rankOf(other) === rankOf(row)).length > 1;
        expect(row.includes('(tie)')).toBe(shared);
      }
      expect(podium.map(rankOf)).toEqual(['1', '1', '3']);
      await projector.waitForTimeout(1500);
      await shot(projector, 'lesson-7-projector-podium');
      for (const s of students) {
        await waitFor(s.page, has('#student-end'));
        expect(await text(s.page, '#student-rank')).toMatch(/#\d/);
      }
      await shot(ada.page, 'lesson-7-phone-end');
      for (const p of [teacher, ada, ben, cleo, old.teacher]) expect(p.errors).toEqual([]);
    },
  );

  it(
    'puzzle round: Levels goes back to the class, a paused board refuses with the reason, solvers see their screen',
    { timeout: 400_000 },
    async () => {
      const level = CAMPAIGN.find((p) => p.chapter === 1)!;
      const { teacher, code } = await hostClass(h);
      const tp = teacher.page;
      const ada = await openGame(h, 360, 640);
      await joinByForm(ada, code, 'Ada');
      const ben = await openGame(h, 1024, 768);
      await joinByForm(ben, code, 'Ben');
      await waitFor(tp, count('#live-students li', 2));
      await waitFor(tp, shows('#live-start', '1'));
      await tp.click('#live-start');
      await waitScene(ada.page, 'Puzzle');
      await waitScene(ben.page, 'Puzzle');

      // "← Levels" on the live board: back to the class screen, never the solo campaign.
      await ada.page.locator('[data-tool="levels"]').tap();
      await waitScene(ada.page, 'JoinClass');
      expect(await ada.page.evaluate('window.__heapHeroes.active()')).not.toContain('Campaign');
      await waitFor(ada.page, has('#student-board'));
      await shot(ada.page, 'lesson-puzzle-1-phone-back-in-class');

      // Paused: the board is covered with the reason, and a typed move is refused with it.
      await ben.page.click('#console-input');
      await tp.click('#live-pause');
      await waitFor(ben.page, shows('#live-hold', 'Paused by your teacher'));
      expect(await ben.page.locator('#live-hold').isVisible()).toBe(true);
      await ben.page.keyboard.type(level.solution[0]!);
      await ben.page.keyboard.press('Enter');
      await waitFor(ben.page, shows('#console-output', 'Paused by your teacher'));
      await shot(ben.page, 'lesson-puzzle-2-paused-board');
      await tp.click('#live-resume');
      await waitFor(
        ben.page,
        `document.querySelector('#live-hold') === null || document.querySelector('#live-hold').hidden`,
      );

      // Ben solves: his class screen shows at once (it used to stay blank until another event).
      for (const move of level.solution) {
        await ben.page.fill('#console-input', move);
        await ben.page.keyboard.press('Enter');
        await waitFor(ben.page, '!window.__heapHeroes.busy');
        const skip = await ben.page.$('[data-tool="gcSkip"]');
        if (skip) await skip.click();
      }
      await waitScene(ben.page, 'JoinClass');
      await waitFor(ben.page, shows('#student-main', 'Solved!'));
      await shot(ben.page, 'lesson-puzzle-3-solved-screen');

      // Ada reopens her board; the teacher reveals: she is brought back to a screen that says so.
      await ada.page.locator('#student-board').tap();
      await waitScene(ada.page, 'Puzzle');
      await tp.click('#live-skip');
      await waitScene(ada.page, 'JoinClass');
      await waitFor(ada.page, shows('#student-main', 'solve'));
      await shot(ada.page, 'lesson-puzzle-4-phone-reveal');
      await waitFor(ben.page, shows('#student-main', 'You solved'));

      // The projector's reveal shows the puzzle's goal and a solution, not just four bars.
      await tp.click('#live-projector');
      await waitFor(tp, has('.live-program'));
      expect(await tp.locator('#live-goal li').allTextContents()).toEqual(
        level.goal.map((c) => clauseText(c, 'en').replace(/`/g, '')),
      );
      expect(await tp.locator('.live-program .live-line').allTextContents()).toEqual(
        level.solution.map((line, i) => `${i + 1}${line}`),
      );
      await shot(tp, 'lesson-puzzle-5-projector-solution');
      for (const p of [teacher, ada, ben]) expect(p.errors).toEqual([]);
    },
  );
});
