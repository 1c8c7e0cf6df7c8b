/**
 * The stage of the browser benchmarks (clientbench, rejoinbench): the client built once into a
 * temporary directory, a game server on an ephemeral loopback port serving it, and Debian's
 * chromium (CHROMIUM_PATH to override). `close()` stops both and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { createGameServer } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserStage {
  server: Awaited<ReturnType<typeof createGameServer>>;
  browser: Browser;
  clientDir: string;
  close(): Promise<void>;
}

export async function startBrowserStage(tag: string): Promise<BrowserStage> {
  const tmp = mkdtempSync(join(tmpdir(), `hh-${tag}-`));
  const clientDir = join(tmp, 'client');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'error',
    build: { outDir: clientDir, emptyOutDir: true },
  });
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmp, 'data'),
    rules: defaultRules,
    clientDir,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    clientDir,
    async close() {
      await browser.close();
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
