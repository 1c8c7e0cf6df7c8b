/**
 * Runtime errors: CPython's exception type and message on the traceback's last line, exit
 * status 1, and everything printed before the error kept. Each case's expectation is checked
 * against python3 too when it is installed, so the table cannot drift from CPython.
 */
import { describe, expect, it } from 'vitest';
import { runPython } from '../../shared/python/index.ts';
import { hasPython3, lastLine, runCPythonBatch } from './helpers/cpython.ts';

const PRE =
  "import gc, sys, weakref\ngc.disable()\n\n\nclass Node:\n    pass\n\n\nclass Slot:\n    __slots__ = ('next', 'prev', '__weakref__')\n\n\nclass Bare:\n    __slots__ = ('a',)\n\n\ngc.collect()\n";

/** [body after the preamble, expected stdout, expected last stderr line] */
export const RUNTIME_CASES: [string, string, string][] = [
  ['print(1)\nprint(x)', '1\n', "NameError: name 'x' is not defined"],
  ['del x', '', "NameError: name 'x' is not defined"],
  [
    'def f():\n    print(t)\n    t = []\nf()',
    '',
    "UnboundLocalError: cannot access local variable 't' where it is not associated with a value",
  ],
  [
    'def f():\n    del t\n    t = []\nf()',
    '',
    "UnboundLocalError: cannot access local variable 't' where it is not associated with a value",
  ],
  ['def f():\n    return zz\nf()', '', "NameError: name 'zz' is not defined"],
  ['a = []\nprint(len(a))\nb = a[0]', '0\n', 'IndexError: list index out of range'],
  ['a = []\na[0] = a', '', 'IndexError: list assignment index out of range'],
  ['a = [None]\ndel a[1]', '', 'IndexError: list assignment index out of range'],
  ['a = []\na.pop()', '', 'IndexError: pop from empty list'],
  ['a = []\nb = a.pop()', '', 'IndexError: pop from empty list'],
  ["d = {}\nx = d['k']", '', "KeyError: 'k'"],
  ["d = {'x': None}\ndel d['k']", '', "KeyError: 'k'"],
  ['d = {}\nx = d[0]', '', 'KeyError: 0'],
  ['n = Node()\nx = n.next', '', "AttributeError: 'Node' object has no attribute 'next'"],
  ['n = Node()\ndel n.next', '', "AttributeError: 'Node' object has no attribute 'next'"],
  ['s = Slot()\nx = s.next', '', "AttributeError: 'Slot' object has no attribute 'next'"],
  ['s = Slot()\ndel s.next', '', 'AttributeError: next'],
  ['s = Slot()\ns.data = None', '', "AttributeError: 'Slot' object has no attribute 'data'"],
  ['a = []\na.next = a', '', "AttributeError: 'list' object has no attribute 'next'"],
  ['a = []\na.append = a', '', "AttributeError: 'list' object attribute 'append' is read-only"],
  ['x = None\ny = x.next', '', "AttributeError: 'NoneType' object has no attribute 'next'"],
  ['x = 5\nx.next = None', '', "AttributeError: 'int' object has no attribute 'next'"],
  ['d = {}\nd.append(d)', '', "AttributeError: 'dict' object has no attribute 'append'"],
  ['d = {}\nd.pop()', '', 'TypeError: pop expected at least 1 argument, got 0'],
  ['n = Node()\nn.append(n)', '', "AttributeError: 'Node' object has no attribute 'append'"],
  ['a = []\nw = weakref.ref(a)', '', "TypeError: cannot create weak reference to 'list' object"],
  ['d = {}\nw = weakref.ref(d)', '', "TypeError: cannot create weak reference to 'dict' object"],
  [
    'b = Bare()\nw = weakref.ref(b)',
    '',
    "TypeError: cannot create weak reference to 'Bare' object",
  ],
  [
    'x = None\nw = weakref.ref(x)',
    '',
    "TypeError: cannot create weak reference to 'NoneType' object",
  ],
  [
    'n = Node()\nw = weakref.ref(n)\nv = weakref.ref(w)',
    '',
    "TypeError: cannot create weak reference to 'weakref.ReferenceType' object",
  ],
  ['n = Node()\nx = n()', '', "TypeError: 'Node' object is not callable"],
  ['a = []\nx = a()', '', "TypeError: 'list' object is not callable"],
  ['n = Node()\nx = n[0]', '', "TypeError: 'Node' object is not subscriptable"],
  ['n = Node()\nn[0] = n', '', "TypeError: 'Node' object does not support item assignment"],
  ['n = Node()\ndel n[0]', '', "TypeError: 'Node' object doesn't support item deletion"],
  ["a = []\nx = a['k']", '', 'TypeError: list indices must be integers or slices, not str'],
  ['n = Node()\nprint(len(n))', '', "TypeError: object of type 'Node' has no len()"],
  ['x = Node(1)', '', 'TypeError: Node() takes no arguments'],
  ['def f(p):\n    pass\nf()', '', "TypeError: f() missing 1 required positional argument: 'p'"],
  [
    'def f(p, q, r):\n    pass\nf()',
    '',
    "TypeError: f() missing 3 required positional arguments: 'p', 'q', and 'r'",
  ],
  [
    'def f():\n    pass\nf(None)',
    '',
    'TypeError: f() takes 0 positional arguments but 1 was given',
  ],
  [
    'def f(p):\n    pass\nf(None, None)',
    '',
    'TypeError: f() takes 1 positional argument but 2 were given',
  ],
  ['a = []\na.append()', '', 'TypeError: list.append() takes exactly one argument (0 given)'],
  ['print(gc.collect(3))', '', 'ValueError: invalid generation'],
  ['f()\ndef f():\n    pass', '', "NameError: name 'f' is not defined"],
  [
    'x = []\nprint(sys.getrefcount(x))\ndef f(p):\n    print(sys.getrefcount(p))\n    q = p.missing\nf(x)',
    '2\n3\n',
    "AttributeError: 'list' object has no attribute 'missing'",
  ],
  ['a = Node()\na.next = f()', '', "NameError: name 'f' is not defined"],
  [
    'def f():\n    print(1)\n    return None\nzz.next = f()',
    '1\n',
    "NameError: name 'zz' is not defined",
  ],
];

