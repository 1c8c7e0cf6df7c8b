/**
 * Compile-time rejections: syntax errors and constructs outside the subset are reported before
 * anything runs (nothing printed), naming the line; "unsupported" lists what is supported.
 * Run-time values the runner cannot model faithfully are "unsupported" too, after the output
 * printed so far.
 */
import { describe, expect, it } from 'vitest';
import { runPython, SUPPORTED_SUMMARY } from '../../shared/python/index.ts';
import { parseProgram } from '../../shared/python/parser.ts';

const PRE = 'import gc, sys, weakref\nclass Node:\n    pass\nprint(1)\n';
const LINE = 5; // the first line after PRE

/** [source after PRE, kind, a fragment of the message] */
const COMPILE_CASES: [string, string, string][] = [
  ['for x in y:\n    pass', 'unsupported', "'for' blocks"],
  ['if x:\n    pass', 'unsupported', "'if' blocks"],
  ['x = a + b', 'unsupported', "the '+' operator"],
  ['x = a == b', 'unsupported', "the '==' operator"],
  ['x = 1000', 'unsupported', 'the int 1000'],
  ["x = 'hi'", 'unsupported', 'strings as values'],
  ['x, y = a, b', 'unsupported', 'tuples'],
  ['x += 1', 'unsupported', "augmented assignment ('+=')"],
  ['import os', 'unsupported', 'import os'],
  ['from gc import collect', 'unsupported', "'from' statements"],
  ['def f():\n    def g():\n        pass', 'unsupported', "nested 'def' blocks"],
  ['x = Node()\nx.next = Node()\ny = [Node()]', 'unsupported', 'a call inside a larger expression'],
  ["print(1, sep='')", 'unsupported', 'keyword arguments'],
  ['x = []; y = []', 'unsupported', "several statements on one line (';')"],
  ['x = [\n]', 'unsupported', 'open bracket'],
  ['class C(Node):\n    pass', 'unsupported', 'base classes'],
  ['del Node', 'unsupported', "rebinding 'Node'"],
  ['gc = None', 'unsupported', "rebinding 'gc'"],
  ['print(gc.get_objects())', 'unsupported', 'gc.get_objects'],
  ['x = Node()\ny = x.__dict__', 'unsupported', 'dunder attributes'],
  ['x = lambda: 1', 'unsupported', "'lambda' expressions"],
  ['x = print', 'unsupported', "using 'print' as a value"],
  ['x = a if b else c', 'unsupported', "the 'if' operator"],
  ['x = a[1:2]', 'unsupported', 'slices'],
  ['print(a is b is c)', 'unsupported', 'chained comparisons at line 5'],
  ['x = [i for i in y]', 'unsupported', 'comprehensions at line 5'],
  ['x = +a', 'unsupported', "unary '+' at line 5"],
  ['@dec\ndef f():\n    pass', 'unsupported', 'decorators at line 5'],
  ["d = {'k' 'j': a}", 'unsupported', 'at line 5'],
  ["print('a' 'b')", 'unsupported', 'adjacent string literals at line 5'],
  ['while x:\n    pass', 'unsupported', "'while' blocks (no if, loops, try or with) at line 5"],
  ['print(f"{x}")', 'unsupported', 'string prefix f; use plain quotes at line 5'],
  ['x = [\n1 for i in y]', 'unsupported', 'at line 5'],
  ['x = a + b\ny = = 1', 'SyntaxError', 'invalid syntax'],
  ['print "hi"', 'SyntaxError', 'invalid syntax'],
  ['def f(:\n    pass', 'SyntaxError', 'invalid syntax'],
  ['x = (1,\ny = 2', 'SyntaxError', "'(' was never closed"],
  ['1 = x', 'SyntaxError', 'cannot assign to expression'],
  ['break', 'SyntaxError', "'break' outside loop"],
  ['f(a=1, b)', 'SyntaxError', 'positional argument follows keyword argument'],
  ['if x:\npass', 'IndentationError', 'expected an indented block'],
  ['return None', 'SyntaxError', "'return' outside function"],
  ['x = = 1', 'SyntaxError', 'invalid syntax'],
  ['x = 007', 'SyntaxError', 'leading zeros'],
  ["x = 'abc", 'SyntaxError', 'unterminated string literal'],
  ['x = $', 'SyntaxError', "invalid character '$'"],
  ['  x = 1', 'IndentationError', 'unexpected indent'],
  [
    'def f():\nx = 1',
    'IndentationError',
    'expected an indented block after function definition on line 5',
  ],
  ['def f():\n    x = 1\n      y = 2', 'IndentationError', 'unexpected indent'],
  [
    'def f():\n    x = 1\n  y = 2',
    'IndentationError',
    'unindent does not match any outer indentation level',
  ],
];

