/** Differential: str.format template parsing against _string.formatter_parser / field_name_split. */
import { describe, expect, it } from 'vitest';
import { parseFormatString, splitFieldName } from '../../../shared/python/values/strformat.ts';
import type { FieldChunk } from '../../../shared/python/values/strformat.ts';
import { strRepr } from '../../../shared/python/values/strrepr.ts';
import type { Case } from './oracle.ts';
import { compareAll, Rand, runSeed } from './oracle.ts';

const PIECES = [
  '{',
  '}',
  '{}',
  '{0}',
  '{x}',
  '{{',
  '}}',
  'ab',
  ' ',
  '!',
  ':',
  'r',
  '.',
  '[',
  ']',
  '1',
  'é',
  '>10',
];

function optStr(v: string | null): string {
  return v === null ? 'None' : strRepr(v);
}

function chunkRepr(c: FieldChunk): string {
  if (c.field === null) return `(${strRepr(c.literal)}, None, None, None)`;
  const f = c.field;
  return `(${strRepr(c.literal)}, ${strRepr(f.name)}, ${strRepr(f.spec)}, ${optStr(f.conversion)})`;
}

function splitRepr(name: string): string {
  const { first, rest } = splitFieldName(name);
  const key = (k: string | bigint): string => (typeof k === 'bigint' ? String(k) : strRepr(k));
  const items = rest.map((k) =>
    'attr' in k ? `(True, ${strRepr(k.attr)})` : `(False, ${key(k.index)})`,
  );
  return `(${key(first)}, [${items.join(', ')}])`;
}

function templateCase(r: Rand): Case {
  let t = '';
  for (let i = r.int(8); i > 0; i--) t += r.pick(PIECES);
  if (r.int(2)) {
    return {
      py: `list(__import__('_string').formatter_parser(${JSON.stringify(t)}))`,
      ours: () => `[${parseFormatString(t).map(chunkRepr).join(', ')}]`,
    };
  }
  return {
    py: `(lambda f, r: (f, list(r)))(*__import__('_string').formatter_field_name_split(${JSON.stringify(t)}))`,
    ours: () => splitRepr(t),
  };
}

describe('str.format parsing matches CPython 3.11', () => {
  it('random templates and field names', () => {
    const seed = runSeed();
    const r = new Rand(seed);
    const cases = Array.from({ length: 3000 }, () => templateCase(r));
    const bad = compareAll(cases, seed);
    expect(`${bad.length} differ\n${bad.slice(0, 10).join('\n')}`).toBe('0 differ\n');
  });
});
