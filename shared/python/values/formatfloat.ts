/**
 * The digits of a float under a format spec (CPython's `PyOS_double_to_string` modes e/f/g/r
 * with the '#', 'z' and "add .0" rules), split into the integer part and the rest.
 */
import { fixedDigits, significantDigits } from './decimal.ts';
import { floatRepr } from './float.ts';
import type { FormatSpec } from './formatspec.ts';

export interface FloatBody {
  negative: boolean;
  whole: string;
  rest: string;
}

function expSuffix(exp: number, upper: boolean): string {
  return `${upper ? 'E' : 'e'}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function expForm(x: number, precision: number, alternate: boolean, upper: boolean): string {
  const { digits, exp } = significantDigits(x, precision + 1);
  const frac = digits.slice(1);
  const point = frac !== '' || alternate ? '.' : '';
  return `${digits[0]}${point}${frac}${expSuffix(exp, upper)}`;
}

/** 'g' (and '' with a precision, which adds ".0" and switches to exponent one digit sooner). */
function generalForm(x: number, precision: number, spec: FormatSpec, addDot0: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { digits, exp } = significantDigits(x, p);
  const upper = spec.type === 'G';
  const limit = addDot0 ? p - 1 : p;
  let text: string;
  if (exp < -4 || exp + 1 > limit) {
    let frac = digits.slice(1);
    if (!spec.alternate) frac = frac.replace(/0+$/, '');
    const point = frac !== '' || spec.alternate ? '.' : '';
    return `${digits[0]}${point}${frac}${expSuffix(exp, upper)}`;
  }
  text = fixedDigits(x, p - 1 - exp);
  if (!spec.alternate && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  if (spec.alternate && !text.includes('.')) text += '.';
  if (addDot0 && !text.includes('.')) text += '.0';
  return text;
}

/** repr-style digits (no type, no precision): shortest round trip. */
function reprForm(x: number, alternate: boolean): string {
  const text = floatRepr(Math.abs(x));
  return alternate && !text.includes('.') ? text.replace('e', '.e') : text;
}

function specialForm(x: number, upper: boolean): string {
  const text = Number.isNaN(x) ? 'nan' : 'inf';
  return upper ? text.toUpperCase() : text;
}

function digitsFor(x: number, spec: FormatSpec): string {
  const type = spec.type === 'n' ? 'g' : spec.type;
  const upper = type === 'E' || type === 'F' || type === 'G';
  if (!Number.isFinite(x)) return specialForm(x, upper);
  const precision = spec.precision < 0 ? 6 : spec.precision;
  switch (type) {
    case 'e':
    case 'E':
      return expForm(x, precision, spec.alternate, upper);
    case 'f':
    case 'F':
    case '%': {
      const text = fixedDigits(x, precision);
      return spec.alternate && !text.includes('.') ? `${text}.` : text;
    }
    case 'g':
    case 'G':
      return generalForm(x, precision, spec, false);
    default:
      return spec.precision < 0
        ? reprForm(x, spec.alternate)
        : generalForm(x, precision, spec, true);
  }
}

/** Sign, integer digits and the rest of x formatted by `spec` (width and fill not applied). */
export function floatBody(x0: number, spec: FormatSpec): FloatBody {
  const x = spec.type === '%' ? x0 * 100 : x0;
  const text = digitsFor(x, spec);
  let negative = !Number.isNaN(x) && (x < 0 || Object.is(x, -0));
  if (negative && spec.noNegZero && Number.isFinite(x) && !/[1-9]/.test(text.replace(/e.*$/i, '')))
    negative = false;
  const cut = text.search(/[.eE]/);
  const whole = cut < 0 ? text : text.slice(0, cut);
  const rest = (cut < 0 ? '' : text.slice(cut)) + (spec.type === '%' ? '%' : '');
  return { negative, whole, rest };
}
