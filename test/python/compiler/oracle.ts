/**
 * CPython's side of the compiler tests: the `ast` and the code objects of many files, from ONE
 * python3 process (dump.py), so hundreds of files cost one interpreter start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeObject } from '../../../shared/python/compiler/code.ts';
import type { Module } from '../../../shared/python/syntax/ast.ts';

export interface OracleEntry {
  ast?: Module;
  code?: CodeObject;
  error?: { type: string; msg: string; lineno: number };
}

const DUMP = join(import.meta.dirname, 'dump.py');
const REPO = join(import.meta.dirname, '..', '..', '..');

/** A corpus directory: the repository's copy under test/fixtures/oracle, else ../shared/oracle. */
export function corpusDir(name: string): string | null {
  for (const dir of [
    join(REPO, 'test', 'fixtures', 'oracle', name),
    join(REPO, '..', 'shared', 'oracle', name),
  ]) {
    if (existsSync(dir)) return dir;
  }
  return null;
}

export function pyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => join(dir, f));
}

/** CPython's ast and code object for each path. */
export function dumpFiles(paths: string[]): Map<string, OracleEntry> {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-pycode-'));
  try {
    writeFileSync(join(dir, 'paths.json'), JSON.stringify(paths));
    const r = spawnSync('python3', [DUMP, join(dir, 'paths.json'), join(dir, 'out.json')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`dump.py failed: ${r.stderr}`);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<
      string,
      OracleEntry
    >;
    return new Map(Object.entries(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Same, for sources given as text. */
export function dumpSources(sources: string[]): OracleEntry[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-pysrc-'));
  try {
    const paths = sources.map((src, i) => {
      const p = join(dir, `s${i}.py`);
      writeFileSync(p, src);
      return p;
    });
    const byPath = dumpFiles(paths);
    return paths.map((p) => byPath.get(p) ?? {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` random programs of test/python/compiler/randprog.py for `seed`. */
export function randomPrograms(seed: number, count: number): string[] {
  const r = spawnSync(
    'python3',
    [join(import.meta.dirname, 'randprog.py'), String(seed), String(count)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (r.status !== 0) throw new Error(`randprog.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}
