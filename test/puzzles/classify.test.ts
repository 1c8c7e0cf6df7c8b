import { describe, expect, it } from 'vitest';
import { classifyMove } from '../../shared/puzzles/classify.ts';

const defs = { functions: ['make', 'link'], classes: ['Node', 'Slot'] };
const kindOf = (s: string): string => {
  const c = classifyMove(s, defs);
  return c.ok ? c.kind : c.code;
};

describe('classifyMove', () => {
  it.each([
    ['x = []', 'newObject'],
    ['x = {}', 'newObject'],
    ['x = Node()', 'newObject'],
    ['x = [a, b]', 'newObject'],
    ["d = {'k': a}", 'newObject'],
    ['x = y', 'createRef'],
    ['a.next = b', 'createRef'],
    ['a.append(b)', 'createRef'],
    ["d['k'] = b", 'createRef'],
    ['a[0] = b', 'createRef'],
    ['x = a.next', 'createRef'],
    ['x = 7', 'createRef'],
    ['del a.next', 'deleteRef'],
    ['del a[0]', 'deleteRef'],
    ["del d['k']", 'deleteRef'],
    ['a.pop()', 'deleteRef'],
    ['x = a.pop()', 'deleteRef'],
    ['a.clear()', 'deleteRef'],
    ['del x', 'delName'],
    ['x = None', 'rebindNone'],
    ['a.next = None', 'rebindNone'],
    ['a[1] = None', 'rebindNone'],
    ['w = weakref.ref(x)', 'weakref'],
    ['x = w()', 'weakref'],
    ['make()', 'call'],
    ['link(a, b)', 'call'],
    ['x = make()', 'call'],
    ['gc.collect()', 'collect'],
    ['print(gc.collect())', 'collect'],
    ['gc.enable()', 'toggleGc'],
    ['gc.disable()', 'toggleGc'],
  ])('%s is %s', (stmt, kind) => {
    expect(kindOf(stmt)).toBe(kind);
  });

  it.each([
    ['del a, b', 'move/unsupported'],
    ['print(a is b)', 'move/unsupported'],
    ['gc.set_threshold(1, 1, 1)', 'move/unsupported'],
    ['a.next.next = None', 'move/unsupported'],
    ['x = 1; y = 2', 'move/unsupported'],
    ['nope(a)', 'move/unsupported'],
    ['x = Node(a)', 'move/unsupported'],
  ])('%s is not a move', (stmt, code) => {
    expect(kindOf(stmt)).toBe(code);
  });
});
