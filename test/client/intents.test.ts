import { describe, expect, it } from 'vitest';
import { intentToAction } from '../../client/view/intents.ts';
import type { Intent } from '../../client/view/intents.ts';
import { layoutHeap } from '../../client/view/layout.ts';
import { statementFor } from '../../client/session/statements.ts';
import { campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import { startBoard } from '../../shared/puzzles/board.ts';

const state = startBoard(campaignPuzzle('holding-hands')!).engine;
const sources = Object.fromEntries(layoutHeap(state).sources.map((s) => [s.id, s]));
const idOf = (name: string): number => {
  const v = state.globals[name];
  if (v?.t !== 'ref') throw new Error(name);
  return v.id;
};
const say = (intent: Intent): string | null => {
  const action = intentToAction(state, intent);
  return action ? statementFor(state, action) : null;
};

describe('gestures as Python statements', () => {
  const a = idOf('a');
  const b = idOf('b');

  it('spells each gesture as the statement a student would type', () => {
    expect(say({ type: 'cut', source: sources['g:a']! })).toBe('del a');
    expect(say({ type: 'cut', source: sources[`o${a}:.next`]! })).toBe('del a.next');
    expect(say({ type: 'none', source: sources[`o${b}:.next`]! })).toBe('b.next = None');
    expect(say({ type: 'point', source: sources['g:a']!, target: a })).toBe('a = a');
    expect(say({ type: 'point', source: sources[`o${a}:.next`]!, target: a })).toBe('a.next = a');
    expect(say({ type: 'pointImmortal', source: sources['g:b']!, value: { t: 'int', v: 7 } })).toBe(
      'b = 7',
    );
    expect(say({ type: 'weakref', target: b })).toBe('w = weakref.ref(b)');
    expect(say({ type: 'bind', target: b })).toBe('x = b');
    expect(say({ type: 'new', kind: 'list', into: null })).toBe('l = []');
    expect(say({ type: 'new', kind: 'instance', cls: 'Node', into: sources[`o${a}:.next`]! })).toBe(
      'a.next = Node()',
    );
    expect(say({ type: 'collect' })).toBe('gc.collect()');
    expect(say({ type: 'toggleGc' })).toBe('gc.enable()');
  });

  it('refuses gestures Python could not spell', () => {
    const weakSource = { ...sources['g:a']!, place: null };
    expect(say({ type: 'cut', source: weakSource })).toBeNull();
  });
});
