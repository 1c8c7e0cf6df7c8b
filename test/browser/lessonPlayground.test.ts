/**
 * A Playground program as a live-lesson round, in chromium against the real server: a teacher at
 * 1366×768, a projector (1920×1080, the co-teacher link in projector view) and two students — a
 * 360×640 touch phone and a 1280 laptop. The teacher adds the program by the visible controls
 * (a refused one first, with its reason), the students type what each printed line shows, and
 * at the reveal the teacher steps the projector's heap picture forward and back from the
 * dashboard. Real taps, clicks and keys only; hooks only read state. Screenshots in test-results/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import { questionReplay } from '../../shared/live/questionReplay.ts';
import { openGame, clickTarget, shot, startHarness, waitFor as waitUpTo } from './harness.ts';
import type { GamePage, Harness } from './harness.ts';

/** Cross-device waits on a loaded machine get 60 s. */
const waitFor = (page: Page, expression: string, timeout = 60_000): Promise<void> =>
  waitUpTo(page, expression, timeout).catch(async (e: unknown) => {
    await shot(page, `lessonPlayground-failed-${Date.now()}`).catch(() => undefined);
    throw e;
  });
const waitScene = (page: Page, key: string): Promise<void> =>
  waitFor(page, `!!window.__heapHeroes && window.__heapHeroes.active().includes('${key}')`);
const text = async (page: Page, selector: string): Promise<string> =>
  (await page.locator(selector).first().textContent()) ?? '';
const shows = (selector: string, needle: string): string =>
  `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(needle)})`;
const count = (selector: string, n: number): string =>
  `document.querySelectorAll(${JSON.stringify(selector)}).length === ${n}`;

const EXAMPLE = '31_node_pair_cycle';
const SOURCE = readFileSync(
  new URL(`../../client/playground/examples/${EXAMPLE}.py`, import.meta.url),
  'utf8',
);
/** What CPython 3.11 prints for it (python3 client/playground/examples/31_node_pair_cycle.py). */
const PRINTED = [
  'node1 refcount: 3',
  'node2 refcount: 3',
  'Garbage collector: collected 2 objects.',
  'second collection: 0',
];
/** Ben's guesses: two right (one typed with extra spaces), two wrong (one looks like markup). */
const BEN = [
  'node1 refcount: 2',
  'node2  refcount: 3',
  '<b>collected 2</b>',
  'second collection: 0',
];

/** `a = []; b = a; print(sys.getrefcount(a))` prints 3. */
const QUESTION = QUESTIONS.find((q) => q.id === 'rc-alias')!;
/** Its replay as the server records it (the same VM as the projector's Playground). */
const REPLAY = questionReplay(QUESTION)!;

async function joinByForm(s: GamePage, code: string, nickname: string): Promise<void> {
  await clickTarget(s.page, 'button:join');
  await waitScene(s.page, 'JoinClass');
  await s.page.fill('#join-code', code);
  await s.page.fill('#join-nickname', nickname);
  await s.page.click('#join-go');
  await waitFor(s.page, shows('#student-name', nickname));
}

