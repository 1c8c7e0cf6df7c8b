/**
 * Near-miss Python: valid programs with a character or two deleted, inserted or replaced, for
 * checking the runner's SyntaxError-versus-unsupported decision against python3's compile().
 * Seeded: one seed, one sample.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ',',
  '=',
  '+',
  '*',
  '**',
  '.',
  'if ',
  'else',
  ' for ',
  ' in ',
  'lambda',
  'yield ',
  'return ',
  'not ',
  ' is ',
  '"',
  "'",
  'f"',
  '\n',
  '    ',
  ' ',
  'x',
  '1',
  '@',
  ';',
  'async ',
  'await ',
  'del ',
  'break',
  'pass',
  ':=',
  '->',
  'class ',
  'def ',
  '\\',
  '#',
  'b"',
  '...',
  'global ',
  'nonlocal ',
  'import ',
  'from ',
  'try:',
  'except',
  'with ',
  '0',
  '07',
  '1_0',
];

/** Valid programs to mutate: the tutorial corpus and a few constructs it lacks. */
export function validPrograms(): string[] {
  const dir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'oracle', 'tutorial');
  const files = readdirSync(dir).filter((f) => f.endsWith('.py'));
  return [...files.map((f) => readFileSync(join(dir, f), 'utf8')), ...EXTRA];
}

const EXTRA = [
  'import os.path as p, sys\nfrom . import a\nfrom ..b import (c as d, e,)\nx = [i * 2 for i in range(3) if i for j in i]\ny = {k: v for k, v in z.items()}\ns = {*a, *b}\nt = (*a, b)\nprint(*t, sep="", **kw)\n',
  '@dec(1)\n@other\nclass C(B, metaclass=M):\n    x: int = 1\n    def f(self, a, /, b=1, *args, c, d=2, **kw) -> None:\n        global g\n        nonlocal_ok = lambda q, *r, s=1: q\n        return (yield from g())\n',
  'async def f():\n    async with a as (b, c), d:\n        await x\n    async for i in y:\n        pass\n',
  'try:\n    pass\nexcept* ValueError as e:\n    pass\nfinally:\n    pass\nwhile (n := 10) > 5:\n    break\nelse:\n    pass\nx = a if b else c\ny = a[1:2, ::3, ...]\nz = not a in b is not c < d\nu = -+~x ** -y\nv = b"x" b\'y\'\nw = "a" f"{b!r:>{c}}"\n',
  'with (open(a) as f, open(b) as g):\n    pass\nassert x, "m"\nraise E from None\ndel a, b[0], c.d, (e, f)\na, *b = c\n[x, y] = z\nx += 1\nx: int\n',
];

export function mutant(base: string[], seed: number): string {
  const r = prng(seed);
  let s = base[Math.floor(r() * base.length)]!;
  for (let j = 0, n = 1 + Math.floor(r() * 2); j < n; j++) {
    const at = Math.floor(r() * s.length);
    const op = Math.floor(r() * 3);
    const piece = PIECES[Math.floor(r() * PIECES.length)]!;
    if (op === 0) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 3));
    else s = s.slice(0, at) + piece + s.slice(at + (op === 2 ? 1 : 0));
  }
  return s;
}
