/**
 * The Playground in chromium through real input, at 360×640 (touch) and 1366×768: open it from
 * the menu, paste a program, run it, step into a call (its frame appears) and out again (it
 * disappears), back, through a gc.collect() phase by phase, read the console and a refcount, and
 * reopen the same program and step from a shared link. A program outside what the interpreter
 * runs is refused at its line in the interpreter's words; a broken link says so.
 *
 * The program is the tutorial's Node cycle written in the campaign engine's puzzle subset (no
 * `__init__`, no f-string): the teaching VM does not run programs yet, so the Playground records
 * on the campaign engine, and the tutorial's own version is the refusal case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extra, openGame, shot, startHarness, target, waitFor, waitScene } from './harness.ts';
import type { Harness } from './harness.ts';

const PROGRAM = `import gc, sys
gc.disable()


class Node:
    pass


def link(a, b):
    a.next = b
    b.next = a


x = Node()
y = Node()
link(x, y)
print(sys.getrefcount(x))
del x, y
print(gc.collect())
`;

interface Facts {
  step: number;
  line: number;
  event: string;
  frames: string[];
  objects: { id: number; name: string; rc: number }[];
  gcCaption: string | null;
}

const facts = async (page: Page): Promise<Facts> => (await extra(page)) as unknown as Facts;
const text = async (page: Page, sel: string): Promise<string> =>
  (await page.textContent(sel)) ?? '';

/** A real tap (touch phone) or click on a DOM element. */
async function press(page: Page, selector: string, touch: boolean): Promise<void> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  if (touch) await el.tap();
  else await el.click();
  await page.waitForTimeout(120);
}

async function pressTarget(page: Page, id: string, touch: boolean): Promise<void> {
  const r = await target(page, id);
  const [x, y] = [r.x + r.w / 2, r.y + Math.min(r.h / 2, 14)];
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  await page.waitForTimeout(150);
}

/** Step with a toolbar button until the current line is `line`. */
async function stepTo(page: Page, tool: string, line: number, touch: boolean): Promise<void> {
  for (let i = 0; i < 30 && (await facts(page)).line !== line; i++)
    await press(page, `#toolbar [data-tool="${tool}"]`, touch);
  expect((await facts(page)).line).toBe(line);
}

