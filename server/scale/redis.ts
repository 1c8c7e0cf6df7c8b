/**
 * Scale-out on Redis (REDIS_URL): Colyseus' RedisPresence (pub/sub between processes, shared keys)
 * and RedisDriver (room listings every process can query), so a room created on one process is
 * found and joined through any other. Each process advertises `publicAddress`: the host:port a
 * browser can reach it on directly, because a seat reserved through process B is consumed by a
 * WebSocket to the process that hosts the room (stack NOTES gotcha 12).
 */
import type { Presence, matchMaker } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';

export interface ScaleOptions {
  /** redis://host:port[/db]; empty or absent: one process, in-memory presence and driver. */
  redisUrl?: string | undefined;
  /** host:port (optionally /path) browsers reach this process on, no scheme. */
  publicAddress?: string | undefined;
  /** The port this process listens on and the host it binds (to derive publicAddress). */
  port: number;
  host?: string | undefined;
}

export interface ScaleServerOptions {
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  publicAddress?: string;
}

/** The defineServer options for scale-out, or {} for a single process. */
export function scaleServerOptions(options: ScaleOptions): ScaleServerOptions {
  if (!options.redisUrl)
    return options.publicAddress ? { publicAddress: resolvePublicAddress(options) } : {};
  const publicAddress = resolvePublicAddress(options); // throws before any connection is opened
  return {
    presence: new RedisPresence(options.redisUrl),
    driver: new RedisDriver(options.redisUrl),
    publicAddress,
  };
}

/**
 * PUBLIC_ADDRESS if given, else HOST:PORT. A wildcard or missing HOST, or port 0, cannot be
 * advertised: other processes would send browsers nowhere, so that is a startup error.
 */
export function resolvePublicAddress(options: ScaleOptions): string {
  if (options.publicAddress)
    return options.publicAddress.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, '');
  const host = options.host;
  if (
    host === undefined ||
    host === '' ||
    host === '0.0.0.0' ||
    host === '::' ||
    options.port === 0
  ) {
    throw new Error(
      'REDIS_URL needs PUBLIC_ADDRESS (host:port browsers reach this process on), or HOST and a non-zero PORT',
    );
  }
  return `${host.includes(':') ? `[${host}]` : host}:${options.port}`;
}
