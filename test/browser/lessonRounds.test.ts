/**
 * A live lesson changed while it runs, in chromium against the real server: a teacher at
 * 1366×768, a projector (1920×1080), and three students — a 360×640 touch phone, a 1024 and a
 * 1280 laptop. The teacher starts from the predict questions on one concept, every student answers
 * a timed question in its last second, the teacher changes the rest of the lesson at the reveal and
 * between rounds (a question from the bank, a concept's questions appended, a round removed, one
 * moved up), and a student opens the class in a second tab mid-round.
 *
 * Everything is done with real clicks, taps and keys on what is visible; the test only reads
 * state. The round timer runs on the rooms' clock, which the test moves to the round's last second
 * and then slows down sixtyfold, so that second lasts long enough for three real taps on a loaded
 * machine — the server still decides, on its own clock, whether the answers came in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import type { Page } from 'playwright-core';
import type { ClassroomRoom } from '../../server/rooms/ClassroomRoom.ts';
import { remainingMs } from '../../shared/live/clock.ts';
import { questionLine } from '../../shared/live/items.ts';
import { answerOf, QUESTIONS, type Question } from '../../shared/puzzles/questions/index.ts';
import { clickTarget, openGame, shot, startHarness, waitFor as waitUpTo } from './harness.ts';
import type { GamePage, Harness } from './harness.ts';

/** The rooms' clock: real time that the test can jump forward and slow down. */
function roomClock(): { now(): number; jump(ms: number): void; rate(r: number): void } {
  let base = Date.now();
  let since = Date.now();
  let speed = 1;
  const now = (): number => base + (Date.now() - since) * speed;
  const rebase = (shift: number, r: number): void => {
    base = now() + shift;
    since = Date.now();
    speed = r;
  };
  return { now, jump: (ms) => rebase(ms, speed), rate: (r) => rebase(0, r) };
}

/** The machine running these may be loaded: every cross-device wait gets 60 s. */
const waitFor = (page: Page, expression: string, timeout = 60_000): Promise<void> =>
  waitUpTo(page, expression, timeout).catch(async (e: unknown) => {
    await shot(page, `lesson-rounds-failed-${Date.now()}`).catch(() => undefined);
    throw e;
  });

const text = async (page: Page, selector: string): Promise<string> =>
  (await page.locator(selector).first().textContent()) ?? '';
const has = (selector: string): string => `!!document.querySelector(${JSON.stringify(selector)})`;
const shows = (selector: string, needle: string): string =>
  `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(needle)})`;
const count = (selector: string, n: number): string =>
  `document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`;

/** A tap on a touch phone, a click elsewhere: how a person presses a visible button. */
async function press(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).first();
  if ((page.viewportSize()?.width ?? 0) < 500) await target.tap();
  else await target.click();
}

/** The answer button that reads `answer` (choices may span lines), pressed as a person would. */
async function answerWith(page: Page, answer: string): Promise<void> {
  const id = await page.evaluate(
    `[...document.querySelectorAll('.live-choices button')].find((b) => b.textContent === ${JSON.stringify(answer)})?.id ?? ''`,
  );
  if (!id) throw new Error(`no button reads ${JSON.stringify(answer)}`);
  await press(page, `#${id as string}`);
}

const answerTo = (q: Question): string => {
  const a = answerOf(q);
  if (!a.ok) throw new Error(`${q.id} does not run`);
  return a.value;
};

const byConcept = (concept: string): Question[] =>
  QUESTIONS.filter((q) => (q.concepts as readonly string[]).includes(concept));

/** Like openGame, in a browser context of its own that more tabs can join. */
async function openInContext(h: Harness, width: number, height: number): Promise<GamePage> {
  const context = await h.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(h.server.url);
  await waitFor(page, `!!window.__heapHeroes && window.__heapHeroes.active().includes('Menu')`);
  return { page, errors };
}

async function joinByForm(s: GamePage, code: string, nickname: string): Promise<void> {
  await clickTarget(s.page, 'button:join');
  await waitFor(s.page, has('#join-code'));
  await s.page.fill('#join-code', code);
  await s.page.fill('#join-nickname', nickname);
  await press(s.page, '#join-go');
  await waitFor(s.page, shows('#student-name', nickname));
}

