import { beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../client/i18n/index.ts';
import { statementActions } from '../../client/session/puzzleQueries.ts';
import { callSteps } from '../../client/view/callSteps.ts';
import type { CallStep } from '../../client/view/callSteps.ts';
import { EMPTY_BOOK, displayName, nameObjects } from '../../client/view/names.ts';
import { campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import { startBoard } from '../../shared/puzzles/board.ts';

function stepsOf(level: string, statement: string) {
  const puzzle = campaignPuzzle(level)!;
  const before = startBoard(puzzle).engine;
  const book = nameObjects(EMPTY_BOOK, before);
  return callSteps(before, statementActions(puzzle, before, statement), book);
}

/** A step as one line: frames with their locals, every refcount, what it outlines and frees. */
function brief(s: CallStep, names: (id: number) => string): string {
  const frames = s.state.frames.map((f) => `${f.fn}(${Object.keys(f.locals).join(',')})`).join(' ');
  const rc = Object.values(s.state.objects)
    .map((o) => `${names(o.id)}:${o.rc}`)
    .join(' ');
  const object = s.object === null ? '-' : names(s.object);
  const freed = s.freed.map(names).join(',') || '-';
  return `${frames || '·'} | ${rc} | frame ${s.frame ?? '-'} | obj ${object} | freed ${freed}`;
}

describe('stepping a call', () => {
  beforeAll(() => setLang('en'));

  it('keep = make(): frame appears, locals bind, list① returns, the frame and list② vanish', () => {
    const r = stepsOf('return-to-sender', 'keep = make()')!;
    const name = (id: number): string => displayName(r.book, id);
    expect(r.steps.map((s) => brief(s, name))).toEqual([
      'make() |  | frame 0 | obj - | freed -',
      'make(t) | list①:1 | frame 0 | obj - | freed -',
      'make(t,u) | list①:2 list②:1 | frame 0 | obj - | freed -',
      'make(t,u) | list①:2 list②:1 | frame 0 | obj list① | freed -',
      '· | list①:1 | frame - | obj list① | freed list②',
    ]);
    expect(r.steps.map((s) => s.lines[0])).toEqual([
      'make() is called: a new frame appears on the Stack.',
      'In make():',
      'In make():',
      'make() returns list①: the caller gets it before the frame goes.',
      'The frame of make() vanishes: its locals let go.',
    ]);
    expect(r.steps[4]!.lines).toContain('list② freed: its refcount reached 0.');
    expect(r.steps[4]!.state.globals.keep).toEqual({ t: 'ref', id: 1 });
    expect(r.steps.every((s) => s.fn === 'make')).toBe(true);
  });

  it('pair(): the cycle is built inside the frame and outlives it with refcount 1 each', () => {
    const r = stepsOf('messy-helper', 'pair()')!;
    const name = (id: number): string => displayName(r.book, id);
    expect(r.steps.map((s) => brief(s, name))).toEqual([
      'pair() |  | frame 0 | obj - | freed -',
      'pair(p) | Node①:1 | frame 0 | obj - | freed -',
      'pair(p,q) | Node①:1 Node②:1 | frame 0 | obj - | freed -',
      'pair(p,q) | Node①:1 Node②:2 | frame 0 | obj - | freed -',
      'pair(p,q) | Node①:2 Node②:2 | frame 0 | obj - | freed -',
      'pair(p,q) | Node①:2 Node②:2 | frame 0 | obj - | freed -',
      '· | Node①:1 Node②:1 | frame - | obj - | freed -',
    ]);
    expect(r.steps[5]!.lines).toEqual([
      'pair() returns None: the caller gets it before the frame goes.',
    ]);
  });

  it('forget(big): the parameter is a second arrow to the argument while the frame lives', () => {
    const r = stepsOf('forgetful-function', 'forget(big)')!;
    const name = (id: number): string => displayName(r.book, id);
    expect(r.steps[0]!.lines).toEqual([
      'forget() is called: a new frame appears on the Stack with p = list①.',
      'list①’s refcount 1 → 2.',
    ]);
    expect(r.steps.map((s) => brief(s, name))).toEqual([
      'forget(p) | list①:2 | frame 0 | obj - | freed -',
      'forget() | list①:1 | frame 0 | obj - | freed -',
      'forget() | list①:1 | frame 0 | obj - | freed -',
      '· | list①:1 | frame - | obj - | freed -',
    ]);
  });

  it('names objects that live only inside the call (list② above), and nothing without a call', () => {
    expect(displayName(stepsOf('return-to-sender', 'keep = make()')!.book, 2)).toBe('list②');
    expect(stepsOf('forgetful-function', 'del big')).toBeNull();
  });
});
