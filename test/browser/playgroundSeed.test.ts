/**
 * The seed example end to end in the Playground, at 360×640 (touch, device pixel ratio 2)
 * and 1366×768: `x = "Hello"` with `sys.getrefcount(x)` and where each reference comes from, a
 * `class Person` with `__init__` (the class card holds its method; stepping into the call shows
 * its frame, back and out), and the Node cycle with `__init__`, `del`, `gc.collect()` played
 * phase by phase with gc_refs, then the f-string print. On the phone: every button ≥ 44 px, the
 * canvas drawn at the device's pixels, the card the gc player talks about in view and uncovered,
 * and a drag pans the picture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startHarness, target, waitFor, waitScene } from './harness.ts';
import type { Harness } from './harness.ts';
import { facts, press, pressTarget, stepTo, text } from './pgHelpers.ts';

const SEED = `import gc, sys

x = "Hello"
print(sys.getrefcount(x))


class Person:
    def __init__(self, name):
        self.name = name


p = Person("Ada")
print(sys.getrefcount(p))


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


a = Node(1)
b = Node(2)
a.next = b
b.next = a
del a, b
collected = gc.collect()
print(f"Garbage collector: collected {collected} objects.")
`;
/** python3 (CPython 3.11.7) prints this for SEED. */
const OUTPUT = '4\n2\nGarbage collector: collected 2 objects.\n';

