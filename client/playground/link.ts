/**
 * Share links: a program and a step as the URL hash, `#pg=1.<step>.<program>`, the program
 * lz-string-compressed (URI-safe) inside a small JSON envelope that names the format, so a link
 * cut short by a chat app (which still decompresses, to noise) is told apart from a program. The
 * hash never reaches a server, so nothing is collected. A link of another version, or a broken
 * one, reads as broken and the Playground says so instead of guessing.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

const PREFIX = '#pg=';
const VERSION = '1';
const ENVELOPE = 'heap-heroes-playground';
/** A generous cap on a shared program (a phone's URL bar copes with a few tens of kB). */
const MAX_SOURCE = 50_000;

export type LinkRead = { ok: true; source: string; step: number } | { ok: false };

export function linkHash(source: string, step: number): string {
  return `${PREFIX}${VERSION}.${step}.${compressToEncodedURIComponent(JSON.stringify([ENVELOPE, source]))}`;
}

/** Null when the hash is not a Playground link at all. */
export function readLink(hash: string): LinkRead | null {
  if (!hash.startsWith(PREFIX)) return null;
  const m = /^(\d+)\.(\d+)\.([A-Za-z0-9+\-$]+)$/.exec(hash.slice(PREFIX.length));
  if (!m || m[1] !== VERSION) return { ok: false };
  const source = unpack(m[3]!);
  if (source === null || source.length > MAX_SOURCE) return { ok: false };
  return { ok: true, source, step: Number(m[2]) };
}

function unpack(packed: string): string | null {
  try {
    const data: unknown = JSON.parse(decompressFromEncodedURIComponent(packed) ?? '');
    const ok = Array.isArray(data) && data.length === 2 && data[0] === ENVELOPE;
    return ok && typeof data[1] === 'string' ? data[1] : null;
  } catch {
    return null;
  }
}
