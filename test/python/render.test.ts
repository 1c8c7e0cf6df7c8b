/**
 * Actions → Python: the code log names objects from the frames, and an exported log is a script
 * CPython runs with the output the engine predicts.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/engine/index.ts';
import { applyOrThrow, createState } from '../../shared/engine/index.ts';
import { exportProgram, renderLog, runPython } from '../../shared/python/index.ts';
import { generateScript } from './gen/script.ts';
import { hasPython3, runCPythonBatch } from './helpers/cpython.ts';

const PRE =
  "import gc, sys, weakref\ngc.disable()\nclass Node:\n    pass\nclass Slot:\n    __slots__ = ('next', 'prev', '__weakref__')\ngc.collect()\n";

/** Runs a script and renders its log; returns the module-level and body lines, indented. */
function codeLog(body: string): string[] {
  const r = runPython(PRE + body);
  expect(r.stderr).toBe('');
  return renderLog(createState(), r.actions).map(
    (l) => '    '.repeat(l.depth) + l.text + (l.target ? `  # -> ${l.target}` : ''),
  );
}

describe('renderAction / renderLog', () => {
  it('renders every statement kind as the Python it stands for', () => {
    const body = [
      'a = []',
      'b = Node()',
      'a.append(b)',
      'b.next = a',
      "d = {'k': a, 'x': None}",
      "d['y'] = 7",
      'c = a[0]',
      'del c',
      'w = weakref.ref(b)',
      'e = w()',
      'a[0] = None',
      'del a[0]',
      "del d['y']",
      'del b.next',
      'a.append(b)',
      'a.append(b)',
      'x = a.pop()',
      'a.pop()',
      'd.clear()',
      'gc.collect()',
      'gc.collect(0)',
      'gc.enable()',
      'gc.set_threshold(5, 10, 10)',
      'gc.disable()',
    ];
    const log = codeLog(`${body.join('\n')}\n`);
    expect(log.slice(0, 2)).toEqual(['gc.disable()', 'class Node:\n    pass']);
    // `c = a[0]` stores the Node, which has a name of its own: the renderer prefers the name
    expect(log.slice(4)).toEqual(body.map((l) => (l === 'c = a[0]' ? 'c = b' : l)));
  });

  it('names an object by the shortest path when no name holds it', () => {
    const log = codeLog(
      'a = []\nn = Node()\na.append(n)\ndel n\nm = Node()\na[0].next = m\ndel m\na[0].next.prev = a\nx = a[0].next.prev\n',
    );
    expect(log.slice(-4)).toEqual(['a[0].next = m', 'del m', 'a[0].next.prev = a', 'x = a']);
  });

  it('renders calls, bodies in the callee scope, returns and their targets', () => {
    const log = codeLog(
      'def f(p):\n    t = []\n    t.append(p)\n    return t\nn = Node()\nn.next = f(n)\nf(n)\n',
    );
    expect(log.slice(-9)).toEqual([
      'n = Node()',
      'f(n)',
      '    t = []',
      '    t.append(p)',
      '    return t  # -> n.next',
      'f(n)',
      '    t = []',
      '    t.append(p)',
      '    return t',
    ]);
  });

  it('does not name a global that a local of the running function shadows', () => {
    const log = codeLog('def f():\n    a = None\n    t = b\na = []\nb = a\nf()\nc = b\n');
    expect(log.slice(-5)).toEqual(['f()', '    a = None', '    t = b', '    return None', 'c = a']);
  });
});

describe('exportProgram', () => {
  it('refuses a start state with objects, a log ending inside a call, and unnameable objects', () => {
    const withObj = applyOrThrow(createState(), {
      type: 'new',
      object: { kind: 'list', items: [] },
      into: { kind: 'name', name: 'a', scope: 'frame' },
    }).state;
    expect(exportProgram(withObj, []).ok).toBe(false);
    const inCall: Action[] = [{ type: 'call', fn: 'f', params: [], locals: [], args: [] }];
    expect(exportProgram(createState(), inCall)).toEqual({
      ok: false,
      error: 'the log ends inside a call',
    });
  });

  it('exports defs before the call, shares identical bodies and renames different ones', () => {
    const r = runPython(
      `${PRE}def f(p):\n    t = p\n    return t\nn = Node()\nx = f(n)\ny = f(x)\n`,
    );
    const body = [
      { type: 'call', fn: 'f', params: ['p'], locals: ['t'], args: [{ t: 'none' }] },
      { type: 'return', value: { t: 'none' }, into: null },
    ] as Action[];
    const e = exportProgram(createState(), [...r.actions, ...body], { probe: true });
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    // t, p, n and x all name one object: the first name in co_varnames / globals order is used
    expect(e.value.source).toContain(
      'n = Node()\ndef f(p):\n    t = p\n    return p\nx = f(n)\ny = f(n)\ndef f_2(p):\n    return None\nf_2(None)\n',
    );
    expect(e.value.expected).toBe('0\n4\n4\n4\n');
  });

  it.skipIf(!hasPython3())(
    'exported logs of generated scripts print in CPython what the engine predicts',
    () => {
      const exported = Array.from({ length: 120 }, (_, i) => {
        const r = runPython(generateScript(70_000 + i, { errorEnding: 0 }));
        const e = exportProgram(createState(), r.actions, { probe: true });
        if (!e.ok) throw new Error(`seed ${70_000 + i}: ${e.error}`);
        return e.value;
      });
      const cpython = runCPythonBatch(exported.map((e) => e.source));
      const bad = exported.flatMap((e, i) =>
        cpython[i]?.stdout === e.expected && cpython[i]?.error === '' ? [] : [i],
      );
      expect(bad).toEqual([]);
    },
  );
});
