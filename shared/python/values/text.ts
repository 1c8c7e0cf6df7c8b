/** str() and repr() of the values this layer knows, plus objects the VM has rendered. */
import { floatRepr } from './float.ts';
import { intToStr } from './int.ts';
import { strRepr } from './strrepr.ts';
import type { Num } from './errors.ts';

export interface Rendered {
  typeName: string;
  str: string;
  repr: string;
}
export type TextArg = Num | string | Rendered;

export function strValue(v: TextArg): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return v.str;
  return reprValue(v);
}

export function reprValue(v: TextArg): string {
  if (typeof v === 'string') return strRepr(v);
  if (typeof v === 'object') return v.repr;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return typeof v === 'bigint' ? intToStr(v) : floatRepr(v);
}

/** ascii(): the repr with every non-ASCII character escaped. */
export function asciiValue(v: TextArg): string {
  let out = '';
  for (const ch of reprValue(v)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out;
}
