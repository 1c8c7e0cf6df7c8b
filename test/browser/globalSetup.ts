/**
 * Builds the client once per test run for every browser test (instead of once per test file),
 * and hands its folder to the harness through `inject('clientDir')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const tmp = mkdtempSync(join(tmpdir(), 'heap-heroes-client-'));
  const clientDir = join(tmp, 'client');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'error',
    build: { outDir: clientDir, emptyOutDir: true },
  });
  project.provide('clientDir', clientDir);
  return () => rmSync(tmp, { recursive: true, force: true });
}
