/**
 * printf-style `str % args` (CPython 3.11 `PyUnicode_Format`) for args of this layer.
 * Objects the layer does not know come pre-rendered as `{ str, repr, ascii }` by the VM.
 */
import { asIntOrFloat, raise } from './errors.ts';
import { floatToInt, intToFloat } from './float.ts';
import { intToStr } from './int.ts';
import { floatBody } from './formatfloat.ts';
import { layoutNumber } from './format.ts';
import type { FormatSpec } from './formatspec.ts';
import { asciiValue, reprValue, strValue } from './text.ts';
import type { TextArg } from './text.ts';

export type PercentArg = TextArg;

interface Directive {
  flags: string;
  width: number;
  precision: number;
  type: string;
}

function typeOf(arg: PercentArg): string {
  if (typeof arg === 'string') return 'str';
  if (typeof arg === 'object') return arg.typeName;
  return typeof arg === 'boolean' ? 'bool' : typeof arg === 'bigint' ? 'int' : 'float';
}

function specFor(d: Directive, type: string): FormatSpec {
  const left = d.flags.includes('-');
  const zero = d.flags.includes('0') && !left;
  return {
    fill: zero ? '0' : ' ',
    align: left ? '<' : zero ? '=' : '>',
    sign: d.flags.includes('+') ? '+' : d.flags.includes(' ') ? ' ' : '',
    noNegZero: false,
    alternate: d.flags.includes('#'),
    width: d.width,
    grouping: '',
    precision: d.precision,
    type,
  };
}

function intDirective(arg: PercentArg, d: Directive): string {
  const isNumber = typeof arg === 'bigint' || typeof arg === 'boolean' || typeof arg === 'number';
  if (!isNumber || (typeof arg === 'number' && 'xXo'.includes(d.type))) {
    const need = 'xXo'.includes(d.type) ? 'an integer' : 'a real number';
    raise('TypeError', `%${d.type} format: ${need} is required, not ${typeOf(arg)}`);
  }
  const v = asIntOrFloat(arg);
  const n = typeof v === 'number' ? floatToInt(v) : v;
  const abs = n < 0n ? -n : n;
  const radix = d.type === 'o' ? 8 : 'xX'.includes(d.type) ? 16 : 10;
  let whole = radix === 10 ? intToStr(abs) : abs.toString(radix);
  if (d.type === 'X') whole = whole.toUpperCase();
  if (d.precision > whole.length) whole = whole.padStart(d.precision, '0');
  const spec = specFor(d, 'd');
  const prefix = spec.alternate && radix !== 10 ? `0${d.type}` : '';
  const sign = n < 0n ? '-' : spec.sign;
  return layoutNumber({ sign, prefix, whole, rest: '', groupSize: 3 }, spec);
}

function floatDirective(arg: PercentArg, d: Directive): string {
  if (typeof arg === 'string' || typeof arg === 'object') {
    raise('TypeError', `must be real number, not ${typeOf(arg)}`);
  }
  const v = asIntOrFloat(arg);
  const x = typeof v === 'number' ? v : intToFloat(v);
  const spec = specFor(d, d.type);
  const { negative, whole, rest } = floatBody(x, spec);
  const sign = negative ? '-' : spec.sign;
  return layoutNumber({ sign, prefix: '', whole, rest, groupSize: 3 }, spec);
}

function pad(text: string, d: Directive): string {
  const room = d.width - Array.from(text).length;
  if (room <= 0) return text;
  return d.flags.includes('-') ? text + ' '.repeat(room) : ' '.repeat(room) + text;
}

function textDirective(arg: PercentArg, d: Directive): string {
  let text: string;
  if (d.type === 'c') {
    if (typeof arg === 'string' && Array.from(arg).length === 1) text = arg;
    else if (typeof arg === 'bigint' || typeof arg === 'boolean') {
      const n = asIntOrFloat(arg) as bigint;
      if (n < 0n || n > 0x10ffffn) raise('OverflowError', '%c arg not in range(0x110000)');
      text = String.fromCodePoint(Number(n));
    } else raise('TypeError', '%c requires int or char');
  } else if (d.type === 's') text = strValue(arg);
  else if (d.type === 'r') text = reprValue(arg);
  else text = asciiValue(arg);
  const chars = Array.from(text);
  const cut = d.precision >= 0 && d.type !== 'c'; // %c ignores the precision
  return pad(cut ? chars.slice(0, d.precision).join('') : text, d);
}

function render(arg: PercentArg, d: Directive): string {
  if ('diuxXo'.includes(d.type)) return intDirective(arg, d);
  if ('eEfFgG'.includes(d.type)) return floatDirective(arg, d);
  return textDirective(arg, d);
}

const TYPES = 'diuoxXeEfFgGcrsa';

function readNumber(
  t: string,
  pos: number,
  args: readonly PercentArg[],
  next: { i: number },
): [number, number] {
  if (t[pos] === '*') {
    const arg = args[next.i++];
    if (arg === undefined) raise('TypeError', 'not enough arguments for format string');
    if (typeof arg !== 'bigint' && typeof arg !== 'boolean') raise('TypeError', '* wants int');
    const n = Number(asIntOrFloat(arg));
    return [n === -1 ? -2 : n, pos + 1]; // -1 means "none": a star's -1 is width 1, left
  }
  let end = pos;
  while (t[end] !== undefined && t[end]! >= '0' && t[end]! <= '9') end++;
  return [end === pos ? -1 : Number(t.slice(pos, end)), end];
}

/** template % args: `args` is the tuple's items (a single non-tuple argument is a 1-item list). */
export function percentFormat(template: string, args: readonly PercentArg[]): string {
  const t = template;
  const next = { i: 0 };
  let out = '';
  let pos = 0;
  while (pos < t.length) {
    const at = t.indexOf('%', pos);
    if (at < 0) {
      out += t.slice(pos);
      break;
    }
    out += t.slice(pos, at);
    if (t[at + 1] === '%') {
      out += '%';
      pos = at + 2;
      continue;
    }
    let p = at + 1;
    let flags = '';
    while (t[p] !== undefined && '-+ #0'.includes(t[p]!)) flags += t[p++];
    let width: number;
    [width, p] = readNumber(t, p, args, next);
    if (width < -1) {
      flags += '-';
      width = -width;
    }
    let precision = -1;
    if (t[p] === '.') {
      [precision, p] = readNumber(t, p + 1, args, next);
      precision = Math.max(precision, 0);
    }
    while (t[p] !== undefined && 'hlL'.includes(t[p]!)) p++;
    const type = t[p];
    if (type === undefined) raise('ValueError', 'incomplete format');
    const arg = args[next.i++];
    if (arg === undefined) raise('TypeError', 'not enough arguments for format string');
    if (!TYPES.includes(type)) {
      const cp = type.codePointAt(0) ?? 0;
      raise(
        'ValueError',
        `unsupported format character '${cp < 128 ? type : '?'}' (0x${cp.toString(16)}) at index ${p}`,
      );
    }
    out += render(arg, { flags, width, precision, type });
    pos = p + 1;
  }
  if (next.i < args.length)
    raise('TypeError', 'not all arguments converted during string formatting');
  return out;
}
