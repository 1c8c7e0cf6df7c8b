import { describe, expect, it } from 'vitest';
import { highlightPython, solutionScript } from '../../client/ui/highlight.ts';
import { openLocalSession } from '../../client/session/catalog.ts';

describe('highlightPython', () => {
  it('classifies keywords, calls, strings, numbers and comments', () => {
    expect(highlightPython("del a.next  # cut\nw = weakref.ref(b)\nd['k'] = None\nx = 42")).toEqual(
      [
        { cls: 'kw', text: 'del' },
        { cls: 'plain', text: ' a.next  ' },
        { cls: 'comment', text: '# cut' },
        { cls: 'plain', text: '\nw = weakref.' },
        { cls: 'fn', text: 'ref' },
        { cls: 'plain', text: '(b)\nd[' },
        { cls: 'str', text: "'k'" },
        { cls: 'plain', text: '] = ' },
        { cls: 'kw', text: 'None' },
        { cls: 'plain', text: '\nx = ' },
        { cls: 'num', text: '42' },
      ],
    );
  });

  it('keeps every character of the source', () => {
    const src = "a = [1, 'x<y>&', None]  # <b>not html</b>";
    expect(
      highlightPython(src)
        .map((t) => t.text)
        .join(''),
    ).toBe(src);
  });
});

describe('solutionScript', () => {
  it('is the header, the setup program, then the moves', () => {
    expect(
      solutionScript('# Heap Heroes — One', 'import gc\ngc.disable()\nbox = []\n', ['del box']),
    ).toBe(
      '# Heap Heroes — One\nimport gc\ngc.disable()\nbox = []\n\n# --- your moves ---\ndel box\n',
    );
  });

  it('prints what gc.collect() returned and each named object’s refcount, as CPython shows them', async () => {
    const s = openLocalSession('holding-hands')!;
    await s.submit('del a');
    const script = solutionScript(
      '# t',
      s.setupProgram(),
      [...s.snapshot().board.moves, 'gc.collect()'],
      ['b'],
    );
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync('python3', ['-c', script], { encoding: 'utf8' });
    // b's Node is held by b and by a's .next: rc 2 in the game; the pair is alive, so 0 collected.
    expect(out).toBe('gc.collect() returned 0\nb: rc 2\n');
  });
});
