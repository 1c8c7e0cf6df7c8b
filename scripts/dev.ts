/**
 * `npm run dev`: the game server (restarted by `node --watch` when its files change) plus the vite
 * dev server on 5173, which proxies /api, /healthz and /matchmake (WebSockets too) to the game
 * server on 2567 (vite.config.ts). Open http://localhost:5173. Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const children: ChildProcess[] = [];

function run(name: string, args: string[]): void {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '2567' },
  });
  child.on('exit', (code, signal) => {
    console.log(`[dev] ${name} exited (${signal ?? code}); stopping.`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

run('server', ['--watch-path=server', '--watch-path=shared', join('server', 'index.ts')]);
run('vite', [join('node_modules', 'vite', 'bin', 'vite.js')]);
