/**
 * Literal values: numbers to tagged constants (ints as decimal text of any size, floats as
 * CPython's repr) and string escapes decoded as CPython's string parser does.
 */
import type { PyConstant } from './ast.ts';

/** CPython's `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant = '', expText] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intDigits = exp + 1;
  if (digits.length <= intDigits)
    return `${sign}${digits}${'0'.repeat(intDigits - digits.length)}.0`;
  return `${sign}${digits.slice(0, intDigits)}.${digits.slice(intDigits)}`;
}

/** Decimal ints that a double holds exactly: the common case, without BigInt. */
const SMALL_DECIMAL = /^(0|[1-9][0-9]{0,14})$/;

/** A NUMBER token's value. */
export function numberConstant(text: string): PyConstant {
  if (SMALL_DECIMAL.test(text)) return { t: 'int', v: String(Number(text)) };
  const t = text.replace(/_/g, '');
  const last = t[t.length - 1];
  if (last === 'j' || last === 'J')
    return { t: 'complex', real: '0.0', imag: floatRepr(Number(t.slice(0, -1))) };
  const lower = t.toLowerCase();
  if (/^0[xob]/.test(lower)) return { t: 'int', v: BigInt(lower).toString() };
  if (/[.e]/.test(lower)) return { t: 'float', v: floatRepr(Number(t)) };
  return { t: 'int', v: BigInt(t).toString() };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A few \N{...} names. The full Unicode name table is not carried: other names raise a SyntaxError (a known gap). */
const UNICODE_NAMES: Record<string, number> = {
  BULLET: 0x2022,
  'EM DASH': 0x2014,
  'EN DASH': 0x2013,
  'HORIZONTAL ELLIPSIS': 0x2026,
  'DEGREE SIGN': 0xb0,
  'GREEK SMALL LETTER ALPHA': 0x3b1,
  'GREEK SMALL LETTER PI': 0x3c0,
  SNAKE: 0x1f40d,
  'LATIN SMALL LETTER E WITH ACUTE': 0xe9,
  'NO-BREAK SPACE': 0xa0,
  SPACE: 0x20,
  'RIGHTWARDS ARROW': 0x2192,
  'CHECK MARK': 0x2713,
  'EURO SIGN': 0x20ac,
};

export class EscapeError extends Error {}

/**
 * Decodes the escapes of a non-raw literal body. In bytes, only byte escapes count and the
 * result is latin-1 text; unknown escapes keep their backslash (CPython warns, accepts).
 */
export function decodeEscapes(body: string, bytes: boolean): string {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    if (e === undefined) {
      out += '\\';
    } else if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
    } else if (e >= '0' && e <= '7') {
      let j = i;
      while (j < i + 2 && (body[j] ?? '') >= '0' && (body[j] ?? '8') <= '7') j++;
      const v = parseInt(body.slice(i - 1, j), 8);
      out += String.fromCodePoint(bytes ? v & 0xff : v);
      i = j;
    } else if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i, i + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) {
        throw new EscapeError(
          `(${bytes ? 'value' : 'unicode'} error) truncated \\${e}${'X'.repeat(n)} escape`,
        );
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) throw new EscapeError('(unicode error) illegal Unicode character');
      out += String.fromCodePoint(cp);
      i += n;
    } else if (e === 'N' && !bytes) {
      const close = body.indexOf('}', i);
      const name = body[i] === '{' && close > 0 ? body.slice(i + 1, close).toUpperCase() : '';
      const cp = UNICODE_NAMES[name];
      if (cp === undefined) throw new EscapeError('(unicode error) unknown Unicode character name');
      out += String.fromCodePoint(cp);
      i = close + 1;
    } else {
      out += '\\' + e;
    }
  }
  return out;
}
