/**
 * Former disagreements with CPython 3.11.7 found by the differential tests, fixed in the engine;
 * kept as regression tests.
 */
import { expect, it } from 'vitest';
import { runPython } from '../../shared/python/index.ts';

it('del L[i] that empties a list frees its item array, like list.clear() (CPython prints 56)', () => {
  expect(runPython('import sys\na = [None]\ndel a[0]\nprint(sys.getsizeof(a))\n').stdout).toBe(
    '56\n',
  );
});

it('a display of 3+ constants is LIST_EXTEND of a tuple: even capacity (CPython prints 88, 136, 104)', () => {
  const src =
    'import sys\na = [None, None, None]\nprint(sys.getsizeof(a))\nb = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nprint(sys.getsizeof(b))\nc = [1, 2, 3, 4, 5]\nprint(sys.getsizeof(c))\nd = [None, None]\nprint(sys.getsizeof(d))\n';
  expect(runPython(src).stdout).toBe('88\n136\n104\n72\n');
});

it('a list display of more than 30 names is built by appends (CPython prints 312 for 31)', () => {
  const names = Array.from({ length: 31 }, () => 'x').join(', ');
  const src = `import sys\nx = None\na = [${names}]\nprint(sys.getsizeof(a))\nb = [${names}, x]\nprint(sys.getsizeof(b))\nc = [x, x, x]\nprint(sys.getsizeof(c))\n`;
  expect(runPython(src).stdout).toBe('312\n312\n80\n');
});

it('a dict left with 1 key resizes to 16 slots on its next insert (CPython prints 184, 184, 272)', () => {
  const ins = (k: string): string => `d['${k}'] = None\n`;
  const src = `import sys\nd = {}\n${[...'abcde'].map(ins).join('')}print(sys.getsizeof(d))\n${[...'abcd'].map((k) => `del d['${k}']\n`).join('')}print(sys.getsizeof(d))\n${ins('f')}print(sys.getsizeof(d))\n`;
  expect(runPython(src).stdout).toBe('184\n184\n272\n');
});

it('dict displays: repeated keys still presize, 16+ entries grow by inserts (CPython 272, 464, 832)', () => {
  const keys = (n: number): string =>
    Array.from({ length: n }, (_, i) => `'k${i}': None`).join(', ');
  const src = `import sys\nd = {'a': None, 'a': None, 'a': None, 'a': None, 'a': None, 'a': None}\nprint(sys.getsizeof(d))\ne = {${keys(16)}}\nprint(sys.getsizeof(e))\nf = {${keys(22)}}\nprint(sys.getsizeof(f))\n`;
  expect(runPython(src).stdout).toBe('272\n464\n832\n');
});
