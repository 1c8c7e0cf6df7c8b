/**
 * Which browser origins may change state here: this server's own origin (the Origin's host:port
 * equals the request's Host) and the ALLOWED_ORIGINS list. A request without Origin is not from a
 * browser page (browsers send Origin on every cross-site POST and on every WebSocket handshake),
 * unless Sec-Fetch-Site says it is cross-site. Used by the HTTP front door (security.ts) and by
 * the WebSocket upgrade (app.ts).
 */
export interface OriginHeaders {
  origin?: string | null | undefined;
  host?: string | null | undefined;
  fetchSite?: string | null | undefined;
}

export function originAllowed(h: OriginHeaders, allowed: ReadonlySet<string>): boolean {
  if (h.origin === undefined || h.origin === null || h.origin === '')
    return h.fetchSite !== 'cross-site';
  if (allowed.has(h.origin)) return true;
  try {
    return new URL(h.origin).host === (h.host ?? '').toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
}

export const ORIGIN_REFUSED = {
  code: 'request/origin',
  message: 'This page may not act on Heap Heroes from another site.',
} as const;
