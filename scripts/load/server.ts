/**
 * The server under test for the load scripts (loadtest.ts, hammer.ts): `node server/index.ts` as
 * a child process from `root`, on 127.0.0.1 and a free port, with a temporary DATA_DIR and no
 * client build. Resolves once it prints its address; `stop()` ends it and removes the data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServerUnderTest {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Checkout to run (default: this one). */
  root?: string;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: readonly string[];
  /** Called with each chunk the server writes to stderr (default: dropped). */
  stderr?: (text: string) => void;
}

export async function startServer(options: ServerOptions = {}): Promise<ServerUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hh-load-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'server/index.ts'], {
    cwd: resolve(options.root ?? '.'),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: join(dataDir, 'none'),
    },
    stdio: ['ignore', 'pipe', options.stderr ? 'pipe' : 'ignore'],
  });
  if (options.stderr) child.stderr!.on('data', (d: Buffer) => options.stderr!(d.toString()));
  let out = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /server on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) ok(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)));
  });
  child.stdout!.resume();
  return {
    url,
    child,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
