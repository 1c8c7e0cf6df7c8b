/**
 * The format-spec mini-language parser, as CPython 3.11's `parse_internal_render_format_spec`:
 * [[fill]align][sign][z][#][0][width][,|_][.precision][type], with its error messages.
 */
import { raise } from './errors.ts';

export interface FormatSpec {
  fill: string;
  /** '' when not given (each type has its default). */
  align: '' | '<' | '>' | '=' | '^';
  sign: '' | '+' | '-' | ' ';
  /** 'z': negative zero coerced to zero (3.11). */
  noNegZero: boolean;
  alternate: boolean;
  width: number;
  grouping: '' | ',' | '_';
  /** -1 when not given. */
  precision: number;
  type: string;
}

const ALIGNS = '<>=^';

/** How CPython quotes a presentation type in messages. */
export function typeCharText(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  return c > 32 && c < 128 ? ch : `\\x${c.toString(16)}`;
}

function readInt(spec: string, pos: number): [value: number, next: number] {
  let end = pos;
  while (end < spec.length && spec[end]! >= '0' && spec[end]! <= '9') end++;
  if (end - pos > 18) raise('ValueError', 'Too many decimal digits in format string');
  return [end === pos ? -1 : Number(spec.slice(pos, end)), end];
}

/**
 * Parses `spec` for an object of type `typeName` whose default alignment is `defaultAlign`
 * ('>' for numbers, '<' for str) and default presentation type `defaultType` ('s', 'd', '').
 */
export function parseFormatSpec(
  spec: string,
  typeName: string,
  defaultAlign: '<' | '>',
  defaultType: string,
): FormatSpec {
  const chars = Array.from(spec);
  const text = (i: number): string => chars[i] ?? '';
  const out: FormatSpec = {
    fill: ' ',
    align: '',
    sign: '',
    noNegZero: false,
    alternate: false,
    width: -1,
    grouping: '',
    precision: -1,
    type: '',
  };
  let pos = 0;
  let fillGiven = false;
  if (chars.length >= 2 && ALIGNS.includes(text(1))) {
    out.fill = text(0);
    out.align = text(1) as FormatSpec['align'];
    fillGiven = true;
    pos = 2;
  } else if (chars.length >= 1 && ALIGNS.includes(text(0))) {
    out.align = text(0) as FormatSpec['align'];
    pos = 1;
  }
  if ('+- '.includes(text(pos)) && text(pos) !== '') out.sign = text(pos++) as FormatSpec['sign'];
  if (text(pos) === 'z') {
    out.noNegZero = true;
    pos++;
  }
  if (text(pos) === '#') {
    out.alternate = true;
    pos++;
  }
  if (!fillGiven && text(pos) === '0') {
    out.fill = '0';
    if (out.align === '' && defaultAlign === '>') out.align = '=';
    pos++;
  }
  const rest = chars.slice(pos).join('');
  let [width, at] = readInt(rest, 0);
  out.width = width;
  if (rest[at] === ',') {
    out.grouping = ',';
    at++;
  }
  if (rest[at] === '_') {
    if (out.grouping !== '') raise('ValueError', "Cannot specify both ',' and '_'.");
    out.grouping = '_';
    at++;
  }
  if (rest[at] === ',' && out.grouping === '_') {
    raise('ValueError', "Cannot specify both ',' and '_'.");
  }
  if (rest[at] === '.') {
    [width, at] = readInt(rest, at + 1);
    if (width < 0) raise('ValueError', 'Format specifier missing precision');
    out.precision = width;
  }
  const tail = Array.from(rest.slice(at));
  if (tail.length > 1) {
    raise('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  out.type = tail[0] ?? defaultType;
  checkGrouping(out);
  return out;
}

function checkGrouping(spec: FormatSpec): void {
  if (spec.grouping === '') return;
  const type = spec.type;
  if (type === '' || 'defgEG%F'.includes(type)) return;
  if (spec.grouping === '_' && 'boxX'.includes(type)) return;
  raise('ValueError', `Cannot specify '${spec.grouping}' with '${typeCharText(type)}'.`);
}
