/**
 * The oracle corpora (CPython 3.11.7's exact stdout for 345 scripts), run in-process and
 * compared byte for byte. Copied from ../shared/oracle so a fresh checkout has them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../shared/engine/index.ts';
import { runPython } from '../../shared/python/index.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'oracle');

function scripts(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.py'))
    .sort();
}

describe.each(['public', 'practice'])('oracle corpus %s/', (dir) => {
  const files = scripts(dir);

  it('has its scripts and expected outputs', () => {
    expect(files.length).toBe(dir === 'public' ? 45 : 300);
  });

  it.each(files)('%s prints exactly what CPython prints', (file) => {
    const source = readFileSync(join(ROOT, dir, file), 'utf8');
    const expected = readFileSync(join(ROOT, dir, file.replace(/\.py$/, '.expected')), 'utf8');
    const r = runPython(source, { filename: file });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(expected);
    expect(checkInvariants(r.state)).toEqual([]);
  });
});
