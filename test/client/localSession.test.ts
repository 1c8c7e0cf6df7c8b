import { describe, expect, it } from 'vitest';
import { openLocalSession } from '../../client/session/catalog.ts';
import { setLang } from '../../client/i18n/index.ts';

describe('LocalSession', () => {
  it('plays level 1 to its goal, with undo, redo and reset', async () => {
    const s = openLocalSession('one-name-one-list')!;
    expect(s.puzzle.par).toBe(1);
    expect(s.snapshot().goal.done).toBe(false);
    const r = await s.submit('del box');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outcome.events.filter((e) => e.type === 'freed')).toHaveLength(1);
    expect(s.snapshot()).toMatchObject({ goal: { done: true }, canUndo: true, canRedo: false });
    expect(s.snapshot().board.moves).toEqual(['del box']);
    expect(await s.undo()).toBe(true);
    expect(s.snapshot()).toMatchObject({ goal: { done: false }, canUndo: false, canRedo: true });
    expect(await s.redo()).toBe(true);
    expect(s.snapshot().board.moves).toEqual(['del box']);
    await s.reset();
    expect(s.snapshot()).toMatchObject({ goal: { done: false }, canUndo: false, canRedo: false });
  });

  it('refuses a move after the goal, as the rooms and the verifier do', async () => {
    const s = openLocalSession('holding-hands')!;
    for (const move of ['del a', 'del b', 'gc.collect()']) await s.submit(move);
    expect(s.snapshot().goal.done).toBe(true);
    const r = await s.submit('gc.collect()');
    expect(r).toMatchObject({ ok: false, error: { code: 'board/solved' } });
    expect(s.snapshot().board.moves).toHaveLength(3);
  });

  it('rejects a move the level does not allow, in the player language, and changes nothing', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const before = s.snapshot().board;
    setLang('id');
    const r = await s.submit('box = None');
    setLang('en');
    expect(r).toMatchObject({ ok: false, error: { code: 'move/not_allowed' } });
    if (!r.ok) expect(r.error.message).toContain('None');
    expect(s.snapshot().board).toBe(before);
  });

  it('reports Python errors as Python does', async () => {
    const s = openLocalSession('one-name-one-list')!;
    const r = await s.submit('del nothing_here');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('python/NameError');
  });

  it('opens the three hint tiers in order, then no more', () => {
    const s = openLocalSession('one-name-one-list')!;
    expect([1, 2, 3].map(() => s.nextHint()?.tier)).toEqual([1, 2, 3]);
    expect(s.nextHint()).toBeNull();
    expect(s.snapshot().hintsUsed).toBe(3);
  });

  it('notifies listeners on every change', async () => {
    const s = openLocalSession('two-names-one-list')!;
    const seen: number[] = [];
    s.onChange((snap) => seen.push(snap.board.moves.length));
    await s.submit('del box');
    await s.submit('del also');
    await s.undo();
    expect(seen).toEqual([1, 2, 1]);
  });

  it('returns null for an unknown level', () => {
    expect(openLocalSession('no-such-level')).toBeNull();
  });
});
