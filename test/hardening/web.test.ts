/**
 * Web hardening on a real server: security headers and the Content-Security-Policy on the page,
 * the API and the matchmaker; join-code guessing limited per TCP peer address (X-Forwarded-For
 * cannot reset it); a class behind one NAT still joins after dozens of typos.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGameServer, type GameServer } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/http/security.ts';

let server: GameServer;
let dir: string;
/** Unknown codes allowed per address: 5 per 3-second window. */
const BAD_CODES = { points: 5, seconds: 3 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hh-web-'));
  mkdirSync(join(dir, 'client'));
  writeFileSync(
    join(dir, 'client', 'index.html'),
    '<!doctype html><title>Heap Heroes</title><script type="module" src="/app.js"></script>',
  );
  server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'data'),
    rules: defaultRules,
    clientDir: join(dir, 'client'),
    budgets: { badCode: BAD_CODES },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POST /matchmake/joinById/<code> from a chosen local address (127.0.0.x are all loopback). */
function joinFrom(
  localAddress: string,
  code: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/matchmake/joinById/${code}`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ nickname: 'Guesser' }));
  });
}

function expectHardened(headers: Headers): void {
  expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('sends the CSP and hardening headers on the page, the API, healthz and the matchmaker', async () => {
    for (const path of ['/', '/some/app/route', '/api/challenges/today', '/api/nope', '/healthz']) {
      const res = await fetch(`${server.url}${path}`);
      expectHardened(res.headers);
    }
    const mm = await fetch(`${server.url}/matchmake/joinById/000000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(mm.status).toBeGreaterThanOrEqual(400);
    expectHardened(mm.headers);
  });

  it('allows no inline script, no foreign origin, no framing by others (as served)', async () => {
    // Read from the wire, compared with literals: a directive dropped from the policy fails here.
    const served = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      served.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(served).not.toContain('unsafe');
  });

  it('grants no cross-origin access to the API or the matchmaker', async () => {
    const res = await fetch(`${server.url}/api/challenges/today`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('join-code guessing', () => {
  it('refuses an address after too many unknown codes, ignores X-Forwarded-For, and spares other addresses', async () => {
    const host = await new Client(server.url).create('classroom', { host: true });
    const code = host.roomId;
    const unknown = code === '999999' ? '999998' : '999999';
    // Up to the capacity, unknown codes are plain "not found" (522) and real codes still join.
    for (let i = 0; i < BAD_CODES.points; i++)
      expect((await joinFrom('127.0.0.2', unknown)).status).toBe(522);
    // Bucket empty: even the real code is refused, from that address only, whatever XFF says.
    const refused = await joinFrom('127.0.0.2', code, { 'x-forwarded-for': '10.9.8.7' });
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('join/rate_limited');
    expect((await joinFrom('127.0.0.2', unknown)).status).toBe(429);
    expect((await joinFrom('127.0.0.3', code)).status).toBe(200);
    // The window ends (3 s after the first unknown code): joins are allowed again.
    await new Promise((r) => setTimeout(r, 3200));
    expect((await joinFrom('127.0.0.2', code)).status).toBe(200);
    await host.leave();
  });

  it('never charges joins of real codes', async () => {
    const host = await new Client(server.url).create('classroom', { host: true });
    for (let i = 0; i < BAD_CODES.points * 3; i++)
      expect((await joinFrom('127.0.0.4', host.roomId)).status).toBe(200);
    await host.leave();
  });
});
