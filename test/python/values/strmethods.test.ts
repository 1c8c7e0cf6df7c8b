/** Differential: common str methods and slicing against python3. */
import { describe, expect, it } from 'vitest';
import * as m from '../../../shared/python/values/index.ts';
import { strRepr } from '../../../shared/python/values/strrepr.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';

const ALPHABET = [
  'a',
  'b',
  'A',
  ' ',
  ' ',
  ',',
  '-',
  '\t',
  '\n',
  '\u3000',
  'é',
  '\u{1f600}',
  '1',
  'ab',
];

function text(r: Rand, max: number): string {
  let s = '';
  for (let i = r.int(max); i > 0; i--) s += r.pick(ALPHABET);
  return s;
}

const q = (s: string): string => JSON.stringify(s);
const list = (xs: readonly string[]): string => `[${xs.map((x) => strRepr(x)).join(', ')}]`;
const tuple = (xs: readonly string[]): string => `(${xs.map((x) => strRepr(x)).join(', ')})`;
const opt = (n: number | null): string => (n === null ? '' : String(n));

const WORDS = [
  'hello World',
  'ǆemal',
  'ß',
  'İi',
  'ΣΑΣ σ',
  'x2y',
  '1a',
  '_id',
  'a-b',
  '²',
  '١٢',
  'Ⅻ',
  '\x85\u2028',
];
const PRED = [
  'isupper',
  'islower',
  'isdigit',
  'isdecimal',
  'isalpha',
  'isalnum',
  'isspace',
  'isidentifier',
] as const;
const CASE = ['upper', 'lower', 'swapcase', 'capitalize', 'title'] as const;

function extraCase(r: Rand, s0: string, sub: string): Case {
  const s = r.int(2) ? s0 : r.pick(WORDS) + r.pick(['', ' ', 'Ab', '\r\n', '\x0b']);
  const bool = (b: boolean): string => (b ? 'True' : 'False');
  switch (r.int(6)) {
    case 0: {
      const name = r.pick(PRED);
      const f = {
        isupper: m.strIsupper,
        islower: m.strIslower,
        isdigit: m.strIsdigit,
        isdecimal: m.strIsdecimal,
        isalpha: m.strIsalpha,
        isalnum: m.strIsalnum,
        isspace: m.strIsspace,
        isidentifier: m.strIsidentifier,
      }[name];
      return { py: `${q(s)}.${name}()`, ours: () => bool(f(s)) };
    }
    case 1: {
      const name = r.pick(CASE);
      const f = {
        upper: m.strUpper,
        lower: m.strLower,
        swapcase: m.strSwapcase,
        capitalize: m.strCapitalize,
        title: m.strTitle,
      }[name];
      return { py: `${q(s)}.${name}()`, ours: () => strRepr(f(s)) };
    }
    case 2: {
      const keep = r.int(2) === 0;
      return {
        py: `${q(s)}.splitlines(${keep ? 'True' : ''})`,
        ours: () => list(m.strSplitlines(s, keep)),
      };
    }
    case 3: {
      const subs = [sub, text(r, 2)];
      return r.int(2)
        ? { py: `${q(s)}.startswith(${q(sub)})`, ours: () => bool(m.strStartswith(s, sub)) }
        : {
            py: `${q(s)}.endswith((${subs.map(q).join(', ')}))`,
            ours: () => bool(m.strEndswith(s, subs)),
          };
    }
    case 4:
      return { py: `ord(${q(sub)})`, ours: () => String(m.ord(sub)) };
    default: {
      // code points assigned after Unicode 14.0 print differently (strrepr.ts): fixed picks beyond
      const n = BigInt(
        r.int(3)
          ? r.int(0x800)
          : r.pick([0x1f600, 0x10ffff, 0x110000, 0xd800, 0xe000, 0x20000, 0xffff]),
      );
      return { py: `repr(chr(${n}))`, ours: () => strRepr(strRepr(m.chr(n))) };
    }
  }
}

function methodCase(r: Rand): Case {
  const s = text(r, 12);
  const sub = text(r, 3);
  const n = r.int(12) - 3;
  switch (r.int(14)) {
    case 0: {
      const [a, b, c] = [0, 1, 2].map(() => (r.int(3) ? r.int(16) - 8 : null)) as (number | null)[];
      const step = c === 0 ? null : c;
      return {
        py: `${q(s)}[${opt(a ?? null)}:${opt(b ?? null)}:${opt(step ?? null)}]`,
        ours: () => strRepr(m.strSlice(s, a ?? null, b ?? null, step ?? null)),
      };
    }
    case 1: {
      const side = r.pick(['strip', 'lstrip', 'rstrip'] as const);
      const chars = r.int(2) ? sub : null;
      const where = side === 'strip' ? 'both' : side === 'lstrip' ? 'left' : 'right';
      return {
        py: `${q(s)}.${side}(${chars === null ? '' : q(chars)})`,
        ours: () => strRepr(m.strStrip(s, chars, where)),
      };
    }
    case 2:
    case 3: {
      const sep = r.int(2) ? sub : null;
      const name = r.pick(['split', 'rsplit'] as const);
      const f = name === 'split' ? m.strSplit : m.strRsplit;
      return {
        py: `${q(s)}.${name}(${sep === null ? 'None' : q(sep)}, ${n})`,
        ours: () => list(f(s, sep, n)),
      };
    }
    case 4:
      return {
        py: `${q(s)}.replace(${q(sub)}, 'X', ${n})`,
        ours: () => strRepr(m.strReplace(s, sub, 'X', n)),
      };
    case 5:
      return { py: `${q(s)}.count(${q(sub)})`, ours: () => String(m.strCount(s, sub)) };
    case 6: {
      const name = r.pick(['find', 'rfind', 'index', 'rindex'] as const);
      const right = name.startsWith('r');
      const f = name.endsWith('find') ? m.strFind : m.strIndex;
      return { py: `${q(s)}.${name}(${q(sub)})`, ours: () => String(f(s, sub, right)) };
    }
    case 7: {
      const name = r.pick(['partition', 'rpartition'] as const);
      return {
        py: `${q(s)}.${name}(${q(sub)})`,
        ours: () => tuple(m.strPartition(s, sub, name === 'rpartition')),
      };
    }
    case 8:
    case 9: {
      const name = r.pick(['ljust', 'rjust', 'center'] as const);
      const fill = r.pick([' ', '*', 'é', '\u{1f600}', 'ab']);
      const f = name === 'ljust' ? m.strLjust : name === 'rjust' ? m.strRjust : m.strCenter;
      return {
        py: `${q(s)}.${name}(${n + 4}, ${q(fill)})`,
        ours: () => strRepr(f(s, n + 4, fill)),
      };
    }
    case 10: {
      const t = r.pick(['', '-', '+']) + text(r, 4);
      return { py: `${q(t)}.zfill(${n + 3})`, ours: () => strRepr(m.strZfill(t, n + 3)) };
    }
    case 11:
      return { py: `len(${q(s)})`, ours: () => String(m.strLen(s)) };
    case 12:
      return extraCase(r, s, sub);
    default:
      return { py: `${q(s)}.split()`, ours: () => list(m.strSplit(s, null)) };
  }
}

describe('str methods match CPython 3.11', () => {
  it('random strings and arguments', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 4000 }, () => methodCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 10).join('\n')}`).toBe('0 differ\n');
  });
});
