/**
 * The Playground's recorded runs (shared/python/vm/snapshot.ts, trace.ts): one snapshot per step
 * with CPython's refcounts, frames appearing and leaving, rc deltas, the collector's phases on a
 * gc step, stepping into / over / out, the step cap, and errors in CPython's words.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../shared/python/vm/snapshot.ts';
import {
  finishStep,
  printedBy,
  referrersOf,
  stepInto,
  stepOut,
  stepOver,
} from '../../../shared/python/vm/snapshot.ts';
import { recordTrace } from '../../../shared/python/vm/trace.ts';
import { recordEngineTrace } from '../../../shared/python/vm/traceEngine.ts';

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

describe('recording on the campaign engine', () => {
  it('records a step per line, the call and its return, and the collection', () => {
    const tr = recordEngineTrace(CYCLE);
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
    expect(tr.steps.map((_, i) => printedBy(tr, i)).filter((p) => p !== '')).toEqual([
      '3\n',
      '2\n',
    ]);
    expect(printedBy(tr, 10)).toBe('3\n');
    const gc = tr.steps[12]!.gc!;
    expect(gc.result).toBe(2);
    expect(gc.freed).toEqual([2, 1]);
    expect(tr.steps[12]!.objects[1]!.edges).toEqual([{ label: '.next', to: { t: 'obj', id: 2 } }]);
  });

  it('steps into, over and out of a call', () => {
    const tr = recordEngineTrace(CYCLE);
    expect(stepInto(tr, 6)).toBe(7);
    expect(stepOver(tr, 6)).toBe(9);
    expect(stepOut(tr, 7)).toBe(9);
    expect(stepOver(tr, 7)).toBe(8);
    expect(stepInto(tr, 13)).toBe(13);
    expect(stepOut(tr, 3)).toBe(13);
  });

  it('says where the references it can see come from, and how many it cannot', () => {
    const tr = recordEngineTrace(CYCLE);
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
    const tr = recordEngineTrace(CYCLE, 5);
    expect(tr.steps).toHaveLength(5);
    expect(tr.capped).toBe(true);
  });

  it('refuses a program outside the subset before running it, at its line', () => {
    const tr = recordEngineTrace('x = []\nprint(f"{x}")\n');
    expect(tr.steps.map((s) => s.event)).toEqual(['exception']);
    expect(tr.error?.line).toBe(2);
    expect(tr.error?.text).toContain('unsupported: string prefix f; use plain quotes at line 2');
  });

  it('keeps what ran before a run-time error and ends on it, in CPython’s words', () => {
    const tr = recordEngineTrace('import sys\na = []\nprint(sys.getrefcount(a))\nb = a[3]\n');
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

/** The tutorial's seed example: `__init__`, a cycle, `del`, `gc.collect()`, an f-string. */
const SEED = readFileSync('client/playground/examples/31_node_pair_cycle.py', 'utf8');

