/** Small builtins' helpers: ascii()'s escaping and three-argument pow(). */
import { raise, refuse } from '../errors.ts';
import type { PyObject } from '../object.ts';
import { newInt, PyInt } from '../scalars.ts';

/** ascii(): repr with every non-ASCII character escaped as \\xhh, \\uhhhh or \\Uhhhhhhhh. */
export function asciiEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

/** pow(base, exp, mod) for ints (long_pow with a modulus; negative exponents refused). */
export function modPow(base: PyObject, exp: PyObject, mod: PyObject): PyObject {
  if (!(base instanceof PyInt && exp instanceof PyInt && mod instanceof PyInt)) {
    raise('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
  }
  if (mod.v === 0n) raise('ValueError', 'pow() 3rd argument cannot be 0');
  if (exp.v < 0n) refuse('pow() with a negative exponent and a modulus');
  let result = 1n;
  let b = ((base.v % mod.v) + mod.v) % mod.v;
  for (let e = exp.v; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod.v;
    b = (b * b) % mod.v;
  }
  // The result takes the modulus' sign, as Python's % does.
  if (result !== 0n && mod.v < 0n) result += mod.v;
  return newInt(result);
}
