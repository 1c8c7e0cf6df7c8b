/**
 * The front door, attacked on a real server (issue 14): body size and type caps before anything
 * is read, origin checks on state-changing HTTP and on the WebSocket handshake (ALLOWED_ORIGINS
 * opts an origin in), JSON errors without stack traces, nicknames that cannot be encoded refused
 * on every path with the policy's message, and a log that a probe flood cannot fill.
 */
import { request } from 'node:http';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorCode, matchmake, shoot, startServer, type Attacked } from './attackKit.ts';

const SCHOOL = 'https://school.example';
const EVIL = 'https://evil.example';

let s: Attacked;
beforeAll(async () => {
  s = await startServer({ allowedOrigins: [SCHOOL] });
});
afterAll(() => s.stop());

describe('body caps', () => {
  it('refuses a matchmaker body over 4 KB, and a declared 128 MB body, before reading it', async () => {
    const big = await matchmake(s.url, 'create', 'classroom', { nickname: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(big.json).toEqual({
      error: { code: 'request/too_large', message: 'A request body here is at most 4096 bytes.' },
    });
    const huge = await shoot(s.url, '/matchmake/create/classroom', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(128 * 1024 ** 2) },
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.connection).toBe('close');
  });

  it('refuses an API body over 64 KB and a body of unknown length', async () => {
    const moves = Array.from({ length: 500 }, () => 'x'.repeat(150));
    const r = await shoot(s.url, '/api/verify', { body: { puzzleId: 'holding-hands', moves } });
    expect(r.status).toBe(413);
    expect(errorCode(r)).toBe('request/too_large');
    const chunked = await shoot(s.url, '/matchmake/create/classroom', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(411);
    expect(errorCode(chunked)).toBe('request/length_required');
  });

  it('refuses a matchmaker body that is not JSON (a form or text/plain post)', async () => {
    const r = await shoot(s.url, '/matchmake/create/classroom', {
      body: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(415);
    expect(errorCode(r)).toBe('request/not_json');
  });
});

describe('origins', () => {
  it('refuses state-changing requests from a foreign page, allows its own and ALLOWED_ORIGINS', async () => {
    const refused = {
      error: {
        code: 'request/origin',
        message: 'This page may not act on Heap Heroes from another site.',
      },
    };
    const foreign = await shoot(s.url, '/matchmake/create/classroom', {
      body: '{}',
      headers: { 'content-type': 'text/plain', origin: EVIL },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toEqual(refused);
    const noOrigin = await shoot(s.url, '/api/verify', {
      body: { puzzleId: 'holding-hands', moves: [] },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.json).toEqual(refused);
    const own = await shoot(s.url, '/matchmake/create/classroom', {
      body: {},
      headers: { origin: s.url.replace('localhost', '127.0.0.1') },
    });
    expect(own.status).toBe(200);
    const school = await shoot(s.url, '/matchmake/create/classroom', {
      body: {},
      headers: { origin: SCHOOL },
    });
    expect(school.status).toBe(200);
  });

  it('refuses a WebSocket handshake from a foreign page, accepts ALLOWED_ORIGINS', async () => {
    const created = await matchmake(s.url, 'create', 'classroom', {});
    const { processId, roomId, sessionId } = created.json as Record<string, string>;
    const handshake = (origin: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const req = request(`${s.url}/${processId}/${roomId}?sessionId=${sessionId}`, {
          headers: {
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': Buffer.from('0123456789abcdef').toString('base64'),
            origin,
          },
        });
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await handshake(EVIL)).toBe(403);
    expect(await handshake(SCHOOL)).toBe(101);
  });
});

describe('errors', () => {
  it('answers a malformed % escape and malformed JSON with JSON, no stack trace, no path', async () => {
    for (const path of ['/api/live/join/%E0%A4%A', '/api/challenges/%E0%A4%A']) {
      const r = await shoot(s.url, path);
      expect(r.status, path).toBe(400);
      expect(r.json, path).toEqual({
        error: { code: 'request/malformed', message: 'Malformed request.' },
      });
    }
    const json = await shoot(s.url, '/api/verify', {
      body: '{"puzzleId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(json.body).not.toMatch(/ at |\/work\/|node_modules/);
  });
});

describe('nicknames that cannot be encoded', () => {
  const broken = ['Ada\uD800', '\uDC00Bob', 'Cy\uFFFF', 'Di\uFDD0'];

  it('are refused when joining a class or a team, with the policy message', async () => {
    const host = await new Client(s.url).create('classroom', {});
    for (const nickname of broken) {
      await expect(new Client(s.url).joinById(host.roomId, { nickname })).rejects.toThrow(
        'nickname/unencodable: That nickname has a broken or unassigned character; please type it again.',
      );
      await expect(new Client(s.url).create('team', { nickname })).rejects.toThrow(
        'nickname/unencodable',
      );
    }
    await host.leave();
  });

  it('are refused by the challenge leaderboard, with the same message', async () => {
    const today = (await shoot(s.url, '/api/challenges/today')).json as { daily: { id: string } };
    for (const nickname of broken) {
      const r = await shoot(s.url, `/api/challenges/${today.daily.id}/submit`, {
        body: { nickname, deviceToken: 'd'.repeat(24), moves: [] },
      });
      expect(r.status, r.body).toBe(400);
      expect(r.json).toEqual({
        error: {
          code: 'nickname/invalid',
          message: 'That nickname has a broken or unassigned character; please type it again.',
        },
      });
    }
  });
});

describe('log cap', () => {
  it('writes at most 20 reconnect notices a minute however many probes come', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      for (let i = 0; i < 60; i++)
        await matchmake(
          s.url,
          'reconnect',
          String(100000 + i),
          { reconnectionToken: 'a:b' },
          '127.0.0.9',
        );
      const notices = info.mock.calls.filter((c) => String(c[0]).includes('has been disposed'));
      expect(notices).toHaveLength(20);
    } finally {
      info.mockRestore();
    }
  });
});
