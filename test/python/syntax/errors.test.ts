/**
 * Syntax errors as CPython 3.11 reports them, checked without python3 (the differential test
 * compares many more against python3 itself): exception type, message, line, 1-based offset.
 */
import { describe, expect, it } from 'vitest';
import { parse, PySyntaxError } from '../../../shared/python/syntax/index.ts';

/** [source, type, message, line, offset] — each taken from python3 3.11.7's ast.parse. */
const CASES: [string, string, string, number, number][] = [
  ['  x = 1', 'IndentationError', 'unexpected indent', 1, 2],
  [
    'if x:\n    a\n  b',
    'IndentationError',
    'unindent does not match any outer indentation level',
    3,
    4,
  ],
  [
    'if x:\npass',
    'IndentationError',
    "expected an indented block after 'if' statement on line 1",
    2,
    1,
  ],
  [
    'if x:\n\tif y:\n        a\n\tb',
    'TabError',
    'inconsistent use of tabs and spaces in indentation',
    3,
    1,
  ],
  ['for x in y\n  pass', 'SyntaxError', "expected ':'", 1, 11],
  ['x = 1 +', 'SyntaxError', 'invalid syntax', 1, 8],
  ["x = 'abc", 'SyntaxError', 'unterminated string literal (detected at line 1)', 1, 5],
  [
    'x = """abc',
    'SyntaxError',
    'unterminated triple-quoted string literal (detected at line 1)',
    1,
    5,
  ],
  ['x = 1)', 'SyntaxError', "unmatched ')'", 1, 6],
  ['x = (1,\ny = 2', 'SyntaxError', "'(' was never closed", 1, 5],
  [
    'x = [1,\n2)',
    'SyntaxError',
    "closing parenthesis ')' does not match opening parenthesis '[' on line 1",
    2,
    2,
  ],
  ["print('a' b)", 'SyntaxError', 'invalid syntax. Perhaps you forgot a comma?', 1, 7],
  [
    'f() = 1',
    'SyntaxError',
    "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    1,
    1,
  ],
  [
    'x = 007',
    'SyntaxError',
    'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
    1,
    5,
  ],
  ["f'{}'", 'SyntaxError', 'f-string: empty expression not allowed', 1, 6],
];

describe('syntax errors carry CPython’s type, message and place', () => {
  it.each(CASES)('%j', (src, type, msg, lineno, offset) => {
    let caught: unknown = null;
    try {
      parse(src);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(PySyntaxError);
    const e = caught as PySyntaxError;
    expect({ type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset }).toEqual({
      type,
      msg,
      lineno,
      offset,
    });
  });

  it('valid Python outside the teaching subset is accepted, not refused', () => {
    const src =
      'match p:\n    case [x, *_]: pass\nasync def f():\n    async with a as b: await b\n';
    expect(parse(src).body.map((s) => s._type)).toEqual(['Match', 'AsyncFunctionDef']);
  });
});
