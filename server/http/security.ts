/**
 * Web hardening at the HTTP-server level, so it covers every route: Express (page, /api), the
 * Colyseus matchmaker (/matchmake, answered before Express sees the request) and static files.
 *
 * - Security headers and a Content-Security-Policy on every response. The built client has no
 *   inline script (vite emits one module script); Phaser needs data:/blob: images (its default
 *   textures, generated textures) and the game talks to its own origin over fetch and WebSocket
 *   (`connect-src 'self'` covers ws:/wss: of the same host in CSP 3 browsers).
 * - Join-code guessing limit: `joinById` of a code that is not a live room costs the caller's
 *   address one token; with the bucket empty, every `joinById` from that address is refused
 *   (`join/rate_limited`) until tokens come back. Generous enough for a class behind one school
 *   NAT (default 60 bad codes, then 1 per second); a 6-digit code space cannot be walked at that
 *   rate. The address is the TCP peer (X-Forwarded-For is ignored: it is the client's to forge).
 *
 * The matchmaker's controller is process-global, so the join guard is process-global too (the
 * last server created in a process installs its limits, as applyCorsPolicy does).
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { matchMaker, ServerError } from '@colyseus/core';
import { TokenBuckets, type BucketLimit } from '../challenges/rateLimit.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Phaser and the DOM panels set element.style through the CSSOM (allowed); no inline <style>.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

/** Default join-code guessing limit per address: 60 unknown codes, then one per second. */
export const DEFAULT_JOIN_LIMIT: BucketLimit = { capacity: 60, perSecond: 1 };

/** Error code a refused join carries (the SDK's MatchMakeError.code is the HTTP status 429). */
export const JOIN_RATE_LIMITED = 'join/rate_limited';

/** Request header the guard stamps with the TCP peer address (any client-sent value is replaced). */
const PEER_HEADER = 'x-heap-heroes-peer';

/**
 * Wraps the server's 'request' emission (before Colyseus' and Express' listeners, whatever order
 * they are registered in): sets the security headers and stamps the peer address.
 */
export function installHttpHardening(http: HttpServer): void {
  const emit = http.emit.bind(http) as (event: string, ...args: unknown[]) => boolean;
  http.emit = ((event: string, ...args: unknown[]): boolean => {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    }
    return emit(event, ...args);
  }) as HttpServer['emit'];
}

interface AuthContextLike {
  headers?: Headers;
}

type InvokeMethod = typeof matchMaker.controller.invokeMethod;
let originalInvoke: InvokeMethod | null = null;

/** Installs the join-code guessing limit on the matchmaker (replacing any earlier limits). */
export function installJoinGuard(
  limit: BucketLimit = DEFAULT_JOIN_LIMIT,
  now: () => number = Date.now,
): void {
  const buckets = new TokenBuckets(limit);
  originalInvoke ??= matchMaker.controller.invokeMethod;
  const invoke = originalInvoke;
  matchMaker.controller.invokeMethod = async function (
    this: typeof matchMaker.controller,
    method,
    roomName,
    clientOptions,
    authOptions,
  ) {
    if (method !== 'joinById')
      return invoke.call(this, method, roomName, clientOptions, authOptions);
    const peer =
      (authOptions as AuthContextLike | undefined)?.headers?.get(PEER_HEADER) ?? 'unknown';
    if (buckets.peek(peer, now()) < 1)
      throw new ServerError(
        429,
        `${JOIN_RATE_LIMITED}: too many unknown class codes; wait a minute.`,
      );
    try {
      return await invoke.call(this, method, roomName, clientOptions, authOptions);
    } catch (e) {
      if (e instanceof ServerError && e.code === MATCHMAKE_INVALID_ROOM_ID)
        buckets.take(peer, now());
      throw e;
    }
  } as InvokeMethod;
}

/** @colyseus/shared-types ErrorCode.MATCHMAKE_INVALID_ROOM_ID: no (unlocked) room with that id. */
const MATCHMAKE_INVALID_ROOM_ID = 522;