describe('recording on the teaching VM', () => {
  it('steps the tutorial Node cycle line by line, into __init__ and through both collections', () => {
    const tr = recordTrace(SEED);
    expect(tr.engine).toBe('vm');
    expect(tr.error).toBeNull();
    expect(tr.steps.at(-1)!.stdout).toBe(
      'node1 refcount: 3\nnode2 refcount: 3\nGarbage collector: collected 2 objects.\nsecond collection: 0\n',
    );
    expect(tr.steps.map((s) => `${s.event} ${s.line}`)).toEqual([
      ...['line 2', 'line 4', 'line 7', 'call 7', 'line 8', 'return 8', 'line 13'],
      ...['call 8', 'line 9', 'line 10', 'return 10', 'line 14'],
      ...['call 8', 'line 9', 'line 10', 'return 10', 'line 15', 'line 16', 'line 17'],
      ...['line 18', 'line 19', 'line 20', 'gc 20', 'line 21', 'line 22', 'gc 22', 'end 22'],
    ]);
    const call = tr.steps[7]!;
    expect(call.frames.map((f) => [f.fn, f.locals.map(([n]) => n)])).toEqual([
      [null, ['Node']],
      ['__init__', ['self', 'value']],
    ]);
    const gc = tr.steps[22]!;
    const label = (id: number): string => gc.objects[id]!.label;
    expect(gc.gc!.result).toBe(2);
    // The method is held only by the class's dict (not drawn): 0 at first, rescued by the dict.
    expect(gc.gc!.moveUnreachable.map((m) => `${label(m.id)} ${m.step}`)).toEqual([
      '__init__() tentative',
      'class Node reachable',
      'Node tentative',
      'Node tentative',
      '__init__() rescued',
      '__init__() reachable',
    ]);
    expect(gc.gc!.freed.map(label)).toEqual(['Node', 'Node']);
    const nodes = Object.values(gc.objects).filter((o) => o.type === 'Node');
    expect(nodes.map((o) => [o.rc, o.edges.map((e) => e.label)])).toEqual([
      [1, ['.value', '.next', '__class__']],
      [1, ['.value', '.next', '__class__']],
    ]);
    expect(Object.values(tr.steps[23]!.objects).map((o) => o.label)).toEqual([
      '__init__()',
      'class Node',
    ]);
    expect(tr.steps[23]!.freed.sort()).toEqual(nodes.map((o) => o.id).sort());
  });

  it('counts a string constant of the code and the AST arena among the references it explains', () => {
    const tr = recordTrace('import sys\nmessage = "Hello"\nprint(sys.getrefcount(message))\n');
    const step = tr.steps.find((s) => s.line === 3)!;
    const hello = Object.values(step.objects).find((o) => o.label === "'Hello'")!;
    // CPython 3.11 prints 4: the name, co_consts, the parser's arena, getrefcount's argument.
    expect(tr.steps.at(-1)!.stdout).toBe('4\n');
    expect(referrersOf(step, hello.id)).toEqual({
      seen: [
        { from: 'name', fn: null, name: 'message' },
        { from: 'const', code: '<module>' },
        { from: 'arena' },
      ],
      hidden: 0,
    });
  });

  it('ends when the module returns; what shutdown prints (a finalizer at exit) joins the end', () => {
    const tr = recordTrace(
      'class R:\n    def __del__(self):\n        print("bye")\n\n\nr = R()\nprint("end")\n',
    );
    expect(tr.steps.map((s) => `${s.event} ${s.line}`).slice(-3)).toEqual([
      'line 6',
      'line 7',
      'end 7',
    ]);
    expect(tr.steps.at(-2)!.stdout).toBe('');
    expect(tr.steps.at(-1)!.stdout).toBe('end\nbye\n');
  });

  it('marks a step whose picture shows only part of a big heap', () => {
    const tr = recordTrace('xs = [[] for _ in range(30)]\nprint(len(xs))\n');
    const last = tr.steps.at(-1)!;
    expect(last.truncated).toBe(true);
    expect(
      Object.values(last.objects).find((o) => o.type === 'list' && o.edges.length > 0)!.edges,
    ).toHaveLength(24);
    expect(tr.steps[0]!.truncated).toBeUndefined();
  });

  it('refuses at the line in the VM’s words, keeping no step of a half run', () => {
    const tr = recordTrace('x = 1\nimport os\nprint(x)\n');
    expect(tr.steps.map((s) => s.event)).toEqual(['exception']);
    expect(tr.error).toEqual({ line: 2, text: "unsupported: import of module 'os' at line 2\n" });
  });

  it('ends on an uncaught exception with CPython’s traceback, pointing at the innermost line', () => {
    const tr = recordTrace('def f(a):\n    return a.b\n\nf(3)\n');
    expect(tr.steps.map((s) => `${s.event} ${s.line}`)).toEqual([
      'line 1',
      'line 4',
      'call 1',
      'line 2',
      'return 2',
      'exception 4',
    ]);
    expect(tr.error?.line).toBe(2);
    expect(tr.error?.text).toContain("AttributeError: 'int' object has no attribute 'b'\n");
  });
});
