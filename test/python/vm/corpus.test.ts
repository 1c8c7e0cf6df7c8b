/**
 * Differential test of the VM against CPython 3.11.7: every tutorial program of the oracle and
 * every fixture of test/fixtures/vm (expected output written by run_cpython.py) must print
 * exactly what CPython printed and exit 0. Known refusals are listed: the VM must still refuse
 * them (stdout empty, `unsupported:` on stderr), never answer.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../shared/python/vm/index.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'vm');
/** The oracle's tutorial corpus (copied from ../shared/oracle/tutorial) and our own programs. */
const DIRS = [join(FIXTURES, 'tutorial'), FIXTURES];

/** Programs the VM refuses on purpose (construct outside the model). */
const REFUSED: Record<string, string> = {};

for (const dir of DIRS) {
  describe(`VM on ${dir.split('/').slice(-2).join('/')}`, () => {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.py'))
      .sort()) {
      const expectedFile = join(dir, name.replace(/\.py$/, '.expected'));
      if (!existsSync(expectedFile)) continue;
      it(name, () => {
        const result = runScript(readFileSync(join(dir, name), 'utf8'), name);
        const refusal = REFUSED[name];
        if (refusal) {
          expect({ stdout: result.stdout, stderr: result.stderr.trim() }).toEqual({
            stdout: '',
            stderr: refusal,
          });
          return;
        }
        expect(result.stdout).toBe(readFileSync(expectedFile, 'utf8'));
        expect(result.exitCode).toBe(0);
      });
    }
  });
}
