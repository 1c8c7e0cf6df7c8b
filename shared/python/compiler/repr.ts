/** Python's repr() of constants: float formatting for folded constants, and frozenset item order. */
import type { CodeConstant } from './code.ts';

/** repr(float): shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    out = `${m}e${exp < 0 ? '-' : '+'}${e}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${'0'.repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

function strRepr(s: string, prefix = ''): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f || (prefix === 'b' && cp > 0x7f)) {
      out += `\\x${cp.toString(16).padStart(2, '0')}`;
    } else out += ch;
  }
  return `${prefix}${quote}${out}${quote}`;
}

export function constRepr(c: CodeConstant): string {
  switch (c.t) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'bool':
      return c.v ? 'True' : 'False';
    case 'int':
    case 'float':
      return c.v;
    case 'complex':
      return `(${c.real}+${c.imag}j)`;
    case 'str':
      return strRepr(c.v);
    case 'bytes':
      return strRepr(c.v, 'b');
    case 'tuple':
      return c.items.length === 1
        ? `(${c.items.map(constRepr).join('')},)`
        : `(${c.items.map(constRepr).join(', ')})`;
    case 'frozenset':
      return `frozenset({${c.items.map(constRepr).join(', ')}})`;
    case 'code':
      return '<code>';
  }
}
