/** Differential: printf-style `template % args` against python3. */
import { describe, expect, it } from 'vitest';
import { percentFormat } from '../../../shared/python/values/percent.ts';
import type { PercentArg } from '../../../shared/python/values/percent.ts';
import { strRepr } from '../../../shared/python/values/strrepr.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import { floatSource, randomFloat } from './numbers.ts';

const TYPES = 'diouxXeEfFgGcrsa%'.split('');

function directive(r: Rand): string {
  let d = '%';
  for (let i = r.int(3); i > 0; i--) d += r.pick(['-', '+', ' ', '#', '0']);
  if (r.int(2)) d += String(r.int(12));
  if (r.int(3) === 0) d += `.${r.int(8)}`;
  if (r.int(50) === 0) d += 'l';
  return d + (r.int(60) === 0 ? r.pick(['q', 'é', '']) : r.pick(TYPES));
}

function arg(r: Rand): { py: string; v: PercentArg } {
  switch (r.int(5)) {
    case 0:
      return r.int(2) ? { py: 'True', v: true } : { py: 'False', v: false };
    case 1: {
      // code points assigned after Unicode 14.0 print differently (strrepr.ts): %c stays below
      const n = r.int(4) ? BigInt(r.int(6000) - 3000) : BigInt(r.int(2 ** 30)) * 10n ** 9n;
      return { py: `(${n})`, v: n };
    }
    case 2: {
      const s = r.pick(['', 'a', "it's", 'héllo', 'x"y', '\u{1f600}', 'tab\there']);
      return { py: JSON.stringify(s), v: s };
    }
    default: {
      const x = randomFloat(r);
      return { py: floatSource(x), v: x };
    }
  }
}

function percentCase(r: Rand): Case {
  const parts: string[] = [];
  for (let i = r.int(4) + 1; i > 0; i--) parts.push(r.pick(['', 'x=', ' ', 'ab ']), directive(r));
  const template = parts.join('');
  const count = (template.match(/%[^%]/g) ?? []).length + r.int(5) - 2;
  const args = Array.from({ length: Math.max(0, count) }, () => arg(r));
  const tuple =
    args.length === 1 && r.int(2) ? args[0]!.py : `(${args.map((a) => `${a.py},`).join(' ')})`;
  return {
    py: `${JSON.stringify(template)} % ${tuple}`,
    ours: () =>
      strRepr(
        percentFormat(
          template,
          args.map((a) => a.v),
        ),
      ),
  };
}

describe('% formatting matches CPython 3.11', () => {
  it('random templates and arguments', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 3000 }, () => percentCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 10).join('\n')}`).toBe('0 differ\n');
  });
});
