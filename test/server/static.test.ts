import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticRouter } from '../../server/http/static.ts';

let dir: string;
let http: Server;
let url: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hh-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Heap Heroes</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  const app = express().use(createStaticRouter(dir));
  http = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => {
  http.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static client', () => {
  it('serves built files and falls back to index.html for app routes', async () => {
    expect(await (await fetch(`${url}/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${url}/`)).text()).toContain('<title>Heap Heroes</title>');
    expect(await (await fetch(`${url}/class/123456`)).text()).toContain(
      '<title>Heap Heroes</title>',
    );
  });

  it('never answers API or matchmaking paths with the page', async () => {
    expect((await fetch(`${url}/api/unknown`)).status).toBe(404);
    expect((await fetch(`${url}/matchmake/x`)).status).toBe(404);
  });
});
