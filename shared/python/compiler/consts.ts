/** Constant identity for co_consts de-duplication, after CPython's `_PyCode_ConstantKey`: 1, 1.0, True and -0.0 stay distinct. */
import type { CodeConstant } from './code.ts';

export function constKey(c: CodeConstant): string | null {
  switch (c.t) {
    case 'None':
    case 'Ellipsis':
      return c.t;
    case 'bool':
    case 'int':
    case 'float':
    case 'str':
    case 'bytes':
      return `${c.t}:${String(c.v)}`;
    case 'complex':
      return `complex:${c.real}:${c.imag}`;
    case 'tuple':
      return `${c.t}(${c.items.map((i) => constKey(i) ?? '?').join(',')})`;
    case 'frozenset':
      // Equal frozensets are one constant whatever their order (the first one's order is kept).
      return `${c.t}(${c.items
        .map((i) => constKey(i) ?? '?')
        .sort()
        .join(',')})`;
    case 'code':
      // Equal code objects (code_richcompare) are one constant: a `finally` body compiled twice
      // shares its functions and comprehensions.
      return `code:${JSON.stringify(c.code)}`;
  }
}

/** Ordered, de-duplicated table (co_consts, co_names, co_varnames); a null key is never shared. */
export class Table<T> {
  readonly items: T[] = [];
  private readonly index = new Map<string, number>();

  private readonly key: (v: T) => string | null;

  constructor(key: (v: T) => string | null) {
    this.key = key;
  }

  add(v: T): number {
    const k = this.key(v);
    if (k === null) return this.items.push(v) - 1;
    const found = this.index.get(k);
    if (found !== undefined) return found;
    this.items.push(v);
    this.index.set(k, this.items.length - 1);
    return this.items.length - 1;
  }

  find(v: T): number | undefined {
    const k = this.key(v);
    return k === null ? undefined : this.index.get(k);
  }
}
