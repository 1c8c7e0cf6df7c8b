/**
 * Predict reveal → "Show it" in chromium: the teacher runs predict rounds alone (skipping to the
 * reveal) up to `weak-cycle`, opens the heap replay, and steps the asked lines through the engine:
 * the printed values, the gc.collect() step player, frees; the board is read-only (no move tools,
 * no console input, a drag from a name onto the bin does nothing); "← Back to results" returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { answerOf, QUESTIONS } from '../../shared/puzzles/questions/index.ts';
import {
  clickTarget,
  dragTarget,
  extra,
  openGame,
  shot,
  startHarness,
  targets,
  waitFor,
  waitScene,
} from './harness.ts';
import type { Harness } from './harness.ts';

const text = async (page: Page, selector: string): Promise<string> =>
  (await page.textContent(selector)) ?? '';
const has = (selector: string): string => `!!document.querySelector(${JSON.stringify(selector)})`;
const objects = async (page: Page): Promise<number> =>
  Object.keys((await extra(page)).rc as object).length;
const hud = async (page: Page): Promise<string[]> =>
  (await page.evaluate('window.__heapHeroes.hud')) as string[];
const disabled = async (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).isDisabled();
/** weak-cycle's program up to the asked lines, as the code panel lists it. */
const BEFORE =
  'gc.disable()\na = Node()\nb = Node()\na.next = b\nb.next = a\nw = weakref.ref(a)\ndel a, b';

describe('Predict reveal: Show it', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it(
    'replays the asked lines of weak-cycle on a read-only heap',
    { timeout: 150_000 },
    async () => {
      const index = QUESTIONS.findIndex((q) => q.id === 'weak-cycle');
      const answer = answerOf(QUESTIONS[index]!);
      if (!answer.ok) throw new Error('question does not run');
      const teacher = await openGame(h, 1920, 1080);
      const tp = teacher.page;
      await clickTarget(tp, 'button:host');
      await waitScene(tp, 'HostClass');
      await waitFor(
        tp,
        `/^[0-9]{6}$/.test(document.querySelector('#live-code')?.textContent ?? '')`,
      );
      await tp.selectOption('#live-set', 'predict');
      await tp.click('#live-use-set');
      await waitFor(
        tp,
        `(document.querySelector('#live-phase')?.textContent ?? '').includes('${QUESTIONS.length}')`,
      );
      for (let round = 0; round <= index; round++) {
        await waitFor(tp, has('#live-start'));
        await tp.click('#live-start');
        await waitFor(tp, has('#live-skip'));
        await tp.click('#live-skip');
        await waitFor(tp, has('#live-answer'));
        if (round < index) await tp.click('#live-next');
      }
      expect(await text(tp, '#live-answer')).toBe(`Answer: ${answer.value}`);
      await tp.click('#live-projector');
      await shot(tp, 'live-reveal-results');

      // Show it: the board just before `print(w() is None)`; only view tools.
      await tp.click('#live-show-it');
      await waitScene(tp, 'Puzzle');
      expect(await tp.locator('#console-input').count()).toBe(0);
      for (const tool of ['undo', 'redo', 'reset', 'hint', 'levels', 'cut', 'collect'])
        expect(await tp.locator(`[data-tool="${tool}"]`).count(), tool).toBe(0);
      expect(await tp.locator('[data-tool="zoomIn"]').count()).toBe(1);
      expect(await text(tp, '#code')).toBe(BEFORE);
      expect(await text(tp, '#code-panel h2 span')).toBe('The program');
      expect(await tp.getAttribute('#code', 'aria-label')).toBe('The program');
      expect(await text(tp, '#live-run')).toBe('▶ Run print(w() is None)');
      expect(await disabled(tp, '#live-run')).toBe(false);
      // The HUD: the question as a replay, no goal and no moves/par line.
      const bytes = (await hud(tp))[1]!;
      expect(bytes).toMatch(/^Heap: \d+ bytes$/);
      expect(await hud(tp)).toEqual(['Replay: What does this print?', bytes]);
      const before = await objects(tp);

      // Read-only: no del bin is drawn, and a drag from the name `w` onto an object pans;
      // nothing is played or refused.
      const drawn = await targets(tp);
      expect(drawn.bin).toBeUndefined();
      const source = Object.keys(drawn).find((k) => k.startsWith('source:'))!;
      await dragTarget(tp, source, 'node:1');
      await tp.waitForTimeout(200);
      expect(await text(tp, '#code')).toBe(BEFORE);
      expect(await text(tp, '#console-output')).toBe('');

      await tp.click('#live-run');
      await waitFor(
        tp,
        `(document.querySelector('#console-output')?.textContent ?? '') === 'False'`,
      );
      expect(await text(tp, '#code')).toBe(`${BEFORE}\nprint(w() is None)`);
      expect(await text(tp, '#live-run')).toBe('▶ Run gc.collect()');
      expect(await text(tp, '#narration-log')).toContain('Ran: print(w() is None)');
      expect(await text(tp, '#narration-log')).not.toContain('You ran:');

      // gc.collect(): the engine's trace in the step player, then the pair is gone.
      await tp.click('#live-run');
      await waitFor(tp, `!document.querySelector('#gc-bar').hidden`);
      expect(await text(tp, '#gc-caption')).toMatch(/^Step 1 of \d+/);
      await tp.click('[data-tool="gcPlay"]'); // pause on the first step for the screenshot
      // While the step player is open the next line waits: Run looks disabled.
      expect(await text(tp, '#live-run')).toBe('▶ Run print(w() is None)');
      expect(await disabled(tp, '#live-run')).toBe(true);
      await shot(tp, 'live-reveal-gc');
      await tp.click('[data-tool="gcSkip"]');
      await waitFor(tp, `document.querySelector('#gc-bar').hidden`);
      expect(await disabled(tp, '#live-run')).toBe(false);
      await waitFor(tp, `Object.keys(window.__heapHeroes.extra.rc).length === ${before - 2}`);
      expect(await text(tp, '#narration-log')).toContain('Ran: gc.collect()');
      expect(await text(tp, '#narration-log')).not.toContain('You ran:');

      await tp.click('#live-run');
      await waitFor(
        tp,
        `(document.querySelector('#console-output')?.textContent ?? '') === 'True'`,
      );
      expect(await text(tp, '#code')).toBe(
        `${BEFORE}\nprint(w() is None)\ngc.collect()\nprint(w() is None)`,
      );
      expect(await text(tp, '#live-reveal-done')).toBe('All asked lines have run.');
      await shot(tp, 'live-reveal-show-it');

      // Again: back to the board before the lines.
      await tp.click('#live-replay');
      await waitFor(tp, has('#live-run'));
      expect(await objects(tp)).toBe(before);
      expect(await text(tp, '#code')).toBe(BEFORE);

      await tp.click('#live-reveal-back');
      await waitScene(tp, 'HostClass');
      await waitFor(tp, has('#live-answer'));
      expect(await tp.locator('#live-screen.projector').count()).toBe(1);
      expect(await tp.locator('#live-reveal').count()).toBe(0);
      expect(teacher.errors).toEqual([]);
    },
  );
});
