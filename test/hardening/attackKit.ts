/**
 * An attacker's tools against a real game server on 127.0.0.1: raw HTTP requests from a chosen
 * loopback address (127.0.0.x are all local, and each is its own "address" to the limits), with
 * any headers and body, and a server started with chosen budgets.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGameServer, type GameServer, type GameServerOptions } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';

export interface Attacked {
  server: GameServer;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(extra: Partial<GameServerOptions> = {}): Promise<Attacked> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hh-attack-'));
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rules: defaultRules,
    clientDir: join(dataDir, 'no-client'),
    ...extra,
  });
  return {
    server,
    url: server.url,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface Shot {
  method?: string;
  from?: string;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with content-type application/json). */
  body?: unknown;
}

/** One HTTP request; resolves with whatever the server answered (also when it closes early). */
export function shoot(base: string, path: string, shot: Shot = {}): Promise<Reply> {
  const raw =
    shot.body === undefined
      ? undefined
      : typeof shot.body === 'string'
        ? shot.body
        : JSON.stringify(shot.body);
  const headers: Record<string, string> = {
    ...(raw !== undefined && typeof shot.body !== 'string'
      ? { 'content-type': 'application/json' }
      : {}),
    ...(raw !== undefined ? { 'content-length': String(Buffer.byteLength(raw)) } : {}),
    ...shot.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: shot.method ?? (raw === undefined ? 'GET' : 'POST'),
        localAddress: shot.from ?? '127.0.0.1',
        headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    if (raw !== undefined) req.write(raw);
    req.end();
  });
}

/** POST /matchmake/<method>/<room> with a JSON body. */
export const matchmake = (
  base: string,
  method: string,
  room: string,
  body: unknown,
  from?: string,
) => shoot(base, `/matchmake/${method}/${room}`, { body, ...(from ? { from } : {}) });

/** The `{ error: { code } }` of a JSON reply. */
export const errorCode = (r: Reply): string | undefined =>
  (r.json as { error?: { code?: string } } | undefined)?.error?.code;
