/** Character classes of Python's tokenizer: identifiers, invalid characters, newlines. */

const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

export function isIdStart(c: string): boolean {
  return (
    (c >= 'a' && c <= 'z') ||
    (c >= 'A' && c <= 'Z') ||
    c === '_' ||
    (c > '\x7f' && ID_START.test(c))
  );
}
export function isIdContinue(c: string): boolean {
  return isIdStart(c) || (c >= '0' && c <= '9') || (c > '\x7f' && ID_CONTINUE.test(c));
}

/** Normalizes newlines as CPython does for source text: CRLF and CR become LF. */
export function normalizeNewlines(src: string): string {
  return src.indexOf('\r') < 0 ? src : src.replace(/\r\n?/g, '\n');
}

/** CPython's message for a character that starts no token. */
export function invalidCharacter(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp < 0x20 || cp === 0x7f || (cp > 0x7f && NON_PRINTABLE.test(c))) {
    return `invalid non-printable character U+${hex}`;
  }
  return cp < 0x80 ? 'invalid syntax' : `invalid character '${c}' (U+${hex})`;
}