describe('A Playground program as a live round', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    for (const context of h.browser.contexts()) await context.close();
  });

  it(
    'teacher adds a program, students type each printed line, the projector steps through it',
    { timeout: 300_000 },
    async () => {
      const teacher = await openGame(h, 1366, 768);
      const tp = teacher.page;
      await clickTarget(tp, 'button:host');
      await waitScene(tp, 'HostClass');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      const code = await text(tp, '#live-code');
      const projector = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      projector.setDefaultTimeout(60_000);
      await projector.goto(await text(tp, '#live-coteacher'));
      await waitFor(projector, shows('#live-code', code));
      await projector.click('#live-projector');

      const ada = await openGame(h, 360, 640); // a touch phone
      await joinByForm(ada, code, 'Ada');
      const ben = await openGame(h, 1280, 800);
      await joinByForm(ben, code, 'Ben');

      // A pasted program that fails is refused with CPython's reason; nothing is added.
      const chapter = CAMPAIGN.filter((p) => p.chapter === 1).length;
      await waitFor(tp, count('#live-playlist li', chapter));
      await tp.click('#live-program-source');
      await tp.keyboard.type('x = [1, 2]\nprint(x[5])\n');
      await tp.click('#live-program-add');
      await waitFor(tp, shows('#live-program-status', 'IndexError: list index out of range'));
      expect(await text(tp, '#live-program-status')).toContain('It does not run');
      await shot(tp, 'lessonPlayground-1-teacher-refused');
      expect(await tp.locator('#live-playlist li').count()).toBe(chapter);

      // The Playground example: picked, shown in the box, added; the levels removed.
      await tp.selectOption('#live-program-pick', EXAMPLE);
      expect(await tp.inputValue('#live-program-source')).toBe(SOURCE);
      await tp.click('#live-program-add');
      await waitFor(tp, count('#live-playlist li', chapter + 1));
      expect(await text(tp, '#live-playlist li:last-child')).toContain('Program: ');
      for (let left = chapter + 1; left > 1; left--) {
        await tp.click('#pl-remove-0');
        await waitFor(tp, count('#live-playlist li', left - 1));
      }
      // Then a predict question, replayed on the same picture at its reveal.
      await tp.selectOption('#live-add-round', QUESTION.id);
      await tp.click('#live-add');
      await waitFor(tp, count('#live-playlist li', 2));
      await shot(tp, 'lessonPlayground-2-teacher-playlist');

      await tp.click('#live-start');
      // The projector: the code with line numbers, how many lines to predict, progress.
      await waitFor(projector, shows('#live-screen', 'each of the 4 printed lines'));
      const lines = SOURCE.trimEnd().split('\n').length;
      expect(await projector.locator('.live-program .live-ln').count()).toBe(lines);
      expect(await projector.locator('.live-program mark').count()).toBe(4); // the print lines
      await shot(projector, 'lessonPlayground-3-projector-question');

      // Ada on the phone: taps the first blank, types, Enter goes to the next one.
      const ap = ada.page;
      await waitFor(ap, count('#live-lines input', 4));
      expect(await ap.locator('.live-program .live-ln').count()).toBe(lines);
      await ap.locator('#line-0').tap();
      for (const [i, line] of PRINTED.entries()) {
        await waitFor(ap, `document.activeElement?.id === 'line-${i}'`);
        await ap.keyboard.type(line);
        if (i < PRINTED.length - 1) await ap.keyboard.press('Enter');
      }
      await shot(ap, 'lessonPlayground-4-phone-typed');
      await ap.locator('#send-lines').tap();
      await waitFor(ap, shows('#answer-status', 'Sent: 4 lines'));
      await shot(ap, 'lessonPlayground-5-phone-sent');

      // Ben on the laptop: clicks each blank and types.
      const bp = ben.page;
      await waitFor(bp, count('#live-lines input', 4));
      for (const [i, line] of BEN.entries()) {
        await bp.click(`#line-${i}`);
        await bp.keyboard.type(line);
      }
      await bp.click('#send-lines');

      // Everybody answered: the reveal. Each student sees their lines against the real ones.
      await waitFor(ap, shows('#student-verdict', 'You got 4 of 4 lines right.'));
      await waitFor(bp, shows('#student-verdict', 'You got 2 of 4 lines right.'));
      expect(await bp.locator('#student-lines li').allTextContents()).toEqual([
        '✗ node1 refcount: 3 — you wrote: node1 refcount: 2',
        '✓ node2 refcount: 3',
        '✗ Garbage collector: collected 2 objects. — you wrote: <b>collected 2</b>',
        '✓ second collection: 0',
      ]);
      expect(await bp.locator('#student-lines b').count()).toBe(0); // typed text stays text
      await shot(ap, 'lessonPlayground-6-phone-reveal');
      await shot(bp, 'lessonPlayground-7-laptop-reveal');

      // The projector opens the heap picture by itself, at the first step.
      await waitScene(projector, 'Playground');
      await waitFor(projector, shows('#live-replay-step', 'Step 1 of 27'));
      await waitFor(projector, `window.__heapHeroes.extra.step === 0`);
      expect(await projector.locator('#toolbar').isVisible()).toBe(false); // no Menu/Edit/Share
      await shot(projector, 'lessonPlayground-8-projector-replay-start');

      // The teacher's dashboard: every printed line with how many got it; no typed text.
      await waitFor(tp, shows('#live-replay-console', 'Step 1 of 27'));
      expect(await text(tp, '#live-replay-console')).toContain('Nothing printed yet.');
      await tp.click('#live-replay-print'); // to the first print
      await waitFor(projector, shows('#live-replay-step', 'Step 20 of 27'));
      await waitFor(projector, `window.__heapHeroes.extra.step === 19`);
      expect(await text(projector, '#live-replay-said')).toBe('node1 refcount: 3 — 1 of 2 got it ');
      await waitFor(projector, shows('#pg-console', 'node1 refcount: 3'));
      await shot(projector, 'lessonPlayground-9-projector-first-print');
      await tp.click('#live-replay-next');
      await waitFor(projector, shows('#live-replay-said', 'node2 refcount: 3 — 2 of 2 got it'));
      await tp.click('#live-replay-back');
      await waitFor(projector, shows('#live-replay-step', 'Step 20 of 27'));
      await tp.click('#live-replay-print');
      await tp.click('#live-replay-print'); // may land before the first press is mirrored: wait
      await waitFor(
        projector,
        shows('#live-replay-said', 'Garbage collector: collected 2 objects.'),
      );
      expect(await text(projector, '#live-replay-said')).toContain('1 of 2 got it');
      const objects = (await projector.evaluate('window.__heapHeroes.extra.objects')) as unknown[];
      expect(objects.length).toBeGreaterThan(0);
      await shot(projector, 'lessonPlayground-10-projector-after-collect');
      expect(await text(tp, '#live-replay-console')).toContain(
        'Garbage collector: collected 2 objects. — 1 of 2 got it',
      );
      await shot(tp, 'lessonPlayground-11-teacher-dashboard-replay');
      const everything = (await projector.locator('body').textContent()) ?? '';
      for (const typed of ['<b>collected 2</b>', 'node1 refcount: 2'])
        expect(everything).not.toContain(typed);

      // On to the question: the projector leaves the picture for the class screen.
      await tp.click('#live-next');
      await waitScene(projector, 'HostClass');
      await waitFor(projector, shows('#live-phase', 'Round 1 of 2 · between rounds'));
      await tp.click('#live-start');
      await waitFor(ap, shows('#student-main', 'Pick what it prints'));
      await ap.getByRole('button', { name: '3', exact: true }).tap();
      await waitFor(bp, shows('#student-main', 'Pick what it prints'));
      await bp.getByRole('button', { name: '2', exact: true }).click();
      // Its reveal: the class's answers on the projector, until the teacher steps the program.
      await waitFor(projector, shows('#live-answer', '3'));
      await waitFor(tp, shows('#live-screen', 'Next step'));
      await tp.click('#live-replay-next');
      await waitScene(projector, 'Playground');
      // It started at the question's first line (past the preamble); Next went to the second.
      const [first, second] = REPLAY.stops as [number, number];
      await waitFor(projector, shows('#live-replay-step', `Step ${second + 1} of ${REPLAY.steps}`));
      await waitFor(projector, `window.__heapHeroes.extra.step === ${second}`);
      expect(await projector.locator('#live-replay-print').count()).toBe(0);
      await waitFor(projector, shows('#pg-now', 'b = a')); // the line about to run
      await tp.click('#live-replay-back');
      await waitFor(projector, `window.__heapHeroes.extra.step === ${first}`);
      await waitFor(projector, shows('#live-replay-step', `Step ${first + 1} of ${REPLAY.steps}`));
      await waitFor(projector, shows('#pg-now', 'a = []'));
      await shot(projector, 'lessonPlayground-12-projector-question-replay');

      // On to the podium: the projector leaves the picture and shows it.
      await tp.click('#live-next');
      await waitScene(projector, 'HostClass');
      await waitFor(projector, count('#live-podium li', 2));
      expect(await projector.locator('#live-podium li').allTextContents()).toEqual([
        expect.stringContaining('Ada — 2000'),
        expect.stringContaining('Ben — 500'),
      ]);
      await projector.waitForTimeout(1500); // the podium builds up
      await shot(projector, 'lessonPlayground-13-projector-podium');
      for (const g of [teacher, ada, ben]) expect(g.errors).toEqual([]);
    },
  );
});
