/**
 * `npm run -s py -- FILE.py`: runs a script through the engine and prints what CPython 3.11
 * prints (stdout), errors on stderr, exit status 1 on any error.
 *
 * Start-up speed matters (the oracle check starts one process per script): Node's compile cache
 * (in the OS temp dir, keyed by file contents) is enabled before the runner is imported, so the
 * TypeScript of shared/ is stripped and compiled once, not on every run.
 */
import { enableCompileCache } from 'node:module';
import { readFileSync } from 'node:fs';

enableCompileCache();
const { runPython } = await import('../shared/python/run.ts');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s py -- FILE.py\n');
  process.exit(2);
}
let source = '';
try {
  source = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const result = runPython(source, { filename: file });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
