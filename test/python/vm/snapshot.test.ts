/**
 * The Playground's recorded runs (shared/python/vm/snapshot.ts, trace.ts): one snapshot per step
 * with CPython's refcounts, frames appearing and leaving, rc deltas, the collector's phases on a
 * gc step, stepping into / over / out, the step cap, and errors in CPython's words.
 */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../shared/python/vm/snapshot.ts';
import {
  finishStep,
  referrersOf,
  stepInto,
  stepOut,
  stepOver,
} from '../../../shared/python/vm/snapshot.ts';
import { recordTrace } from '../../../shared/python/vm/trace.ts';

const CYCLE = `import gc, sys
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

const summary = (tr: Trace): string[] =>
  tr.steps.map(
    (s) =>
      `${s.event} ${s.line} ${s.frames.map((f) => f.fn ?? '<module>').join('>')} ` +
      Object.values(s.objects)
        .map((o) => `${o.label}${o.id}:${o.rc}`)
        .join(','),
  );

describe('recordTrace', () => {
  it('records a step per line, the call and its return, and the collection', () => {
    const tr = recordTrace(CYCLE);
    expect(tr.error).toBeNull();
    expect(tr.capped).toBe(false);
    expect(summary(tr)).toEqual([
      'line 1 <module> ',
      'line 2 <module> ',
      'line 5 <module> ',
      'line 9 <module> ',
      'line 14 <module> ',
      'line 15 <module> Node1:1',
      'line 16 <module> Node1:1,Node2:1',
      'call 10 <module>>link Node1:2,Node2:2',
      'return 11 <module>>link Node1:3,Node2:3',
      'line 17 <module> Node1:2,Node2:2',
      'line 18 <module> Node1:2,Node2:2',
      'line 19 <module> Node1:1,Node2:1',
      'gc 19 <module> Node1:1,Node2:1',
      'end 0 <module> ',
    ]);
    const call = tr.steps[7]!;
    expect(call.frames[1]).toEqual({
      fn: 'link',
      line: 10,
      locals: [
        ['a', { t: 'obj', id: 1 }],
        ['b', { t: 'obj', id: 2 }],
      ],
    });
    expect(call.frames[0]!.line).toBe(16);
    expect(call.rcDelta).toEqual({ 1: 1, 2: 1 });
    expect(tr.steps[9]!.rcDelta).toEqual({ 1: -1, 2: -1 });
    expect(tr.steps[5]!.born).toEqual([1]);
    expect(tr.steps[13]!.freed).toEqual([1, 2]);
    expect(tr.steps[10]!.stdout).toBe('3\n');
    expect(tr.steps[13]!.stdout).toBe('3\n2\n');
    const gc = tr.steps[12]!.gc!;
    expect(gc.result).toBe(2);
    expect(gc.freed).toEqual([2, 1]);
    expect(tr.steps[12]!.objects[1]!.edges).toEqual([{ label: '.next', to: { t: 'obj', id: 2 } }]);
  });

  it('steps into, over and out of a call', () => {
    const tr = recordTrace(CYCLE);
    expect(stepInto(tr, 6)).toBe(7);
    expect(stepOver(tr, 6)).toBe(9);
    expect(stepOut(tr, 7)).toBe(9);
    expect(stepOver(tr, 7)).toBe(8);
    expect(stepInto(tr, 13)).toBe(13);
    expect(stepOut(tr, 3)).toBe(13);
  });

  it('says where the references it can see come from, and how many it cannot', () => {
    const tr = recordTrace(CYCLE);
    expect(referrersOf(tr.steps[8]!, 1)).toEqual({
      seen: [
        { from: 'name', fn: null, name: 'x' },
        { from: 'name', fn: 'link', name: 'a' },
        { from: 'object', id: 2, label: '.next' },
      ],
      hidden: 0,
    });
    const pretend = { ...tr.steps[9]!, objects: { 1: { ...tr.steps[9]!.objects[1]!, rc: 4 } } };
    expect(referrersOf(pretend, 1).hidden).toBe(3);
  });

  it('stops at the step cap and says so', () => {
    const tr = recordTrace(CYCLE, 5);
    expect(tr.steps).toHaveLength(5);
    expect(tr.capped).toBe(true);
  });

  it('refuses a program outside the subset before running it, at its line', () => {
    const tr = recordTrace('x = []\nprint(f"{x}")\n');
    expect(tr.steps.map((s) => s.event)).toEqual(['exception']);
    expect(tr.error?.line).toBe(2);
    expect(tr.error?.text).toContain('unsupported: string prefix f; use plain quotes at line 2');
  });

  it('keeps what ran before a run-time error and ends on it, in CPython’s words', () => {
    const tr = recordTrace('import sys\na = []\nprint(sys.getrefcount(a))\nb = a[3]\n');
    expect(tr.steps.map((s) => `${s.event} ${s.line}`)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      'line 4',
      'exception 4',
    ]);
    expect(tr.steps.at(-1)!.stdout).toBe('2\n');
    expect(tr.error).toEqual({
      line: 4,
      text:
        'Traceback (most recent call last):\n  File "playground.py", line 4, in <module>\n' +
        '    b = a[3]\nIndexError: list index out of range\n',
    });
  });

  it('compares a step with the one before it', () => {
    const obj = (id: number, rc: number) => ({
      id,
      type: 'list',
      label: 'list',
      rc,
      tracked: true,
      edges: [],
    });
    const base = { event: 'line' as const, line: 1, frames: [], stdout: '', gc: null };
    const a = finishStep(null, { ...base, objects: { 1: obj(1, 1), 2: obj(2, 1) } });
    const b = finishStep(a, { ...base, objects: { 2: obj(2, 3), 3: obj(3, 1) } });
    expect(a.born).toEqual([1, 2]);
    expect(b).toMatchObject({ rcDelta: { 2: 2 }, born: [3], freed: [1] });
  });
});
