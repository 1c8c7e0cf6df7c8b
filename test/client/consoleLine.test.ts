import { describe, expect, it } from 'vitest';
import { setLang } from '../../client/i18n/index.ts';
import { consoleMessage, planConsoleLine, replOutput } from '../../client/ui/consoleLine.ts';
import { openLocalSession } from '../../client/session/catalog.ts';

const DEFS = { functions: ['pair'], classes: ['Node'] };

describe('the Python console', () => {
  it('plays moves and answers questions like the REPL', () => {
    expect(planConsoleLine(DEFS, 'del a')).toEqual({ kind: 'move' });
    expect(planConsoleLine(DEFS, 'pair()')).toEqual({ kind: 'move' });
    expect(planConsoleLine(DEFS, 'sys.getrefcount(a)')).toEqual({
      kind: 'inspect',
      statement: 'print(sys.getrefcount(a))',
      repl: true,
    });
    expect(planConsoleLine(DEFS, 'print(len(a))')).toEqual({
      kind: 'inspect',
      statement: 'print(len(a))',
      repl: false,
    });
    expect(planConsoleLine(DEFS, 'import os')).toEqual({ kind: 'move' });
    expect(replOutput(['None'])).toEqual([]);
    expect(replOutput(['3'])).toEqual(['3']);
  });

  it('answers sys.getrefcount(a) on a real level board without making a move', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const plan = planConsoleLine({ functions: [], classes: [] }, 'sys.getrefcount(box)');
    if (plan.kind !== 'inspect') throw new Error('expected a question');
    expect(await s.inspect(plan.statement)).toEqual({ ok: true, output: ['2'] });
    expect(s.snapshot().board.moves).toEqual([]);
  });

  it('words refusals in the player’s language without backticks', () => {
    const notAllowed = {
      code: 'move/not_allowed',
      message: '`del` is switched off in this level.',
    };
    setLang('id');
    expect(consoleMessage(DEFS, 'del a', notAllowed)).toBe(
      'del dimatikan di level ini. Cari cara lain, ya!',
    );
    const unknown = { code: 'move/unsupported', message: 'That is not a move this game knows. …' };
    expect(consoleMessage(DEFS, 'a + 1', unknown)).toMatch(/^Itu bukan langkah/);
    setLang('en');
    expect(consoleMessage(DEFS, 'del a', notAllowed)).toBe(
      'del is switched off in this level. Find another way!',
    );
  });
});
