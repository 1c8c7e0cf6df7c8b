/**
 * Common str methods with CPython 3.11's results, indexing by code point (astral characters
 * count as one). Case mappings use JS's full Unicode mappings (newer Unicode than 3.11's 14.0).
 */
import { raise } from './errors.ts';
import { PY_SPACE_CLASS, stripSpace } from './chars.ts';

const SPACE = new RegExp(`[${PY_SPACE_CLASS}]`, 'u');

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

/** Cased = the Uppercase or Lowercase property, or titlecase (Lt), as CPython's unicode flags. */
const CASED = /[\p{Uppercase}\p{Lowercase}\p{Lt}]/u;

export function strUpper(s: string): string {
  return s.toUpperCase();
}
export function strLower(s: string): string {
  return s.toLowerCase();
}

/**
 * Lowercase of the character at i: Σ becomes final ς after a cased letter when no cased letter
 * follows (CPython's handle_capital_sigma, without its case-ignorable skipping).
 */
function lowerAt(cps: readonly string[], i: number): string {
  const c = cps[i]!;
  if (c !== 'Σ') return c.toLowerCase();
  const before = i > 0 && CASED.test(cps[i - 1]!);
  const after = i + 1 < cps.length && CASED.test(cps[i + 1]!);
  return before && !after ? 'ς' : 'σ';
}

export function strSwapcase(s: string): string {
  const cps = codePoints(s);
  let out = '';
  cps.forEach((c, i) => {
    out += c === c.toUpperCase() ? lowerAt(cps, i) : c.toUpperCase();
  });
  return out;
}

/** Title case of one character (JS has no titlecase mapping; the digraphs are special). */
function titleChar(c: string): string {
  const special: Record<string, string> = {
    ß: 'Ss',
    ﬀ: 'Ff',
    ﬁ: 'Fi',
    ﬂ: 'Fl',
    ﬃ: 'Ffi',
    ﬄ: 'Ffl',
    ﬅ: 'St',
    ﬆ: 'St',
    ǆ: 'ǅ',
    Ǆ: 'ǅ',
    ǅ: 'ǅ',
    ǉ: 'ǈ',
    Ǉ: 'ǈ',
    ǈ: 'ǈ',
    ǌ: 'ǋ',
    Ǌ: 'ǋ',
    ǋ: 'ǋ',
    ǳ: 'ǲ',
    Ǳ: 'ǲ',
    ǲ: 'ǲ',
  };
  return special[c] ?? c.toUpperCase();
}

export function strCapitalize(s: string): string {
  const cps = codePoints(s);
  if (cps.length === 0) return '';
  return (
    titleChar(cps[0]!) +
    cps
      .slice(1)
      .map((_c, i) => lowerAt(cps, i + 1))
      .join('')
  );
}

/** str.title(): a cased character after a cased one is lowered, otherwise titled. */
export function strTitle(s: string): string {
  const cps = codePoints(s);
  let out = '';
  let previousCased = false;
  cps.forEach((c, i) => {
    out += previousCased ? lowerAt(cps, i) : titleChar(c);
    previousCased = CASED.test(c);
  });
  return out;
}

function hasCasedAnd(s: string, ok: (c: string) => boolean): boolean {
  let cased = false;
  for (const c of s) {
    if (!CASED.test(c)) continue;
    if (!ok(c)) return false;
    cased = true;
  }
  return cased;
}

export function strIsupper(s: string): boolean {
  return hasCasedAnd(s, (c) => /\p{Uppercase}/u.test(c));
}
export function strIslower(s: string): boolean {
  return hasCasedAnd(s, (c) => /\p{Lowercase}/u.test(c));
}

function every(s: string, re: RegExp): boolean {
  return s !== '' && codePoints(s).every((c) => re.test(c));
}

/** isdigit: Unicode Numeric_Type Digit or Decimal (approximated by Nd plus superscripts/No digits). */
export function strIsdigit(s: string): boolean {
  return every(
    s,
    /[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{1f100}-\u{1f10a}]/u,
  );
}
export function strIsdecimal(s: string): boolean {
  return every(s, /\p{Nd}/u);
}
export function strIsalpha(s: string): boolean {
  return every(s, /[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}]/u);
}
export function strIsalnum(s: string): boolean {
  return every(s, /[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nd}\p{No}\p{Nl}]/u);
}
export function strIsspace(s: string): boolean {
  return every(s, SPACE);
}

/** isidentifier: XID_Start (or _) then XID_Continue, after NFKC as the tokenizer sees it. */
export function strIsidentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

export function strStartswith(s: string, prefix: string | readonly string[]): boolean {
  return typeof prefix === 'string' ? s.startsWith(prefix) : prefix.some((p) => s.startsWith(p));
}
export function strEndswith(s: string, suffix: string | readonly string[]): boolean {
  return typeof suffix === 'string' ? s.endsWith(suffix) : suffix.some((p) => s.endsWith(p));
}

/** str.splitlines(keepends): the line boundaries of str (\n \r \r\n \v \f \x1c-\x1e \x85 \u2028 \u2029). */
export function strSplitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  // eslint-disable-next-line no-control-regex -- 0x1c-0x1e are line boundaries in Python
  const re = new RegExp('\\r\\n|[\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029]', 'g');
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push(s.slice(last, keepends ? m.index + m[0].length : m.index));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

export function ord(s: string): bigint {
  const n = strLen(s);
  if (n !== 1) raise('TypeError', `ord() expected a character, but string of length ${n} found`);
  return BigInt(s.codePointAt(0) ?? 0);
}

export function chr(n: bigint): string {
  if (n < 0n || n > 0x10ffffn) raise('ValueError', 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(Number(n));
}
