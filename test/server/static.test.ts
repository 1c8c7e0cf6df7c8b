import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'assets', 'index-Ab12Cd.js'),
    'console.log("heap heroes");\n'.repeat(400),
  );
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

describe('static client over school Wi-Fi', () => {
  it('compresses what the browser accepts (gzip, brotli) and not what it does not', async () => {
    const asset = `${url}/assets/index-Ab12Cd.js`;
    const gz = await fetch(asset, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe('console.log("heap heroes");\n'.repeat(400));
    const br = await fetch(asset, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const plain = await fetch(asset, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('caches hashed assets for a year and makes index.html revalidate', async () => {
    const asset = await fetch(`${url}/assets/index-Ab12Cd.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/class/123456', '/app.js'])
      expect((await fetch(`${url}${path}`)).headers.get('cache-control')).toBe('no-cache');
  });
});