describe('compile errors print nothing and name the line', () => {
  it.each(COMPILE_CASES)('%s', (src, kind, fragment) => {
    const r = runPython(PRE + src, { filename: 'bad.py' });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^ {2}File "bad\.py", line \d+\n/);
    expect(r.stderr).toContain(fragment);
    const kindLine = kind === 'unsupported' ? 'unsupported: ' : `${kind}: `;
    expect(r.stderr).toContain(`\n${kindLine}`);
    if (kind === 'unsupported') expect(r.stderr.endsWith(`${SUPPORTED_SUMMARY}\n`)).toBe(true);
  });

  it('reports the line of the offending statement', () => {
    const r = runPython(`${PRE}x = []\ny = a + b\n`, { filename: 'bad.py' });
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      `  File "bad.py", line ${LINE + 1}`,
      '    y = a + b',
      `unsupported: the '+' operator (only 'is' and 'is not' compare values) at line ${LINE + 1}`,
    ]);
  });
});

/** [source after PRE, a fragment of the message]: rejected while running, after `1` is printed. */
const RUNTIME_UNSUPPORTED: [string, string][] = [
  ['print(sys.getrefcount(None))', 'sys.getrefcount of NoneType'],
  ['x = 5\nprint(sys.getrefcount(x))', 'sys.getrefcount of int'],
  ['n = Node()\nprint(n)', 'printing a Node'],
  ['x = list', "the builtin 'list'"],
  ['d = {}\nd[0] = d', 'dict keys other than strings'],
  ['a = []\nx = a.append', 'the attribute list.append as a value'],
  ['def f():\n    f()\nf()', 'calls nested deeper than 150'],
  ['x = 5\ny = x.real', 'the attribute int.real as a value'],
  ['gc.set_threshold(2)\ngc.enable()\na = []\nb = []\nc = []', 'an automatic collection'],
];

describe('values the runner cannot model are rejected while running', () => {
  it.each(RUNTIME_UNSUPPORTED)('%s', (src, fragment) => {
    const r = runPython(PRE + src, { filename: 'bad.py' });
    expect(r.stdout).toBe('1\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`unsupported: ${fragment}`);
    expect(r.stderr).toMatch(/line \d+, in /);
  });
});

describe('parser', () => {
  it('keeps line numbers, skips comments and blank lines, drops trailing comments', () => {
    const p = parseProgram('# c\n\nx = []  # trailing\ndef f(p):\n    # inside\n\n    return p\n');
    expect(p.body.map((s) => [s.s, s.line])).toEqual([
      ['assign', 3],
      ['def', 4],
    ]);
    const def = p.body[1];
    expect(def?.s === 'def' && def.body.map((s) => [s.s, s.line])).toEqual([['return', 7]]);
    expect(p.lines[3]).toBe('x = []');
  });

  it('accepts one-line bodies, empty class parens and __slots__ forms', () => {
    const r = runPython(
      "import sys\nclass A(): pass\nclass B:\n    __slots__ = ('x',)\nclass C:\n    __slots__ = ()\ndef f(): return None\nb = B()\nb.x = b\nprint(sys.getrefcount(b))\nf()\n",
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('3\n');
  });

  it('accepts CRLF line endings', () => {
    expect(runPython('import gc\r\nprint(gc.isenabled())\r\n').stdout).toBe('True\n');
  });
});
