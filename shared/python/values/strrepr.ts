/**
 * repr() of str and bytes, and str.isprintable, as CPython 3.11 (`unicode_repr`).
 * Printable = not in categories Cc Cf Cs Co Cn Zl Zp Zs, except the ASCII space. CPython 3.11
 * uses Unicode 14.0; the JS regex classes use the engine's (newer) Unicode version, so a code
 * point assigned after 14.0 counts as printable here and is escaped by CPython.
 */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintableChar(ch: string): boolean {
  return ch === ' ' || !NOT_PRINTABLE.test(ch);
}

export function isPrintable(s: string): boolean {
  for (const ch of s) if (!isPrintableChar(ch)) return false;
  return true;
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

function escapeChar(ch: string, quote: string, asciiOnly: boolean): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x7f) return ch;
  if (!asciiOnly && isPrintableChar(ch)) return ch;
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** Single quotes unless the text has a ' and no ". */
function quoteFor(s: string): string {
  return s.includes("'") && !s.includes('"') ? '"' : "'";
}

/** repr(s); `asciiOnly` gives ascii(s). */
export function strRepr(s: string, asciiOnly = false): string {
  const quote = quoteFor(s);
  let out = '';
  for (const ch of s) out += escapeChar(ch, quote, asciiOnly);
  return quote + out + quote;
}

/** repr(b) for bytes given as byte values 0..255. */
export function bytesRepr(bytes: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return `b${strRepr(text, true)}`;
}
