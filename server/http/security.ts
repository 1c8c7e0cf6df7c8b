/**
 * Web hardening at the HTTP-server level, so it covers every route: Express (page, /api), the
 * Colyseus matchmaker (/matchmake, answered before Express sees the request) and static files.
 *
 * - Security headers and a Content-Security-Policy on every response. The built client has no
 *   inline script (vite emits one module script); Phaser needs data:/blob: images (its default
 *   textures, generated textures) and the game talks to its own origin over fetch and WebSocket
 *   (`connect-src 'self'` covers ws:/wss: of the same host in CSP 3 browsers).
 * - A front door for every request (installHttpHardening): origin, body size and type checks
 *   before any byte of the body is read. The matchmaker's own rules (join by code only, budgets,
 *   the teacher's key) are in matchmakeGuard.ts.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { ORIGIN_REFUSED, originAllowed } from './origin.ts';

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

/** Request header stamped with the TCP peer address (any client-sent value is replaced). */
export const PEER_HEADER = 'x-heap-heroes-peer';

/** Largest request body per path prefix (bytes); the matchmaker's options are a few small fields. */
const BODY_LIMITS: readonly (readonly [prefix: string, bytes: number])[] = [
  ['/matchmake/', 4 * 1024],
  ['/api/', 64 * 1024],
];
const OTHER_BODY_LIMIT = 1024;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Wraps the server's 'request' emission (before Colyseus' and Express' listeners, whatever order
 * they are registered in, and before Colyseus buffers any body): sets the security headers,
 * stamps the peer address, and refuses before anything is read — an address over a request
 * budget (429, see limits.ts `blocked`), a state-changing request from a
 * foreign origin (403), a body over its path's limit or of unknown length (413 / 411), and a
 * matchmaker body that is not JSON (415: a cross-site form or text/plain POST).
 */
export function installHttpHardening(
  http: HttpServer,
  allowedOrigins: readonly string[],
  blocked: (peer: string) => number = () => 0,
): void {
  const allowed = new Set(allowedOrigins);
  const emit = http.emit.bind(http) as (event: string, ...args: unknown[]) => boolean;
  http.emit = ((event: string, ...args: unknown[]): boolean => {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const peer = req.socket.remoteAddress ?? 'unknown';
      req.headers[PEER_HEADER] = peer;
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      const refusal = floodRefusal(blocked(peer)) ?? frontDoorRefusal(req, allowed);
      if (refusal !== null) {
        refuse(res, refusal);
        return true;
      }
    }
    return emit(event, ...args);
  }) as HttpServer['emit'];
}

interface Refusal {
  status: number;
  code: string;
  message: string;
  retryAfter?: number;
}

/** An address over a request budget is refused here until it refills (limits.ts `blocked`). */
function floodRefusal(seconds: number): Refusal | null {
  if (seconds <= 0) return null;
  return {
    status: 429,
    code: 'rate/limited',
    message: `Too many requests from this network; try again in ${seconds} s.`,
    retryAfter: seconds,
  };
}

function frontDoorRefusal(req: IncomingMessage, allowed: ReadonlySet<string>): Refusal | null {
  if (!STATE_CHANGING.has(req.method ?? 'GET')) return null;
  const h = req.headers;
  const site = h['sec-fetch-site'];
  if (
    !originAllowed(
      { origin: h.origin, host: h.host, fetchSite: typeof site === 'string' ? site : undefined },
      allowed,
    )
  )
    return { status: 403, ...ORIGIN_REFUSED };
  const path = req.url ?? '/';
  const limit = BODY_LIMITS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? OTHER_BODY_LIMIT;
  const length = h['content-length'];
  if (length === undefined && h['transfer-encoding'] !== undefined)
    return { status: 411, code: 'request/length_required', message: 'Send a Content-Length.' };
  if (Number(length ?? 0) > limit)
    return {
      status: 413,
      code: 'request/too_large',
      message: `A request body here is at most ${limit} bytes.`,
    };
  const json = (h['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
  if (path.startsWith('/matchmake/') && Number(length ?? 0) > 0 && !json)
    return { status: 415, code: 'request/not_json', message: 'Send application/json.' };
  return null;
}

function refuse(res: ServerResponse, { status, code, message, retryAfter }: Refusal): void {
  // The body is never read: close the connection so the unread bytes go nowhere.
  res.writeHead(status, {
    'content-type': 'application/json',
    connection: 'close',
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
  });
  res.end(JSON.stringify({ error: { code, message } }));
}
