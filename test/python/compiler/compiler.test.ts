/**
 * The compiler against CPython 3.11's own compile(): for every oracle script and every
 * construct snippet, compileModule(ast) deep-equals the code objects test/tools/pycode.py
 * dumps (instructions, arguments, positions, exception tables, consts, names, flags,
 * stack sizes). CPython's compile-time SyntaxErrors are raised with its message and line;
 * constructs outside the teaching subset are refused.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  compileModule,
  PySyntaxError,
  UnsupportedError,
} from '../../../shared/python/compiler/index.ts';
import { constRepr } from '../../../shared/python/compiler/repr.ts';
import type { CodeConstant } from '../../../shared/python/compiler/code.ts';
import { hasPython3 } from '../helpers/cpython.ts';
import { corpusDir, dumpFiles, dumpSources, pyFiles, randomPrograms } from './oracle.ts';

const CORPORA = ['tutorial', 'public', 'practice'] as const;

/**
 * The compiler keeps a frozenset constant's items in source order (the VM rebuilds CPython's
 * table from it); pycode.py lists a frozenset sorted by repr, having no order to give.
 */
function canonical(code: unknown): unknown {
  return JSON.parse(JSON.stringify(code), (_key, v: unknown) => {
    const c = v as CodeConstant | null;
    if (c?.t !== 'frozenset') return v;
    return { ...c, items: [...c.items].sort((a, b) => (constRepr(a) < constRepr(b) ? -1 : 1)) };
  });
}
const SNIPPETS = join(import.meta.dirname, 'snippets');

describe.runIf(hasPython3())('compileModule equals CPython 3.11 compile()', () => {
  const dirs = [...CORPORA.map((c) => [c, corpusDir(c)] as const), ['snippets', SNIPPETS] as const];
  const files = dirs.flatMap(([, d]) => (d ? pyFiles(d) : []));
  const oracle = dumpFiles(files);

  describe.each(dirs.filter(([, d]) => d !== null))('%s/', (_name, dir) => {
    it.each(pyFiles(dir as string).map((f) => [f.slice((dir as string).length + 1), f]))(
      '%s',
      (_file, path) => {
        const entry = oracle.get(path);
        expect(entry?.code).toBeDefined();
        expect(canonical(compileModule(entry?.ast as never, path))).toEqual(entry?.code);
      },
    );
  });
});

/** Valid syntax that CPython's compiler (symtable.c / compile.c) rejects. */
const COMPILE_ERRORS = [
  'return 1\n',
  'x = 1\nbreak\n',
  'for i in x:\n    pass\ncontinue\n',
  'nonlocal x\n',
  'def f():\n    nonlocal y\n',
  'x = 1\nyield x\n',
  'def f(a, a):\n    pass\n',
  'f(a=1, a=2)\n',
  'def f(x):\n    global x\n',
  'def f():\n    x = 1\n    global x\n',
  'def f():\n    print(x)\n    global x\n',
  'class A:\n    return 1\n',
  '[(yield) for x in y]\n',
  'def f():\n    try:\n        pass\n    except:\n        pass\n    except ValueError:\n        pass\n',
  'a, *b, *c = x\n',
  '*a = x\n',
  'def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n',
  'def f():\n    def g():\n        nonlocal f\n    return g\n',
];

describe.runIf(hasPython3())('CPython compile-time SyntaxErrors', () => {
  const oracle = dumpSources(COMPILE_ERRORS);
  it.each(COMPILE_ERRORS.map((src, i) => [JSON.stringify(src), i]))('%s', (_label, i) => {
    const entry = oracle[i as number];
    expect(entry?.error?.type).toBe('SyntaxError');
    let thrown: unknown = null;
    try {
      compileModule(entry?.ast as never);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PySyntaxError);
    const err = thrown as PySyntaxError;
    expect({ msg: err.msg, lineno: err.lineno }).toEqual({
      msg: entry?.error?.msg,
      lineno: entry?.error?.lineno,
    });
  });
});

/** Valid Python outside the teaching subset: refused with the construct and its line. */
const REFUSED: [string, string][] = [
  ['x = 1\nmatch x:\n    case 1:\n        pass\n', 'unsupported: match at line 2'],
  ['async def f():\n    pass\n', 'unsupported: async def at line 1'],
  ['def d(f):\n    return f\n\n@d\ndef g():\n    pass\n', 'unsupported: decorators at line 5'],
  ['if (n := 3):\n    pass\n', 'unsupported: assignment expressions (:=) at line 1'],
  ['import os\n', "unsupported: import of module 'os' at line 1"],
  ['from os import path\n', "unsupported: import from module 'os' at line 1"],
  ['x: int = 1\n', 'unsupported: annotated assignment at line 1'],
  ['def f(a: int):\n    pass\n', 'unsupported: annotations at line 1'],
  ['try:\n    pass\nexcept* ValueError:\n    pass\n', 'unsupported: except* at line 1'],
  ['from gc import *\n', 'unsupported: import * at line 1'],
];

describe.runIf(hasPython3())('constructs outside the teaching subset', () => {
  const oracle = dumpSources(REFUSED.map(([src]) => src));
  it.each(REFUSED.map(([src, msg], i) => [msg, src, i] as const))('%s', (msg, _src, i) => {
    const entry = oracle[i];
    expect(entry?.code).toBeDefined();
    expect(() => compileModule(entry?.ast as never)).toThrow(UnsupportedError);
    expect(() => compileModule(entry?.ast as never)).toThrow(msg);
  });
});

/**
 * Random programs: two fixed seeds, and one fresh seed per run (named in the test title, so a
 * failure can be replayed with `randprog.py SEED 150`).
 */
const FRESH_SEED = Date.now() % 1_000_000;

describe.runIf(hasPython3())('random programs compile exactly as CPython compiles them', () => {
  it.each([1, 2, FRESH_SEED])('seed %i', (seed) => {
    const sources = randomPrograms(seed, 150);
    const oracle = dumpSources(sources);
    const mismatches: string[] = [];
    oracle.forEach((entry, i) => {
      if (!entry.ast) return; // not valid Python: nothing to compile
      let code: unknown = null;
      let thrown: unknown = null;
      try {
        code = compileModule(entry.ast);
      } catch (e) {
        thrown = e;
      }
      if (entry.error) {
        const ok = thrown instanceof PySyntaxError && thrown.msg === entry.error.msg;
        if (!ok && !(thrown instanceof UnsupportedError))
          mismatches.push(`#${i}: ${entry.error.msg}`);
      } else if (thrown) {
        if (!(thrown instanceof UnsupportedError))
          mismatches.push(`#${i}: threw ${String(thrown)}`);
      } else if (!isDeepStrictEqual(canonical(code), entry.code)) {
        mismatches.push(`#${i}: code differs`);
      }
    });
    expect(mismatches).toEqual([]);
  });
});