/** Valid programs using the runner's extras beyond the oracle subset. [body, stdout] */
export const EXTRA_CASES: [string, string][] = [
  [
    'print(gc.get_threshold())\ngc.set_threshold(500)\nprint(gc.get_threshold())\ngc.set_threshold(1, 2, 3)\nprint(gc.get_threshold())',
    '(700, 10, 10)\n(500, 10, 10)\n(1, 2, 3)\n',
  ],
  [
    "b = [2]\na = [1, None, b]\na.append(a)\nprint(a)\ne = {}\nd = {'k': a, 'x': e}\nd['y'] = d\nprint(d)\nprint(len(a), len(d))",
    "[1, None, [2], [...]]\n{'k': [1, None, [2], [...]], 'x': {}, 'y': {...}}\n4 3\n",
  ],
  [
    "e = []\nd = {}\nprint(gc.is_tracked(d))\nd['k'] = 1\nprint(gc.is_tracked(d))\nd['x'] = []\nprint(gc.is_tracked(d))\ndel d['x']\nprint(gc.is_tracked(d))\ngc.collect()\nprint(gc.is_tracked(d), gc.is_tracked(None), gc.is_tracked(e))",
    'False\nFalse\nTrue\nTrue\nFalse False True\n',
  ],
  [
    'a = []\nb = a\nprint(a is b, a is not b, None is None, 7 is 7)\nprint(True, False, None, 42, -5)\nprint()',
    'True False True True\nTrue False None 42 -5\n\n',
  ],
  ['a = [None, None, None]\nx = a[-1]\na[-2] = a\ndel a[-3]\nprint(len(a), a[0] is a)', '2 True\n'],
  ["e = []\nx = {'k': None, 'k': e}\nprint(x)", "{'k': []}\n"],
  ['def f(p):\n    return p\n    print(1)\nx = f(3)\nprint(x)', '3\n'],
  [
    'def g(p):\n    print(sys.getrefcount(p))\ndef f(p):\n    g(p)\n    return None\na = []\nf(a)\nprint(sys.getrefcount(a))',
    '4\n2\n',
  ],
  ['a = []\na.append(a)\ndel a\nn = gc.collect()\nprint(n)', '1\n'],
  ['a = []\na.append(a)\ndel a\nprint(gc.collect(0), gc.collect(1), gc.collect())', '1 0 0\n'],
  [
    'n = Node()\nw = weakref.ref(n)\nprint(sys.getrefcount(w))\nx = w\nprint(sys.getrefcount(w))',
    '2\n3\n',
  ],
  // 35 instances exhaust Node's shared-key table: the third attribute name materializes __dict__s
  [
    `${Array.from({ length: 35 }, (_, i) => `n${i} = Node()`).join('\n')}\nn1.x = n2\nn2.y = n1\nn1.z = n1\ndel n1, n2\nprint(gc.collect())`,
    '4\n',
  ],
];

function check(src: string, stdout: string, last: string): void {
  const r = runPython(PRE + src, { filename: 'case.py' });
  expect(r.stdout).toBe(stdout);
  expect(lastLine(r.stderr)).toBe(last);
  expect(r.exitCode).toBe(last ? 1 : 0);
  if (last) expect(r.stderr.startsWith('Traceback (most recent call last):\n')).toBe(true);
}

describe("runtime errors print CPython's last traceback line", () => {
  it.each(RUNTIME_CASES)('%s', (src, stdout, last) => check(src, stdout, last));
});

describe('extras beyond the oracle subset', () => {
  it.each(EXTRA_CASES)('%s', (src, stdout) => check(src, stdout, ''));
});

describe('the tables agree with CPython', () => {
  it.skipIf(!hasPython3())('every case prints and raises what python3 does', () => {
    const cases: [string, string, string][] = [
      ...RUNTIME_CASES,
      ...EXTRA_CASES.map(([s, o]): [string, string, string] => [s, o, '']),
    ];
    const results = runCPythonBatch(cases.map(([src]) => PRE + src));
    cases.forEach(([src, stdout, last], i) => {
      expect({ src, stdout: results[i]?.stdout, last: results[i]?.error }).toEqual({
        src,
        stdout,
        last,
      });
    });
  });
});

it("shows the traceback of nested calls with each frame's line", () => {
  const r = runPython('def g():\n    x = missing\ndef f():\n    g()\nf()\n', {
    filename: 'nested.py',
  });
  expect(r.stderr).toBe(
    'Traceback (most recent call last):\n' +
      '  File "nested.py", line 5, in <module>\n    f()\n' +
      '  File "nested.py", line 4, in f\n    g()\n' +
      '  File "nested.py", line 2, in g\n    x = missing\n' +
      "NameError: name 'missing' is not defined\n",
  );
});

it('a module is a NameError until it is imported', () => {
  const r = runPython('import gc\nprint(gc.isenabled())\nprint(sys.getrefcount(nothing))\n');
  expect(r.stdout).toBe('True\n');
  expect(lastLine(r.stderr)).toBe("NameError: name 'sys' is not defined");
});