describe('the Playground', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    [360, 640],
    [1366, 768],
  ])(
    'steps a cycle program into a call and through gc.collect() at %ix%i',
    { timeout: 240_000 },
    async (w, hgt) => {
      const touch = w < 500;
      const tag = `playground-${w}x${hgt}`;
      const { page, errors } = await openGame(h, w, hgt);
      await pressTarget(page, 'button:playground', touch);
      await waitScene(page, 'Playground');

      // Paste the program over the example the editor opens with, then run it.
      await press(page, '#pg-editor', touch);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(PROGRAM);
      await shot(page, `${tag}-editor`);
      await press(page, '#pg-run', touch);
      await waitFor(page, `!!document.querySelector('#pg-code li.current')`);
      expect(await text(page, '#pg-where')).toBe('Step 1 of 14 · line 1');
      expect(await text(page, '#pg-line')).toBe('import gc, sys');

      // Into the call: link's frame appears, the current line is inside it.
      await stepTo(page, 'into', 16, touch);
      expect(await text(page, '#pg-line')).toBe('link(x, y)');
      await press(page, '#toolbar [data-tool="into"]', touch);
      let f = await facts(page);
      expect(f.frames).toEqual(['<module>', 'link']);
      expect(f.line).toBe(10);
      expect(await text(page, '#pg-code li.current')).toContain('a.next = b');
      expect(await text(page, '.pg-event')).toBe('call');
      const node1 = f.objects.find((o) => o.name === 'Node①')!;
      expect(node1.rc).toBe(2);
      await pressTarget(page, `node:${node1.id}`, touch);
      expect(await text(page, '#pg-notes')).toBe('Node①: rc 2 = x + link(): a');
      await shot(page, `${tag}-in-call`);

      // The body done (cycle made), then the return: the frame disappears; back brings it again.
      await press(page, '#toolbar [data-tool="into"]', touch);
      expect((await facts(page)).objects.map((o) => o.rc)).toEqual([3, 3]);
      await press(page, '#toolbar [data-tool="into"]', touch);
      f = await facts(page);
      expect(f.frames).toEqual(['<module>']);
      expect(f.line).toBe(17);
      expect(f.objects.map((o) => o.rc)).toEqual([2, 2]);
      await press(page, '#toolbar [data-tool="back"]', touch);
      expect((await facts(page)).frames).toEqual(['<module>', 'link']);
      await press(page, '#toolbar [data-tool="out"]', touch);
      expect((await facts(page)).frames).toEqual(['<module>']);
      expect(await text(page, '#pg-console')).toBe('');

      // The print, then del: the console shows CPython's 3; both nodes drop to rc 1.
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect(await text(page, '#pg-console')).toBe('3\n');
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect((await facts(page)).objects.map((o) => o.rc)).toEqual([1, 1]);

      // gc.collect(): the player opens on the heap before it and steps through the phases.
      await press(page, '#toolbar [data-tool="over"]', touch);
      f = await facts(page);
      expect(f.event).toBe('gc');
      expect(await page.isVisible('#gc-bar')).toBe(true);
      await press(page, '#gc-bar [data-tool="gcPlay"]', touch); // pause the autoplay
      for (let i = 0; i < 12 && !(await text(page, '#gc-caption')).startsWith('Step 1 of'); i++)
        await press(page, '#gc-bar [data-tool="gcBack"]', touch);
      const captions: string[] = [];
      for (let i = 0; i < 12; i++) {
        captions.push((await text(page, '#gc-caption')).replace(/^Step \d+ of \d+ · /, ''));
        if ((await text(page, '#gc-caption')).includes('returns')) break;
        await press(page, '#gc-bar [data-tool="gcStep"]', touch);
      }
      expect(captions[0]).toBe('Phase 1: copy each refcount into gc_refs.');
      expect(captions).toContain('Node① has gc_refs 0: tentatively unreachable.');
      expect(captions).toContain('Node① freed.');
      expect(captions.at(-1)).toBe('gc.collect() returns 2.');
      await shot(page, `${tag}-gc`);
      await press(page, '#gc-bar [data-tool="gcStep"]', touch);
      f = await facts(page);
      expect(f.event).toBe('end');
      expect(f.objects).toEqual([]);
      expect(await page.isVisible('#gc-bar')).toBe(false);
      expect(await text(page, '#pg-console')).toBe('3\n2\n');

      // A shared link reopens the same program at the same step.
      await stepTo(page, 'back', 16, touch);
      const url = await page.evaluate('location.href');
      const again = await h.browser.newPage({
        viewport: { width: w, height: hgt },
        hasTouch: touch,
      });
      await again.goto(String(url));
      await waitScene(again, 'Playground');
      await waitFor(again, `!!document.querySelector('#pg-code li.current')`);
      expect(await text(again, '#pg-line')).toBe('link(x, y)');
      expect((await facts(again)).step).toBe((await facts(page)).step);
      expect(await text(again, '#pg-code')).toContain('print(gc.collect())');
      await again.close();
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'refuses what it cannot run at the line, in the interpreter’s words, and says a link is broken',
    { timeout: 180_000 },
    async () => {
      const { page, errors } = await openGame(h, 1366, 768);
      await pressTarget(page, 'button:playground', false);
      await waitScene(page, 'Playground');
      await page.selectOption('#pg-examples', '31_node_pair_cycle');
      await press(page, '#pg-run', false);
      await waitFor(page, `!document.querySelector('#pg-error').hidden`);
      expect(await text(page, '#pg-error')).toContain(
        'unsupported: string prefix f; use plain quotes at line 21',
      );
      expect(await page.getAttribute('#pg-code li[data-line="21"]', 'class')).toContain('error');
      await shot(page, 'playground-refused');

      const broken = await h.browser.newPage({ viewport: { width: 360, height: 640 } });
      await broken.goto(`${h.server.url}#pg=1.3.not-a-real-program`);
      await waitScene(broken, 'Playground');
      await waitFor(broken, `!document.querySelector('#pg-error').hidden`);
      expect(await text(broken, '#pg-error')).toBe(
        'This link is broken or comes from another version of Heap Heroes, so its program cannot be opened.',
      );
      await shot(broken, 'playground-broken-link');
      await broken.close();
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
