/** A real game server on an ephemeral port with a pinned, movable clock, and small HTTP helpers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGameServer, type GameServer } from '../../server/app.ts';
import { defaultRules } from '../../server/game/activeRules.ts';
import type { ChallengeOptions } from '../../server/challenges/router.ts';

export interface Clock {
  t: number;
}

export interface ChallengeServer {
  server: GameServer;
  dataDir: string;
  clock: Clock;
  /** Stops the server; keeps the data directory unless `wipe`. */
  stop(wipe?: boolean): Promise<void>;
}

/** Limits high enough that only the rate-limit tests ever hit them. */
const LOOSE = {
  perIp: { capacity: 10_000, perSecond: 1000 },
  perDevice: { capacity: 1000, perSecond: 1000 },
};

export async function startChallengeServer(
  opts: { dataDir?: string; clock?: Clock; limits?: ChallengeOptions['limits'] } = {},
): Promise<ChallengeServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'hh-leaderboard-'));
  const clock = opts.clock ?? { t: Date.UTC(2026, 10, 24, 12) };
  const server = await createGameServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rules: defaultRules,
    clientDir: join(dataDir, 'no-client'),
    challenges: { now: () => clock.t, limits: opts.limits ?? LOOSE },
  });
  return {
    server,
    dataDir,
    clock,
    stop: async (wipe = true) => {
      await server.close();
      if (wipe) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Replies are asserted field by field with exact expectations, so their JSON stays untyped here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Reply<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

export async function getJson<T = Json>(url: string): Promise<Reply<T>> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function postJson<T = Json>(
  url: string,
  body: unknown,
  raw = false,
): Promise<Reply<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** A valid device token (16+ chars) distinct per label. */
export const token = (label: string): string => `device-${label}`.padEnd(20, '0');
