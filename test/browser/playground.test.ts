/**
 * The Playground in chromium through real input, at 360×640 (touch) and 1366×768: open it from
 * the menu, paste the tutorial's seed program (a class with `__init__`, a cycle, `del`,
 * `gc.collect()`, an f-string), run it on the teaching VM, step into `__init__` (its frame
 * appears) and on (it disappears), back, out, over, through a gc.collect() phase by phase, read
 * the console and a refcount, and reopen the same program and step from a shared link. A program
 * outside what the VM runs is refused at its line in the VM's words; a broken link says so.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGame, shot, startHarness, waitFor, waitScene } from './harness.ts';
import type { Harness } from './harness.ts';
import { facts, press, pressTarget, stepTo, text } from './pgHelpers.ts';

const SEED = readFileSync('client/playground/examples/31_node_pair_cycle.py', 'utf8');
/** CPython 3.11.7's output for it (python3 client/playground/examples/31_node_pair_cycle.py). */
const SEED_OUTPUT =
  'node1 refcount: 3\nnode2 refcount: 3\nGarbage collector: collected 2 objects.\nsecond collection: 0\n';

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
    'steps the tutorial Node cycle into __init__ and through gc.collect() at %ix%i',
    { timeout: 420_000 },
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
      await page.keyboard.insertText(SEED);
      await shot(page, `${tag}-editor`);
      await press(page, '#pg-run', touch);
      await waitFor(page, `!!document.querySelector('#pg-code li.current')`);
      expect(await text(page, '#pg-where')).toBe('Step 1 of 27 · line 2');
      expect(await text(page, '#pg-line')).toBe('import gc, sys');

      // Into the call: __init__'s frame appears, the current line is its def.
      await stepTo(page, 'into', 13, touch);
      expect(await text(page, '#pg-line')).toBe('node1 = Node(1)');
      await press(page, '#toolbar [data-tool="into"]', touch);
      let f = await facts(page);
      expect(f.frames).toEqual(['<module>', '__init__']);
      expect(f.line).toBe(8);
      expect(await text(page, '#pg-code li.current')).toContain('def __init__(self, value):');
      expect(await text(page, '.pg-event')).toBe('call');
      const node1 = f.objects.find((o) => o.name === 'Node①')!;
      expect(node1.rc).toBe(2);
      await pressTarget(page, `node:${node1.id}`, touch);
      expect(await text(page, '#pg-notes')).toBe(
        'Node①: rc 2 = __init__(): self + 1 more reference the picture does not draw (kept by the interpreter itself)',
      );
      await shot(page, `${tag}-in-call`);

      // Through the body to the return, then the frame disappears; back brings it, out leaves it.
      for (const line of [9, 10, 10]) {
        await press(page, '#toolbar [data-tool="into"]', touch);
        expect((await facts(page)).line).toBe(line);
      }
      expect((await facts(page)).event).toBe('return');
      await press(page, '#toolbar [data-tool="into"]', touch);
      f = await facts(page);
      expect(f.frames).toEqual(['<module>']);
      expect(f.line).toBe(14);
      expect(f.objects.find((o) => o.name === 'Node①')!.rc).toBe(1);
      await press(page, '#toolbar [data-tool="back"]', touch);
      expect((await facts(page)).frames).toEqual(['<module>', '__init__']);
      await press(page, '#toolbar [data-tool="out"]', touch);
      expect((await facts(page)).frames).toEqual(['<module>']);
      expect((await facts(page)).line).toBe(14);

      // Over the second call; the prints fill the console with CPython's numbers.
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect((await facts(page)).line).toBe(15);
      expect((await facts(page)).frames).toEqual(['<module>']);
      expect(await text(page, '#pg-console')).toBe('');
      await stepTo(page, 'over', 17, touch);
      // The line prints a refcount: the picture says where each reference comes from.
      expect(await text(page, '#pg-notes')).toContain(
        'sys.getrefcount(node1) prints 3 = node1 + Node②.next + getrefcount’s own argument.',
      );
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect(await text(page, '#pg-printed')).toBe('» node1 refcount: 3');
      await stepTo(page, 'over', 19, touch);
      expect(await text(page, '#pg-console')).toBe('node1 refcount: 3\nnode2 refcount: 3\n');
      await press(page, '#toolbar [data-tool="over"]', touch);
      const nodes = (await facts(page)).objects.filter((o) => o.name.startsWith('Node'));
      expect(nodes.map((o) => `${o.name} ${o.rc}`)).toEqual(['Node① 1', 'Node② 1']);

      // gc.collect(): the player opens on the heap before it and steps through the phases.
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect((await facts(page)).event).toBe('gc');
      expect(await page.isVisible('#gc-bar')).toBe(true);
      await press(page, '#gc-bar [data-tool="gcPlay"]', touch); // pause the autoplay
      for (let i = 0; i < 12 && !(await text(page, '#gc-caption')).startsWith('Step 1 of'); i++)
        await press(page, '#gc-bar [data-tool="gcBack"]', touch);
      // Every phase, with the gc_refs badges the collector had (by display name).
      const captions: string[] = [];
      const badges: string[] = [];
      for (let i = 0; i < 30; i++) {
        captions.push((await text(page, '#gc-caption')).replace(/^Step \d+ of \d+ · /, ''));
        const refs = (await facts(page)).gcRefs ?? {};
        badges.push(['Node①', 'Node②', 'class Node'].map((n) => refs[n]).join(' '));
        if (i === 9) await shot(page, `${tag}-gc-tentative`);
        if ((await text(page, '#gc-caption')).includes('returns')) break;
        await press(page, '#gc-bar [data-tool="gcStep"]', touch);
      }
      expect(captions).toEqual([
        'Phase 1: copy each refcount into gc_refs.',
        'Phase 2: references from objects the picture leaves out (the module’s globals dict, a class’s own dict and MRO) are inside the group too: class Node 6 − 4 = 2, __init__() 1 − 1 = 0.',
        'Phase 2: Node① → Node② is inside the group, so Node②’s gc_refs drops to 0.',
        'Phase 2: Node① → class Node is inside the group, so class Node’s gc_refs drops to 1.',
        'Phase 2: Node② → Node① is inside the group, so Node①’s gc_refs drops to 0.',
        'Phase 2: Node② → class Node is inside the group, so class Node’s gc_refs drops to 0.',
        '__init__() has gc_refs 0: tentatively unreachable.',
        'class Node is reachable: an object already found reachable refers to it, which raised its gc_refs from 0 to 1.',
        'Node① has gc_refs 0: tentatively unreachable.',
        'Node② has gc_refs 0: tentatively unreachable.',
        '__init__() is rescued: something reachable that the picture leaves out (a class’s dict, a module’s globals) refers to it.',
        'Freeing the garbage: CPython holds each object with one extra reference (an INCREF) while it clears the arrows inside the group, so a refcount may briefly read one more than the card. Then every refcount falls to 0.',
        'Node① freed.',
        'Node② freed.',
        'gc.collect() returns 2.',
      ]);
      expect(badges.slice(0, 10)).toEqual([
        '1 1 6',
        '1 1 2',
        '1 0 2',
        '1 0 1',
        '0 0 1',
        '0 0 0',
        '0 0 0',
        '0 0 1',
        '0 0 1',
        '0 0 1',
      ]);
      await shot(page, `${tag}-gc`);
      await press(page, '#gc-bar [data-tool="gcStep"]', touch);
      f = await facts(page);
      expect(f.line).toBe(21);
      expect(f.objects.map((o) => o.name)).toEqual(['__init__()', 'class Node']);
      expect(await page.isVisible('#gc-bar')).toBe(false);
      await press(page, '#toolbar [data-tool="over"]', touch);
      expect(await text(page, '#pg-console')).toContain(
        'Garbage collector: collected 2 objects.\n',
      );
      await press(page, '#toolbar [data-tool="end"]', touch);
      expect((await facts(page)).event).toBe('end');
      expect(await text(page, '#pg-console')).toBe(SEED_OUTPUT);
      await shot(page, `${tag}-end`);

      // A shared link reopens the same program at the same step.
      await press(page, '#toolbar [data-tool="start"]', touch);
      await stepTo(page, 'into', 13, touch);
      const url = await page.evaluate('location.href');
      const again = await h.browser.newPage({
        viewport: { width: w, height: hgt },
        hasTouch: touch,
      });
      await again.goto(String(url));
      await waitScene(again, 'Playground');
      await waitFor(again, `!!document.querySelector('#pg-code li.current')`);
      expect(await text(again, '#pg-line')).toBe('node1 = Node(1)');
      expect((await facts(again)).step).toBe((await facts(page)).step);
      expect(await text(again, '#pg-code')).toContain('print("second collection:", gc.collect())');
      await again.close();
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it(
    'refuses what the VM cannot run at the line, stops an endless loop, and says a link is broken',
    { timeout: 240_000 },
    async () => {
      const { page, errors } = await openGame(h, 1366, 768);
      await pressTarget(page, 'button:playground', false);
      await waitScene(page, 'Playground');
      await press(page, '#pg-editor', false);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('x = 1\nimport os\nprint(x)\n');
      await press(page, '#pg-run', false);
      await waitFor(page, `!document.querySelector('#pg-error').hidden`);
      expect(await text(page, '#pg-error')).toBe("unsupported: import of module 'os' at line 2\n");
      expect(await text(page, '#pg-problem')).toBe("unsupported: import of module 'os' at line 2");
      expect(await page.getAttribute('#pg-code li[data-line="2"]', 'class')).toContain('error');
      expect(await text(page, '#pg-console')).toBe('');
      await shot(page, 'playground-refused');

      // An endless loop runs in the recorder's worker: the page stays alive, and after the time
      // limit the run is stopped and the editor says why.
      await press(page, '#toolbar [data-tool="edit"]', false);
      await press(page, '#pg-editor', false);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('n = 0\nwhile True:\n    n += 1\n');
      await press(page, '#pg-run', false);
      expect(await text(page, '#pg-run')).toBe('Running your program…');
      await waitFor(page, `!document.querySelector('#pg-error').hidden`, 60_000);
      expect(await text(page, '#pg-error')).toBe(
        'The program was still running after 20 seconds, so it was stopped (an endless loop?).',
      );
      expect(await page.inputValue('#pg-editor')).toBe('n = 0\nwhile True:\n    n += 1\n');

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
