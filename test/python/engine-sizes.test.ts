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
