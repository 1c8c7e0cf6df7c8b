/**
 * Canonical serialization (JSON with object keys sorted, arrays in order) and a 64-bit FNV-1a
 * hash of it, as 16 hex digits. Pure string and integer arithmetic: the same in Node and in
 * every browser.
 */
import type { EngineState } from './types.ts';

/**
 * Contract: JSON.stringify's text with every object's keys sorted (UTF-16 order) and undefined
 * members left out (an undefined array element prints as nothing, as `[].join` does). Built by
 * appending to one string: this runs on every object a move touches (digest.ts).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += (canonicalJson(value[i]) as string | undefined) ?? '';
    }
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** FNV-1a 64 over UTF-16 code units, as 16 hex digits. */
export function fnv1a64(text: string): string {
  fnvHalves(text);
  return halves.hi.toString(16).padStart(8, '0') + halves.lo.toString(16).padStart(8, '0');
}

/** The two 32-bit halves of the last fnvHalves() call (no allocation per hash). */
export const halves = { hi: 0, lo: 0 };

/** FNV-1a 64 over UTF-16 code units, computed in two 32-bit halves, into `halves`. */
export function fnvHalves(text: string): void {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // multiply (hi, lo) by the FNV prime 0x100000001b3 = 2^40 + 0x1b3
    const loMul = lo * 0x1b3;
    const carry = Math.floor(loMul / 0x100000000);
    const newLo = loMul >>> 0;
    hi = (Math.imul(hi, 0x1b3) + carry + ((lo << 8) >>> 0)) >>> 0;
    lo = newLo;
  }
  halves.hi = hi;
  halves.lo = lo;
}

export function hashState(state: EngineState): string {
  return fnv1a64(canonicalJson(state));
}
