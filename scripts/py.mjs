/**
 * `npm run -s py -- FILE.py`: runs a script and prints what CPython 3.11 prints (stdout),
 * errors on stderr, exit status 1 on any error. Puzzle-language scripts run on the engine's
 * runner; everything else on the Python VM (shared/python/vm/cli.ts decides).
 *
 * Start-up speed matters: the oracle check starts one process per script. Plain JavaScript
 * here (no TypeScript stripper to load) imports one prebuilt bundle of shared/python and
 * shared/engine, kept in node_modules/.cache and rebuilt with rolldown whenever a source file
 * is newer than it. That takes a run from ~130 ms to ~40 ms.
 */
import { readdirSync, readFileSync, renameSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'heap-heroes', 'py.mjs');
const SOURCES = [join(ROOT, 'shared', 'python'), join(ROOT, 'shared', 'engine')];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    return SOURCES.every((dir) => newestSource(dir) <= built);
  } catch {
    return false;
  }
}

async function buildBundle() {
  const { build } = await import('rolldown');
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp.mjs`;
  await build({
    input: join(ROOT, 'shared', 'python', 'vm', 'cli.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { file: tmp, format: 'esm' },
  });
  renameSync(tmp, BUNDLE); // atomic: concurrent runs never import a half-written bundle
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s py -- FILE.py\n');
  process.exit(2);
}
let source = '';
try {
  source = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${e.message}\n`);
  process.exit(2);
}
if (!bundleIsFresh()) await buildBundle();
const { runProgram } = await import(pathToFileURL(BUNDLE).href);
const result = runProgram(source, file);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
