/** Our side of the differential tests: the parse as plain JSON, and a readable first difference. */
import { isDeepStrictEqual } from 'node:util';
import { parse, PySyntaxError } from '../../../shared/python/syntax/index.ts';

/** `parse(src)` as JSON, or its error in the shape of pyast.ts's batch output. */
export function ourAst(src: string): unknown {
  try {
    return JSON.parse(JSON.stringify(parse(src))) as unknown;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return { error: { type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset } };
  }
}

/** The path and values of the first difference, or null when equal. */
export function firstDifference(got: unknown, want: unknown, path = ''): string | null {
  if (isDeepStrictEqual(got, want)) return null;
  if (typeof got !== 'object' || typeof want !== 'object' || got === null || want === null) {
    return `${path || '.'}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
  }
  const g = got as Record<string, unknown>;
  const w = want as Record<string, unknown>;
  for (const k of new Set([...Object.keys(g), ...Object.keys(w)])) {
    const d = firstDifference(g[k], w[k], `${path}.${k}`);
    if (d !== null) return d;
  }
  return `${path}: differs`;
}