type Box = { x: number; y: number; w: number; h: number };
async function box(page: Page, sel: string): Promise<Box | null> {
  const r = await page.locator(sel).first().boundingBox();
  return r && { x: r.x, y: r.y, w: r.width, h: r.height };
}
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Buttons on screen smaller than 44×44 CSS px (label: size). */
async function smallButtons(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const b of await page.locator('#toolbar button, #gc-bar button').all()) {
    if (!(await b.isVisible())) continue;
    const r = (await b.boundingBox())!;
    if (r.width < 44 || r.height < 44)
      out.push(
        `${await b.getAttribute('aria-label')}: ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
      );
  }
  return out;
}

describe('the Playground plays the issue’s seed example', () => {
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
  ])('end to end at %ix%i', { timeout: 420_000 }, async (w, hgt) => {
    const touch = w < 500;
    const tag = `pg-seed-${w}x${hgt}`;
    const page = await h.browser.newPage({
      viewport: { width: w, height: hgt },
      hasTouch: touch,
      deviceScaleFactor: touch ? 2 : 1,
    });
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(h.server.url);
    await waitScene(page, 'Menu');
    await pressTarget(page, 'button:playground', touch);
    await waitScene(page, 'Playground');
    await press(page, '#pg-editor', touch);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(SEED);
    await press(page, '#pg-run', touch);
    await waitFor(page, `!!document.querySelector('#pg-code li.current')`);
    expect(await smallButtons(page)).toEqual([]);
    // Crisp text: the canvas has a device pixel for every screen pixel.
    const pixels = (await page.evaluate(
      `(() => { const c = document.querySelector('#game canvas'); return [c.width, c.getBoundingClientRect().width, devicePixelRatio]; })()`,
    )) as [number, number, number];
    expect(pixels[0]).toBe(Math.round(pixels[1] * pixels[2]));

    // x = "Hello": the printed 4, reference by reference.
    await stepTo(page, 'over', 4, touch);
    // Over the picture, where a phone sees it without scrolling.
    expect(await text(page, '#pg-why')).toBe(
      'sys.getrefcount(x) prints 4 = x + a constant in <module>’s code + the parser’s AST arena (it keeps the literal until the module finishes) + getrefcount’s own argument.',
    );
    expect(await page.isVisible('#pg-why')).toBe(true);
    await shot(page, `${tag}-hello`);
    await press(page, '#toolbar [data-tool="over"]', touch);
    expect(await text(page, '#pg-console')).toBe('4\n');

    // class Person: the class card holds its method; into the call, back, into, out.
    await stepTo(page, 'over', 12, touch);
    let f = await facts(page);
    expect(f.objects.find((o) => o.name === 'class Person')!.edges).toEqual([
      '.__init__ → __init__()',
    ]);
    await press(page, '#toolbar [data-tool="into"]', touch);
    f = await facts(page);
    expect(f.frames).toEqual(['<module>', '__init__']);
    expect(await text(page, '.pg-event')).toBe('call');
    const ada = f.objects.find((o) => o.name === 'Person①')!;
    expect(ada.edges).toEqual(['__class__ → class Person']);
    await shot(page, `${tag}-person-call`);
    await press(page, '#toolbar [data-tool="back"]', touch);
    expect((await facts(page)).frames).toEqual(['<module>']);
    for (const line of [8, 9, 9]) {
      await press(page, '#toolbar [data-tool="into"]', touch);
      expect((await facts(page)).line).toBe(line);
    }
    f = await facts(page);
    expect(f.event).toBe('return');
    expect(f.objects.find((o) => o.name === 'Person①')!.edges).toEqual([
      ".name → 'Ada'",
      '__class__ → class Person',
    ]);
    await press(page, '#toolbar [data-tool="out"]', touch);
    f = await facts(page);
    expect([f.frames, f.line]).toEqual([['<module>'], 13]);
    expect(await text(page, '#pg-notes')).toContain(
      'sys.getrefcount(p) prints 2 = p + getrefcount’s own argument.',
    );

    // The Node cycle: del, then gc.collect() in the player, phase by phase.
    await stepTo(page, 'over', 27, touch);
    await press(page, '#toolbar [data-tool="over"]', touch);
    expect((await facts(page)).event).toBe('gc');
    await press(page, '#gc-bar [data-tool="gcPlay"]', touch); // pause the autoplay
    for (let i = 0; i < 30 && !(await text(page, '#gc-caption')).startsWith('Step 1 of'); i++)
      await press(page, '#gc-bar [data-tool="gcBack"]', touch);
    expect(await smallButtons(page)).toEqual([]);
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const caption = (await text(page, '#gc-caption')).replace(/^Step \d+ of \d+ · /, '');
      seen.push(caption);
      if (caption === 'Node② has gc_refs 0: tentatively unreachable.') {
        f = await facts(page);
        expect(f.gcRefs).toMatchObject({ 'Node①': 0, 'Node②': 0 });
        // The card the caption is about is on screen, inside the picture, under nothing.
        const id = f.objects.find((o) => o.name === 'Node②')!.id;
        const card = await target(page, `node:${id}`);
        const game = (await box(page, '#game'))!;
        expect(card.y).toBeGreaterThanOrEqual(Math.max(0, game.y));
        expect(card.y + card.h).toBeLessThanOrEqual(game.y + game.h);
        expect(card.y + card.h).toBeLessThanOrEqual(hgt);
        for (const sel of ['#gc-bar', '#toolbar', '#pg-now'])
          expect(overlaps(card, (await box(page, sel))!)).toBe(false);
        await shot(page, `${tag}-gc-node2`);
      }
      if (caption.includes('returns')) break;
      await press(page, '#gc-bar [data-tool="gcStep"]', touch);
    }
    expect(seen).toContain('Node② has gc_refs 0: tentatively unreachable.');
    expect(seen).toContain(
      'Phase 2: Node① → Node② is inside the group, so Node②’s gc_refs drops to 0.',
    );
    expect(seen.at(-1)).toBe('gc.collect() returns 2.');
    await press(page, '#gc-bar [data-tool="gcStep"]', touch);
    expect((await facts(page)).objects.map((o) => o.name)).not.toContain('Node①');

    if (touch) {
      // A drag pans a picture taller than the screen; the card moves with the finger.
      const id = (await facts(page)).objects.find((o) => o.name === 'class Person')!.id;
      const game = (await box(page, '#game'))!;
      const before = await target(page, `node:${id}`);
      const [x, y] = [game.x + game.w / 2, game.y + game.h / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, y - 60, { steps: 6 });
      await page.mouse.up();
      const after = await target(page, `node:${id}`);
      expect(Math.round(before.y - after.y)).toBe(60);
    }

    await press(page, '#toolbar [data-tool="end"]', touch);
    expect(await text(page, '#pg-console')).toBe(OUTPUT);
    await shot(page, `${tag}-end`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
