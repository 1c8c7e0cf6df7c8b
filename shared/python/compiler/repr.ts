/**
 * Python's repr() of constants (for frozenset item order), built on the values layer's reprs —
 * the one place float and str repr rules live.
 */
import { bytesRepr, strRepr } from '../values/strrepr.ts';
import type { CodeConstant } from './code.ts';

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
      return bytesRepr(Array.from(c.v, (ch) => ch.charCodeAt(0)));
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
