/** scripts/py.mjs, one process per script as the oracle check runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = (file: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'py.mjs'), file], { encoding: 'utf8' });

describe('npm run py -- FILE.py', () => {
  it('prints what CPython prints and exits 0', () => {
    const file = join(ROOT, 'test', 'fixtures', 'oracle', 'public', 't24_nested_calls_cycles.py');
    const r = run(file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readFileSync(file.replace(/\.py$/, '.expected'), 'utf8'));
    expect(r.status).toBe(0);
  });

  it('flushes earlier output, then reports a runtime error on stderr with exit status 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'py-cli-'));
    const file = join(dir, 'err.py');
    writeFileSync(file, "import gc\nprint(gc.isenabled())\nd = {}\nx = d['k']\n");
    const r = run(file);
    expect(r.stdout).toBe('True\n');
    expect(r.stderr).toBe(
      `Traceback (most recent call last):\n  File "${file}", line 4, in <module>\n    x = d['k']\nKeyError: 'k'\n`,
    );
    expect(r.status).toBe(1);
  });

  it('exits 2 with a usage message for a missing file', () => {
    const r = run('/nonexistent/x.py');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^cannot read \/nonexistent\/x\.py/);
  });
});
