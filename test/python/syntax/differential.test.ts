/**
 * The parser contract: for every program, `parse(src)` deep-equals CPython 3.11's `ast.parse`
 * as test/tools/pyast.py prints it (positions included), and every CPython syntax error is
 * raised with the same exception type, message, line and offset.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPython3 } from '../helpers/cpython.ts';
import { EDGE_CASES, ERROR_CASES } from './cases.ts';
import { firstDifference, ourAst } from './compare.ts';
import { cpythonAst } from './pyast.ts';

const ORACLE = resolve(import.meta.dirname, '../../../../shared/oracle');
const SNIPPETS = resolve(import.meta.dirname, 'snippets');

function pythonFiles(dir: string): { name: string; src: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.py'));
  } catch {
    return [];
  }
  return names.sort().map((n) => ({ name: join(dir, n), src: readFileSync(join(dir, n), 'utf8') }));
}

const corpora = ['tutorial', 'public', 'practice'].map((c) => ({
  corpus: c,
  files: pythonFiles(join(ORACLE, c)),
}));
const snippets = pythonFiles(SNIPPETS);
const missing = corpora.filter((c) => c.files.length === 0).map((c) => c.corpus);
if (missing.length > 0) {
  console.warn(
    `parser differential: no oracle corpus at ${ORACLE}/{${missing.join(',')}} — skipped`,
  );
}
if (!hasPython3()) console.warn('parser differential: python3 3.11 not found — skipped');

describe.skipIf(!hasPython3())('parse(src) equals CPython 3.11 ast.parse', () => {
  const programs = [...corpora.flatMap((c) => c.files), ...snippets];
  const sources = [...programs.map((p) => p.src), ...EDGE_CASES, ...ERROR_CASES];
  let expected: unknown[] = [];
  // One python3 process for all sources; slow only on a loaded machine, cached afterwards.
  beforeAll(() => {
    expected = cpythonAst(sources);
  }, 300_000);

  /** Names of the sources (from `from`, `count` of them) whose parse differs, with the first difference. */
  function mismatches(from: number, names: string[]): string[] {
    return names.flatMap((name, k) => {
      const diff = firstDifference(ourAst(sources[from + k]!), expected[from + k]);
      return diff === null ? [] : [`${name}: ${diff}`];
    });
  }

  for (const { corpus, files } of corpora) {
    it.skipIf(files.length === 0)(`every program of the ${corpus} corpus (${files.length})`, () => {
      const from = programs.findIndex((p) => p === files[0]);
      expect(
        mismatches(
          from,
          files.map((f) => f.name),
        ),
      ).toEqual([]);
    });
  }

  it('the tricky-construct snippets, which CPython accepts', () => {
    const from = programs.length - snippets.length;
    expect(snippets.length).toBeGreaterThan(0);
    snippets.forEach((_, k) => expect(expected[from + k]).not.toHaveProperty('error'));
    expect(
      mismatches(
        from,
        snippets.map((s) => s.name),
      ),
    ).toEqual([]);
  });

  it(`layout and literal edge cases (${EDGE_CASES.length})`, () => {
    const from = programs.length;
    EDGE_CASES.forEach((_, k) => expect(expected[from + k]).not.toHaveProperty('error'));
    expect(
      mismatches(
        from,
        EDGE_CASES.map((s) => JSON.stringify(s)),
      ),
    ).toEqual([]);
  });

  it(`syntax errors: type, message, line and offset (${ERROR_CASES.length})`, () => {
    const from = programs.length + EDGE_CASES.length;
    ERROR_CASES.forEach((_, k) => expect(expected[from + k]).toHaveProperty('error'));
    expect(
      mismatches(
        from,
        ERROR_CASES.map((s) => JSON.stringify(s)),
      ),
    ).toEqual([]);
  });
});
