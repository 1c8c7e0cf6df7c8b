/** Character classes shared by int(), float() and the str methods. */

/** Python's str.isspace() set: bidi class WS/B/S or category Zs (Unicode 14.0). JS `\s` differs (it has U+FEFF, lacks 0x1c-0x1f and 0x85). */
export const PY_SPACE_CLASS =
  '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const TRIM = new RegExp(`^[${PY_SPACE_CLASS}]+|[${PY_SPACE_CLASS}]+$`, 'gu');

/** str.strip() with no argument. */
export function stripSpace(s: string): string {
  return s.replace(TRIM, '');
}

/** int()/float() strip str.isspace() characters except the ASCII separators 0x1c-0x1f. */
const NUMBER_SPACE_CLASS = PY_SPACE_CLASS.replace('\\x1c-\\x20', '\\x20');
const NUMBER_TRIM = new RegExp(`^[${NUMBER_SPACE_CLASS}]+|[${NUMBER_SPACE_CLASS}]+$`, 'gu');

export function stripNumberSpace(s: string): string {
  return s.replace(NUMBER_TRIM, '');
}

const DECIMAL = /\p{Nd}/u;

/**
 * The value of a Unicode decimal digit (category Nd), or -1. Every Nd run is a whole number of
 * 0..9 sets starting at a zero, so the value is the offset from the run's start, mod 10.
 */
function decimalValue(ch: string): number {
  if (!DECIMAL.test(ch)) return -1;
  let cp = ch.codePointAt(0) ?? 0;
  let offset = 0;
  while (cp > 0 && DECIMAL.test(String.fromCodePoint(cp - 1))) {
    cp--;
    offset++;
  }
  return offset % 10;
}

/** Non-ASCII decimal digits replaced by their ASCII digit (as int() and float() read them). */
export function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const v = ch > '\x7f' ? decimalValue(ch) : -1;
    out += v >= 0 ? String(v) : ch;
  }
  return out;
}
