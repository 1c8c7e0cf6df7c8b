/**
 * sys.getsizeof of str, int, float and bytes on 64-bit CPython 3.11 (measured with python3
 * 3.11.7), and which str constants are shared objects.
 *
 * str is a compact PEP 393 object: ASCII text has a 48-byte header, other text a 72-byte one,
 * then (len + 1) code units of 1, 2 or 4 bytes (the widest character decides). A non-ASCII str
 * whose UTF-8 form has been cached (PyUnicode_AsUTF8, e.g. after some C APIs) grows by that
 * cache; this model reports the size before any such cache.
 */
import { Unsupported } from './errors.ts';

/** Widest code point's storage: 1 for latin-1, 2 for the BMP, 4 beyond. */
function charWidth(s: string): { ascii: boolean; width: 1 | 2 | 4; length: number } {
  let max = 0;
  let length = 0;
  for (const ch of s) {
    max = Math.max(max, ch.codePointAt(0) ?? 0);
    length++;
  }
  return { ascii: max < 0x80, width: max < 0x100 ? 1 : max < 0x10000 ? 2 : 4, length };
}

export function strSizeof(s: string): number {
  const { ascii, width, length } = charWidth(s);
  return (ascii ? 48 : 72) + (length + 1) * width;
}

/** int: 24-byte header plus 4 bytes per 30-bit digit, at least one digit (0 is 28 in 3.11). */
export function intSizeof(n: bigint | boolean): number {
  const v = typeof n === 'boolean' ? (n ? 1n : 0n) : n;
  const abs = v < 0n ? -v : v;
  const bits = abs === 0n ? 0 : abs.toString(2).length;
  return 24 + 4 * Math.max(1, Math.ceil(bits / 30));
}

export const FLOAT_SIZEOF = 24;

/** bytes: 33-byte header (including the trailing NUL) plus one byte per byte. */
export function bytesSizeof(length: number): number {
  return 33 + length;
}

/**
 * Whether the compiler interns a str constant (CPython 3.11 `intern_string_constants` /
 * `all_name_chars`): every character in [A-Za-z0-9_]. Such constants, equal names and
 * identifiers are one shared object across code objects.
 */
export function isInternedConstant(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

/**
 * Strings CPython keeps as process-wide singletons, so every way of making them gives the same
 * object: the empty string and each one-character latin-1 string (code point < 256).
 */
export function isSingletonStr(s: string): boolean {
  if (s === '') return true;
  const chars = Array.from(s);
  return chars.length === 1 && (chars[0]?.codePointAt(0) ?? 256) < 256;
}

export function sizeofValue(v: bigint | boolean | number | string): number {
  if (typeof v === 'string') return strSizeof(v);
  if (typeof v === 'number') return FLOAT_SIZEOF;
  if (typeof v === 'bigint' || typeof v === 'boolean') return intSizeof(v);
  throw new Unsupported('sizeof');
}
