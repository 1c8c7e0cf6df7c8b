/**
 * Cross-origin policy. Colyseus 0.18 prepends a request listener to the HTTP server that reflects
 * any Origin with credentials on *every* route, Express ones included (stack NOTES gotcha 9).
 * The game is served from the same origin as the API and the matchmaker (vite dev proxies too), so
 * by default no cross-origin access is granted at all; ALLOWED_ORIGINS opts specific origins in.
 *
 * The matchmaker's controller is process-global, so this policy is process-global too.
 */
import { matchMaker } from '@colyseus/core';

/** Replaces Colyseus' permissive CORS headers with an allow-list (empty = same-origin only). */
export function applyCorsPolicy(allowedOrigins: readonly string[]): void {
  const allowed = new Set(allowedOrigins);
  // Typed as the permissive literal set; any header record is accepted at runtime.
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS =
    {
      'Access-Control-Allow-Headers': 'Content-Type, Accept, Authorization',
      'Access-Control-Allow-Methods': 'GET,POST',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  matchMaker.controller.getCorsHeaders = (headers: Headers): Record<string, string> => {
    const origin = headers.get('origin');
    return origin !== null && allowed.has(origin) ? { 'Access-Control-Allow-Origin': origin } : {};
  };
}

/** Parses ALLOWED_ORIGINS ("https://a.example, https://b.example"). */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
