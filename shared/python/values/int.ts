/**
 * int <-> str as CPython 3.11.7 does it, including the 4300-digit limit on decimal conversion
 * (CVE-2020-10735; sys.int_info.default_max_str_digits) with its exact messages.
 */
import { raise } from './errors.ts';
import { asciiDigits, stripNumberSpace } from './chars.ts';
import { strRepr } from './strrepr.ts';

export const MAX_STR_DIGITS = 4300;
const LIMIT_HINT = 'use sys.set_int_max_str_digits() to increase the limit';

/** str(n) / repr(n). */
export function intToStr(n: bigint): string {
  const text = n.toString();
  const digits = n < 0n ? text.length - 1 : text.length;
  if (digits > MAX_STR_DIGITS) {
    raise(
      'ValueError',
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; ${LIMIT_HINT}`,
    );
  }
  return text;
}

function digitValue(ch: string): number {
  const c = ch.toLowerCase().charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return 99;
}

/** int(text, base): sign, base prefix (for base 0 or the matching base), underscores between digits. */
export function intFromStr(text: string, base = 10): bigint {
  if (base !== 0 && (base < 2 || base > 36)) {
    raise('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const bad = (): never =>
    raise('ValueError', `invalid literal for int() with base ${base}: ${strRepr(text)}`);
  let s = asciiDigits(stripNumberSpace(text));
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s.startsWith('-');
    s = s.slice(1);
  }
  let b = base;
  const prefix = /^0([xob])/i.exec(s);
  const prefixBase = prefix ? { x: 16, o: 8, b: 2 }[(prefix[1] ?? '').toLowerCase()] : undefined;
  let afterPrefix = false;
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    b = prefixBase;
    s = s.slice(2);
    afterPrefix = true;
  } else if (base === 0) {
    b = 10;
    if (/^0+(_?0)*$/.test(s)) return 0n;
    if (s.startsWith('0')) bad();
  }
  // underscores: single, between digits (or right after a prefix)
  if (s === '' || s.endsWith('_') || s.includes('__') || (s.startsWith('_') && !afterPrefix)) {
    bad();
  }
  const digits = s.replace(/_/g, '');
  if (digits === '') bad();
  for (const ch of digits) if (digitValue(ch) >= b) bad();
  if ((b & (b - 1)) !== 0 && digits.length > MAX_STR_DIGITS) {
    raise(
      'ValueError',
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: ` +
        `value has ${digits.length} digits; ${LIMIT_HINT}`,
    );
  }
  const value = parseDigits(digits, b);
  return neg ? -value : value;
}

function parseDigits(digits: string, base: number): bigint {
  if (base === 10) return BigInt(digits);
  if (base === 16 || base === 8 || base === 2) {
    return BigInt(`0${{ 16: 'x', 8: 'o', 2: 'b' }[base]}${digits}`);
  }
  const big = BigInt(base);
  let value = 0n;
  for (const ch of digits) value = value * big + BigInt(digitValue(ch));
  return value;
}
