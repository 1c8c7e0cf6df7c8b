/** Differential: set iteration order and sys.getsizeof after random add/discard sequences. */
import { describe, expect, it } from 'vitest';
import { pyHash } from '../../../shared/python/values/hash.ts';
import type { HashableValue } from '../../../shared/python/values/hash.ts';
import {
  emptySetTable,
  setAdd,
  setDiscard,
  setKeys,
  setSizeof,
} from '../../../shared/python/values/settable.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';
import { floatSource, reprNum } from './numbers.ts';

type Elem = { py: string; v: bigint | number | readonly bigint[] };

function element(r: Rand): Elem {
  switch (r.int(5)) {
    case 0: {
      const n = BigInt(r.int(2 ** 31)) * BigInt(r.int(2 ** 31)) - 2n ** 60n;
      return { py: `(${n})`, v: n };
    }
    case 1: {
      const x = r.int(1000) / 8 + 0.5;
      return { py: floatSource(x), v: x };
    }
    case 2: {
      const t = [BigInt(r.int(5)), BigInt(r.int(5))];
      return { py: `(${t[0]}, ${t[1]})`, v: t };
    }
    default: {
      const n = BigInt(r.int(r.int(2) ? 40 : 5000) - 10);
      return { py: `(${n})`, v: n };
    }
  }
}

function key(v: Elem['v']): string {
  return Array.isArray(v)
    ? `t${v.join(',')}`
    : typeof v === 'number' && Number.isInteger(v)
      ? `i${v}`
      : `${typeof v === 'bigint' ? 'i' : 'f'}${String(v)}`;
}

function setCase(r: Rand): Case {
  const ops: { add: boolean; e: Elem }[] = [];
  const pool = Array.from({ length: 1 + r.int(60) }, () => element(r));
  for (let i = r.int(120); i > 0; i--) ops.push({ add: r.int(3) > 0, e: r.pick(pool) });
  const opsPy = ops.map((o) => `(${o.add ? 1 : 0}, ${o.e.py})`).join(', ');
  const py = `(lambda s: [s.add(x) if a else s.discard(x) for a, x in [${opsPy}]] and 0 or (list(s), __import__('sys').getsizeof(s)))(set())`;
  return {
    py,
    ours: () => {
      const t = emptySetTable<Elem>();
      for (const o of ops) {
        const h = pyHash(o.e.v as HashableValue);
        const same = (k: Elem): boolean => key(k.v) === key(o.e.v);
        if (o.add) setAdd(t, o.e, h, same);
        else setDiscard(t, h, same);
      }
      const items = setKeys(t).map((k) =>
        Array.isArray(k.v) ? reprNum(k.v as bigint[]) : reprNum(k.v as bigint | number),
      );
      return `([${items.join(', ')}], ${setSizeof(t)})`;
    },
  };
}

describe('set table matches CPython 3.11', () => {
  it('iteration order and getsizeof after random adds and discards', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 600 }, () => setCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 4).join('\n')}`).toBe('0 differ\n');
  });
});
