/**
 * str case methods, character-class predicates, splitlines, ord and chr (CPython 3.11), by
 * code point. Unicode data comes from the JS engine (see index.ts for the divergences).
 */
import { raise } from './errors.ts';
import { codePoints, SPACE, strLen } from './strmethods.ts';

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
