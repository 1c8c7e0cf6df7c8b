/**
 * format(value, spec) for int, bool, float and str: CPython 3.11's `format_long_internal`,
 * `format_float_internal` and `format_string_internal` behaviour (C locale for 'n').
 */
import { raise } from './errors.ts';
import type { Num } from './errors.ts';
import { floatRepr, intToFloat } from './float.ts';
import { intToStr } from './int.ts';
import { floatBody } from './formatfloat.ts';
import { parseFormatSpec, typeCharText } from './formatspec.ts';
import type { FormatSpec } from './formatspec.ts';

/** The pieces of a formatted number, before padding. */
export interface NumberParts {
  sign: string;
  prefix: string;
  /** Integer digits (grouped later), e.g. "1234" or "inf". */
  whole: string;
  /** Everything after the integer digits: ".50", "e+03", "%". */
  rest: string;
  /** Group size for the separator (3 decimal, 4 for b/o/x/X). */
  groupSize: number;
}

function unknownCode(type: string, typeName: string): never {
  raise(
    'ValueError',
    `Unknown format code '${typeCharText(type)}' for object of type '${typeName}'`,
  );
}

function pad(text: string, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  const len = Array.from(text).length;
  const room = spec.width - len;
  if (room <= 0) return text;
  const align = spec.align === '' ? defaultAlign : spec.align;
  if (align === '<') return text + spec.fill.repeat(room);
  if (align === '>') return spec.fill.repeat(room) + text;
  const left = Math.floor(room / 2);
  return spec.fill.repeat(left) + text + spec.fill.repeat(room - left);
}

/** Inserts separators; with `minWidth`, first pads with zeros so the grouped digits reach it. */
function group(whole: string, sep: string, size: number, minWidth: number): string {
  if (sep === '' || !/^[0-9a-fA-F]+$/.test(whole)) {
    return minWidth > whole.length ? whole.padStart(minWidth, '0') : whole;
  }
  let digits = whole;
  while (digits.length + Math.floor((digits.length - 1) / size) < minWidth) digits = `0${digits}`;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= size)
    groups.unshift(digits.slice(Math.max(0, end - size), end));
  return groups.join(sep);
}

/** Pads and groups a number; '=' puts the fill between the sign/prefix and the digits. */
export function layoutNumber(parts: NumberParts, spec: FormatSpec): string {
  const head = parts.sign + parts.prefix;
  const zeroFill = spec.fill === '0' && spec.align === '=';
  const minWidth = zeroFill ? spec.width - head.length - Array.from(parts.rest).length : 0;
  const body = group(parts.whole, spec.grouping, parts.groupSize, minWidth) + parts.rest;
  if (spec.align === '=') {
    const room = spec.width - head.length - Array.from(body).length;
    return head + (room > 0 ? spec.fill.repeat(room) : '') + body;
  }
  return pad(head + body, spec, '>');
}

function signText(negative: boolean, sign: FormatSpec['sign']): string {
  if (negative) return '-';
  return sign === '+' ? '+' : sign === ' ' ? ' ' : '';
}

const RADIX: Record<string, number> = { b: 2, o: 8, x: 16, X: 16, d: 10, n: 10 };

function formatIntSpec(n: bigint, spec: FormatSpec): string {
  if (spec.precision >= 0) raise('ValueError', 'Precision not allowed in integer format specifier');
  if (spec.noNegZero) {
    raise('ValueError', 'Negative zero coercion (z) not allowed in integer format specifier');
  }
  if (spec.type === 'c') {
    if (spec.sign !== '') raise('ValueError', "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) {
      raise('ValueError', "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    if (n < -(2n ** 63n) || n >= 2n ** 63n) {
      raise('OverflowError', 'Python int too large to convert to C long');
    }
    if (n < 0n || n > 0x10ffffn) raise('OverflowError', '%c arg not in range(0x110000)');
    const whole = String.fromCodePoint(Number(n));
    return layoutNumber({ sign: '', prefix: '', whole, rest: '', groupSize: 3 }, spec);
  }
  const radix = RADIX[spec.type] ?? 10;
  const abs = n < 0n ? -n : n;
  let whole = radix === 10 ? intToStr(abs) : abs.toString(radix);
  if (spec.type === 'X') whole = whole.toUpperCase();
  const prefix = spec.alternate && radix !== 10 ? `0${spec.type}` : '';
  const groupSize = radix === 10 ? 3 : 4;
  return layoutNumber(
    { sign: signText(n < 0n, spec.sign), prefix, whole, rest: '', groupSize },
    spec,
  );
}

export function formatFloatSpec(x: number, spec: FormatSpec): string {
  const { negative, whole, rest } = floatBody(x, spec);
  return layoutNumber(
    { sign: signText(negative, spec.sign), prefix: '', whole, rest, groupSize: 3 },
    spec,
  );
}

/** format(n, spec) for an int or bool. */
export function formatInt(n: bigint | boolean, spec: string): string {
  if (spec === '') return typeof n === 'boolean' ? (n ? 'True' : 'False') : intToStr(n);
  const value = typeof n === 'boolean' ? (n ? 1n : 0n) : n;
  const parsed = parseFormatSpec(spec, typeof n === 'boolean' ? 'bool' : 'int', '>', 'd');
  if ('bcdoxXn'.includes(parsed.type)) return formatIntSpec(value, parsed);
  if ('eEfFgG%'.includes(parsed.type)) return formatFloatSpec(intToFloat(value), parsed);
  return unknownCode(parsed.type, typeof n === 'boolean' ? 'bool' : 'int');
}

/** format(x, spec) for a float. */
export function formatFloat(x: number, spec: string): string {
  if (spec === '') return floatRepr(x);
  const parsed = parseFormatSpec(spec, 'float', '>', '');
  if (parsed.type !== '' && !'eEfFgGn%'.includes(parsed.type)) unknownCode(parsed.type, 'float');
  return formatFloatSpec(x, parsed);
}

/** format(s, spec) for a str. */
export function formatStr(s: string, spec: string): string {
  if (spec === '') return s;
  const parsed = parseFormatSpec(spec, 'str', '<', 's');
  if (parsed.type !== 's') unknownCode(parsed.type, 'str');
  if (parsed.sign !== '') {
    const what = parsed.sign === ' ' ? 'Space' : 'Sign';
    raise('ValueError', `${what} not allowed in string format specifier`);
  }
  if (parsed.noNegZero) {
    raise('ValueError', 'Negative zero coercion (z) not allowed in string format specifier');
  }
  if (parsed.alternate)
    raise('ValueError', 'Alternate form (#) not allowed in string format specifier');
  if (parsed.align === '=')
    raise('ValueError', "'=' alignment not allowed in string format specifier");
  const chars = Array.from(s);
  const text = parsed.precision >= 0 ? chars.slice(0, parsed.precision).join('') : s;
  return pad(text, parsed, '<');
}

/** format(value, spec) for any value of this layer. */
export function formatValue(value: Num | string, spec: string): string {
  if (typeof value === 'string') return formatStr(value, spec);
  if (typeof value === 'number') return formatFloat(value, spec);
  return formatInt(value, spec);
}
