/**
 * `npm start`: build the client when dist/client is missing or older than its sources, then run
 * the game server in this process (PORT, DATA_DIR, … as in server/index.ts).
 * Runs on the Node in node_modules/.bin (Node 24); vite runs on that same Node via process.execPath.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const builtIndex = join(root, 'dist', 'client', 'index.html');
/** Everything the client bundle is built from. */
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) under `path`, 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

export function clientIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(root, s))));
  return sources > statSync(builtIndex).mtimeMs;
}

function buildClient(): void {
  if (!existsSync(join(root, 'client', 'index.html'))) {
    console.warn('[start] client/index.html not found: serving the API and rooms only.');
    return;
  }
  console.log('[start] building the client (vite build)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  // The rooms and the API still work without a fresh client, so a failed build does not stop the
  // server: it serves the previous build if there is one, else a page saying how to build.
  if (result.status !== 0)
    console.error('[start] the client build FAILED (see above); starting the server anyway.');
}

if (clientIsStale()) buildClient();
process.chdir(root);
await import('../server/index.ts');