describe('A live lesson changed while it runs', () => {
  const clock = roomClock();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ roomClock: clock.now });
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it(
    'answers in the last second count; the rest of the lesson changes at the reveal and between rounds; a second tab takes the seat',
    { timeout: 300_000 },
    async () => {
      const teacher = await openGame(h, 1366, 768);
      const tp = teacher.page;
      await clickTarget(tp, 'button:host');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      const code = await text(tp, '#live-code');
      const room = (): ClassroomRoom =>
        matchMaker.getLocalRoomById(code) as unknown as ClassroomRoom;
      const projector = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      projector.setDefaultTimeout(60_000);
      await waitFor(tp, has('#live-coteacher'));
      await projector.goto(await text(tp, '#live-coteacher'));
      await waitFor(projector, shows('#live-code', code));
      await projector.click('#live-projector');

      const ada = await openGame(h, 360, 640);
      await joinByForm(ada, code, 'Ada');
      const ben = await openInContext(h, 1024, 768); // his second tab shares this storage
      await joinByForm(ben, code, 'Ben');
      const cleo = await openGame(h, 1280, 800);
      await joinByForm(cleo, code, 'Cleo');
      const students = [ada, ben, cleo];
      await waitFor(tp, count('#live-students li', 3));

      // The lesson: the predict questions on one concept (small ints), 20 seconds a round.
      const interning = byConcept('interning');
      await waitFor(tp, has('#live-playlist li'));
      await tp.selectOption('#live-set', 'predict:interning');
      await tp.click('#live-use-set');
      await waitFor(tp, count('#live-playlist li', interning.length));
      await tp.selectOption('#live-timer', '20');
      await waitFor(tp, `document.querySelector('#live-timer')?.value === '20'`);
      await waitFor(projector, shows('#live-phase', `${interning.length} rounds ready`));
      await tp.click('#live-start');

      // Round 1: the clock jumps to the round's last second, which then lasts ~60 real seconds.
      const [q1] = interning as [Question, ...Question[]];
      for (const s of students) await waitFor(s.page, has('.live-choices button'));
      const left = (): number => remainingMs(room().live.session.live.round!, clock.now()) ?? 0;
      clock.jump(left() - 900);
      clock.rate(1 / 60);
      for (const s of students)
        await waitFor(
          s.page,
          `/^\\s*0:0[01]$/.test(document.querySelector('#student-timer')?.textContent ?? '')`,
        );
      await shot(ada.page, 'lesson-rounds-1-phone-last-second');
      // The projector shows the code and the choices together, without scrolling.
      expect(
        await projector.evaluate(
          `[...document.querySelectorAll('.live-program, #live-choices li')].every((e) => e.getBoundingClientRect().bottom <= innerHeight)`,
        ),
      ).toBe(true);
      await shot(projector, 'lesson-rounds-1-projector-last-second');
      for (const s of students) await answerWith(s.page, answerTo(q1));
      const acknowledged = await Promise.all(
        students.map((s) =>
          s.page.evaluate(
            `(document.querySelector('#answer-status') ?? document.querySelector('#student-verdict'))?.textContent ?? ''`,
          ),
        ),
      );
      for (const status of acknowledged) expect(status).toMatch(/Sending|Answer sent|^✓/);
      expect(left()).toBeGreaterThan(0);
      // Everyone answered in time: the round reveals, every answer right and scored.
      for (const s of students) {
        await waitFor(s.page, has('#student-verdict'));
        expect(await text(s.page, '#student-verdict')).toMatch(/^✓ Right!/);
        expect(await text(s.page, '#student-rank')).toMatch(
          /^You are #1 of 3 with [1-9]\d* points$/,
        );
      }
      clock.rate(1);
      await shot(ada.page, 'lesson-rounds-2-phone-scored');

      // At the reveal the teacher opens "Change the rest of the lesson" and adds a bank question.
      const extra = QUESTIONS.find((q) => q.id === 'rc-alias')!;
      expect(await tp.locator('#live-edit-lesson').getAttribute('open')).toBeNull();
      await tp.click('#live-edit-lesson summary');
      await tp.selectOption('#live-add-round', extra.id);
      await tp.click('#live-add');
      await waitFor(tp, count('#live-playlist li', interning.length + 1));
      await waitFor(projector, shows('#live-phase', `Round 1 of ${interning.length + 1}`));
      // The played round is history: marked, and no controls.
      expect(await text(tp, '#live-playlist li:first-child')).toContain('played');
      expect(await tp.locator('#live-playlist li:first-child button').count()).toBe(0);
      await shot(tp, 'lesson-rounds-3-teacher-reveal-edit');
      await tp.click('#live-next');

      // Between rounds: the weakref questions appended, the second small-int question removed,
      // the first weakref question moved up to play next; and no more timer.
      const weak = byConcept('weakref');
      await waitFor(tp, shows('#live-phase', 'between rounds'));
      await tp.selectOption('#live-set', 'predict:weakref');
      await tp.click('#live-add-set');
      const total = interning.length + 1 + weak.length;
      await waitFor(tp, count('#live-playlist li', total));
      await waitFor(tp, `document.activeElement?.id === 'live-add-set'`); // focus kept on rebuild
      await tp.click('#pl-remove-1');
      await waitFor(tp, count('#live-playlist li', total - 1));
      await tp.focus('#pl-up-2');
      await tp.keyboard.press('Enter');
      await waitFor(tp, `document.activeElement?.id === 'pl-down-1'`);
      const titles = (await tp.locator('#live-playlist .live-round-title').allTextContents()).map(
        (t) => t.slice(t.indexOf(': ') + 2),
      );
      expect(titles).toEqual([q1, weak[0]!, extra, ...weak.slice(1)].map((q) => questionLine(q)));
      // The projector says what comes next, without showing the question before it starts.
      await waitFor(projector, shows('#live-screen', 'Up next: a question'));
      expect(await projector.locator('.live-bars, .live-program').count()).toBe(0);
      await shot(projector, 'lesson-rounds-4-projector-between');
      await tp.selectOption('#live-timer', '');
      await waitFor(tp, `document.querySelector('#live-timer')?.value === ''`);
      await shot(tp, 'lesson-rounds-4-teacher-between');
      await tp.click('#live-start');

      // Round 2 is the moved question, on every screen.
      const q2 = weak[0]!;
      for (const s of students) {
        await waitFor(s.page, has('.live-choices button'));
        expect(await text(s.page, '#student-round')).toBe(`Round 2 of ${total - 1}`);
      }
      await waitFor(projector, shows('#live-phase', `Round 2 of ${total - 1}`));
      expect(await text(projector, '#live-screen')).toContain(q2.program.trim().split('\n')[0]!);

      // Ben opens the class in a second tab: it takes his seat with the question; the first tab
      // says where he is now, and never shows the menu or another class.
      const second = await ben.page.context().newPage();
      await second.goto(h.server.url);
      await waitFor(second, has('.live-choices button'));
      expect(await text(second, '#student-name')).toBe('Ben');
      await waitFor(ben.page, shows('#live-screen', 'open in another tab'));
      expect(await ben.page.locator('.live-choices button').count()).toBe(0);
      await shot(ben.page, 'lesson-rounds-5-first-tab');
      await answerWith(second, answerTo(q2));
      await answerWith(ada.page, answerTo(q2));
      await answerWith(
        cleo.page,
        q2.distractors.find((d) => d !== answerTo(q2))!,
      );
      await waitFor(second, has('#student-verdict'));
      expect(await text(second, '#student-verdict')).toMatch(/^✓/);
      await waitFor(cleo.page, has('#student-verdict'));
      expect(await text(cleo.page, '#student-verdict')).toMatch(/^✗/);
      await shot(second, 'lesson-rounds-6-second-tab-reveal');
      // Back in the first tab, "Continue in this tab" takes the seat back, at the reveal.
      await ben.page.click('#student-here');
      await waitFor(ben.page, has('#student-verdict'));
      expect(await text(ben.page, '#student-verdict')).toMatch(/^✓/);
      await waitFor(second, shows('#live-screen', 'open in another tab'));
      await waitFor(tp, shows('#live-grid', 'Ben'));
      expect(await tp.locator('#live-grid tr').count()).toBe(4); // one row per student, no copy

      await tp.click('#live-end');
      await waitFor(projector, count('#live-podium li', 3));
      await waitFor(ben.page, has('#student-end'));
      expect(await text(ben.page, '#student-rank')).toMatch(/^You are #1 of 3/);
      await shot(projector, 'lesson-rounds-7-projector-podium');
      for (const p of [teacher, ada, ben, cleo]) expect(p.errors).toEqual([]);
    },
  );
});
