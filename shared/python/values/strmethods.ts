/**
 * Common str methods with CPython 3.11's results, indexing by code point (astral characters
 * count as one). Case mappings use JS's full Unicode mappings (newer Unicode than 3.11's 14.0).
 */
import { raise } from './errors.ts';
import { PY_SPACE_CLASS, stripSpace } from './chars.ts';

export const SPACE = new RegExp(`[${PY_SPACE_CLASS}]`, 'u');

export function codePoints(s: string): string[] {
  return Array.from(s);
}

export function strLen(s: string): number {
  let surrogates = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a high surrogate followed by a low one is one astral code point
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) surrogates++;
    }
  }
  return s.length - surrogates;
}

/** Python slice indices (start, stop, step) clamped as `slice.indices(len)` does. */
export function sliceIndices(
  len: number,
  start: number | null,
  stop: number | null,
  step: number | null,
): [number, number, number] {
  const st = step ?? 1;
  if (st === 0) raise('ValueError', 'slice step cannot be zero');
  const clamp = (v: number | null, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    const w = v < 0 ? v + len : v;
    return Math.min(Math.max(w, lo), hi);
  };
  if (st > 0) return [clamp(start, 0, 0, len), clamp(stop, len, 0, len), st];
  return [clamp(start, len - 1, -1, len - 1), clamp(stop, -1, -1, len - 1), st];
}

export function strSlice(
  s: string,
  start: number | null,
  stop: number | null,
  step: number | null,
): string {
  const cps = codePoints(s);
  const [a, b, st] = sliceIndices(cps.length, start, stop, step);
  let out = '';
  if (st > 0) for (let i = a; i < b; i += st) out += cps[i];
  else for (let i = a; i > b; i += st) out += cps[i];
  return out;
}

export function strStrip(s: string, chars: string | null, side: 'both' | 'left' | 'right'): string {
  const cps = codePoints(s);
  const drop = chars === null ? (c: string) => SPACE.test(c) : (c: string) => chars.includes(c);
  let a = 0;
  let b = cps.length;
  if (side !== 'right') while (a < b && drop(cps[a]!)) a++;
  if (side !== 'left') while (b > a && drop(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

/** str.split(sep=None, maxsplit=-1). */
export function strSplit(s: string, sep: string | null, maxsplit = -1): string[] {
  if (sep === '') raise('ValueError', 'empty separator');
  if (sep !== null) {
    const parts = s.split(sep);
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
  }
  const out: string[] = [];
  let rest = strStrip(s, null, 'left');
  while (rest !== '') {
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(rest); // the remainder keeps its trailing whitespace
      break;
    }
    const cps = codePoints(rest);
    let i = 0;
    while (i < cps.length && !SPACE.test(cps[i]!)) i++;
    out.push(cps.slice(0, i).join(''));
    rest = strStrip(cps.slice(i).join(''), null, 'left');
  }
  return out;
}

/** str.rsplit(sep=None, maxsplit=-1). */
export function strRsplit(s: string, sep: string | null, maxsplit = -1): string[] {
  if (maxsplit < 0) return strSplit(s, sep, -1);
  const rev = (t: string): string => codePoints(t).reverse().join('');
  const parts = strSplit(rev(s), sep === null ? null : rev(sep), maxsplit);
  return parts.map(rev).reverse();
}

export function strReplace(s: string, old: string, repl: string, count = -1): string {
  if (count < 0) {
    if (old === '') return codePoints(s).reduce((acc, c) => acc + c + repl, repl);
    return s.split(old).join(repl);
  }
  let out = s;
  let done = 0;
  if (old === '') {
    const cps = codePoints(s);
    let res = '';
    for (let i = 0; i <= cps.length; i++) {
      if (done < count) {
        res += repl;
        done++;
      }
      res += cps[i] ?? '';
    }
    return res;
  }
  const parts = out.split(old);
  out = parts.slice(0, count + 1).join(repl);
  if (parts.length > count + 1) out += old + parts.slice(count + 1).join(old);
  return out;
}

export function strCount(s: string, sub: string): number {
  if (sub === '') return strLen(s) + 1;
  return s.split(sub).length - 1;
}

/** find/rfind by code point index, -1 when absent. */
export function strFind(s: string, sub: string, fromRight = false): number {
  const unit = fromRight ? s.lastIndexOf(sub) : s.indexOf(sub);
  return unit < 0 ? -1 : strLen(s.slice(0, unit));
}

export function strIndex(s: string, sub: string, fromRight = false): number {
  const i = strFind(s, sub, fromRight);
  if (i < 0) raise('ValueError', 'substring not found');
  return i;
}

export function strPartition(s: string, sep: string, fromRight = false): [string, string, string] {
  if (sep === '') raise('ValueError', 'empty separator');
  const i = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
  if (i < 0) return fromRight ? ['', '', s] : [s, '', ''];
  return [s.slice(0, i), sep, s.slice(i + sep.length)];
}

function padWith(
  s: string,
  width: number,
  fill: string,
  where: 'left' | 'right' | 'center',
): string {
  if (strLen(fill) !== 1) {
    raise('TypeError', 'The fill character must be exactly one character long');
  }
  const room = width - strLen(s);
  if (room <= 0) return s;
  if (where === 'left') return s + fill.repeat(room);
  if (where === 'right') return fill.repeat(room) + s;
  // CPython's center: the extra space goes left when the room and the width are both odd
  const left = Math.floor(room / 2) + (room & width & 1);
  return fill.repeat(left) + s + fill.repeat(room - left);
}

export function strLjust(s: string, width: number, fill = ' '): string {
  return padWith(s, width, fill, 'left');
}
export function strRjust(s: string, width: number, fill = ' '): string {
  return padWith(s, width, fill, 'right');
}
export function strCenter(s: string, width: number, fill = ' '): string {
  return padWith(s, width, fill, 'center');
}

export function strZfill(s: string, width: number): string {
  const room = width - strLen(s);
  if (room <= 0) return s;
  const signed = s.startsWith('+') || s.startsWith('-');
  return signed ? s[0] + '0'.repeat(room) + s.slice(1) : '0'.repeat(room) + s;
}

export { stripSpace };
