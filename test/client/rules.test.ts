import { describe, expect, it } from 'vitest';
import { setLang } from '../../client/i18n/index.ts';
import { brokenForGood, rulesText } from '../../client/ui/rules.ts';
import { openLocalSession } from '../../client/session/catalog.ts';

describe('rules up front', () => {
  it('states what is allowed and what is locked, in both languages', () => {
    setLang('en');
    expect(rulesText(['delName', 'collect'])).toEqual([
      'Allowed here: del name · gc.collect()',
      'Locked here: new objects (x = []) · new arrows (a = b, a.append(b)) · taking arrows out of objects (del a.next, a.clear()) · x = None · weak references (weakref.ref(x)) · calling functions (f(a)) · gc.enable() / gc.disable()',
    ]);
    setLang('id');
    expect(rulesText(['delName'])[0]).toBe('Boleh di sini: del nama');
    setLang('en');
  });

  it('sees that del a loses “keep a alive” for good in cut-the-attribute', async () => {
    const s = openLocalSession('cut-the-attribute')!;
    const before = s.snapshot().goal;
    const r = await s.submit('del a');
    expect(r.ok).toBe(true);
    expect(brokenForGood(before, s.snapshot().goal)).toEqual(['alive(a)']);
  });

  it('does not cry wolf when a cycle stays alive after its name goes (exactly-two: del s)', async () => {
    const s = openLocalSession('exactly-two')!;
    const before = s.snapshot().goal;
    expect((await s.submit('del s')).ok).toBe(true);
    expect(brokenForGood(before, s.snapshot().goal)).toEqual([]);
  });

  it('reports only clauses that were met and can never be met again', () => {
    const met = (id: string, m: boolean): { id: string; met: boolean } => ({ id, met: m });
    expect(
      brokenForGood(
        {
          done: false,
          clauses: [met('alive(a)', true), met('freed(b)', true), met('collectReturned(2)', false)],
        },
        {
          done: false,
          clauses: [
            met('alive(a)', false),
            met('freed(b)', false),
            met('collectReturned(2)', false),
          ],
        },
      ),
    ).toEqual(['alive(a)']);
  });
});
