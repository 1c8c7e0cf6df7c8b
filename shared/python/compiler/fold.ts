/**
 * The AST optimizer (CPython 3.11's Python/ast_opt.c): folds operators on constants, constant
 * tuples, `x in [..]` / `for x in [..]` into tuples and frozensets, `not (a is b)` into
 * `a is not b`, `__debug__` into True. Returns a new tree; the input is not changed.
 */
import type { Expr, ExprOf, Module } from '../syntax/ast.ts';
import type { CodeConstant } from './code.ts';
import { at } from './cfg.ts';
import { constRepr, floatRepr } from './repr.ts';

type Node = { _type: string } & Record<string, unknown>;

export function foldModule(m: Module): Module {
  return walk(m as unknown as Node) as unknown as Module;
}

function walk(n: Node): Node {
  const out: Node = { ...n };
  for (const [k, v] of Object.entries(n)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (isNode(x) ? walk(x) : x));
    else if (isNode(v)) out[k] = walk(v);
  }
  return post(out);
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && '_type' in v;
}

type TupleExpr = Extract<Expr, { _type: 'List' | 'Tuple' }>;

function post(n: Node): Node {
  const e = n as unknown as Expr;
  switch (e._type) {
    case 'BinOp':
      return foldBinOp(e);
    case 'UnaryOp':
      return foldUnary(e);
    case 'Tuple': {
      const t = e as TupleExpr;
      const items = t.ctx._type === 'Load' ? constItems(t.elts) : null;
      return items ? makeConst(t, { t: 'tuple', items }) : n;
    }
    case 'Subscript':
      return foldSubscript(e);
    case 'Compare': {
      const last = e.ops.length - 1;
      const op = at(e.ops, last)._type;
      if (op !== 'In' && op !== 'NotIn') return n;
      const comparators = [...e.comparators];
      comparators[last] = foldIter(at(comparators, last));
      return { ...e, comparators } as unknown as Node;
    }
    case 'Name':
      if (e.ctx._type === 'Load' && e.id === '__debug__')
        return makeConst(e, { t: 'bool', v: true });
      return n;
  }
  if (n._type === 'For' || n._type === 'comprehension') {
    return { ...n, iter: foldIter(n.iter as Expr) };
  }
  return n;
}

function makeConst(e: Expr, value: CodeConstant): Node {
  const { lineno, col_offset, end_lineno, end_col_offset } = e;
  return {
    _type: 'Constant',
    value,
    kind: null,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  } as unknown as Node;
}

function constItems(elts: Expr[]): CodeConstant[] | null {
  if (!elts.every((e) => e._type === 'Constant')) return null;
  return elts.map((e) => (e as ExprOf<'Constant'>).value as CodeConstant);
}

export function toFrozenset(items: CodeConstant[]): CodeConstant {
  const seen = new Map<string, CodeConstant>();
  for (const it of items) {
    const key = hashKey(it);
    if (!seen.has(key)) seen.set(key, it);
  }
  const unique = [...seen.values()].sort((a, b) => cmp(constRepr(a), constRepr(b)));
  return { t: 'frozenset', items: unique };
}

/** Set-membership identity: 1 == 1.0 == True in a set. */
function hashKey(c: CodeConstant): string {
  if (c.t === 'bool') return `n:${c.v ? 1 : 0}`;
  if (c.t === 'int') return `n:${c.v}`;
  if (c.t === 'float' && Number.isInteger(Number(c.v))) return `n:${BigInt(Number(c.v))}`;
  return constRepr(c) + c.t;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function foldIter(e: Expr): Expr {
  if (e._type === 'List') {
    if (e.elts.some((x) => x._type === 'Starred')) return e;
    const items = constItems(e.elts);
    const tuple = { ...e, _type: 'Tuple' } as TupleExpr;
    return items ? (makeConst(tuple, { t: 'tuple', items }) as unknown as Expr) : tuple;
  }
  if (e._type === 'Set') {
    const items = constItems(e.elts);
    return items ? (makeConst(e, toFrozenset(items)) as unknown as Expr) : e;
  }
  return e;
}

function foldUnary(n: ExprOf<'UnaryOp'>): Node {
  const arg = n.operand;
  if (arg._type !== 'Constant') {
    if (n.op._type === 'Not' && arg._type === 'Compare' && arg.ops.length === 1) {
      const inverse: Record<string, string> = {
        Is: 'IsNot',
        IsNot: 'Is',
        In: 'NotIn',
        NotIn: 'In',
      };
      const op = inverse[at(arg.ops, 0)._type];
      if (op) return { ...arg, ops: [{ _type: op }] } as unknown as Node;
    }
    return n as unknown as Node;
  }
  const v = arg.value as CodeConstant;
  const r = unaryOp(n.op._type, v);
  return r ? makeConst(n, r) : (n as unknown as Node);
}

const MAX_INT_SIZE = 128;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;

type Num = bigint | number;

function asNum(c: CodeConstant): Num | null {
  if (c.t === 'int') return BigInt(c.v);
  if (c.t === 'bool') return c.v ? 1n : 0n;
  if (c.t === 'float') return Number(c.v);
  return null;
}

function fromNum(v: Num): CodeConstant {
  return typeof v === 'bigint' ? { t: 'int', v: v.toString() } : { t: 'float', v: floatRepr(v) };
}

function truthy(c: CodeConstant): boolean | null {
  switch (c.t) {
    case 'None':
      return false;
    case 'Ellipsis':
      return true;
    case 'bool':
      return c.v;
    case 'int':
      return c.v !== '0';
    case 'float':
      return Number(c.v) !== 0;
    case 'str':
    case 'bytes':
      return c.v.length > 0;
    case 'tuple':
    case 'frozenset':
      return c.items.length > 0;
    default:
      return null;
  }
}

function unaryOp(op: string, v: CodeConstant): CodeConstant | null {
  if (op === 'Not') {
    const t = truthy(v);
    return t === null ? null : { t: 'bool', v: !t };
  }
  const x = asNum(v);
  if (x === null) return null;
  if (op === 'Invert') return typeof x === 'bigint' ? fromNum(~x) : null;
  if (op === 'USub') return fromNum(typeof x === 'bigint' ? -x : -x);
  return fromNum(x);
}

function numBits(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length - (x === 0n ? 1 : 0);
}

function foldBinOp(n: ExprOf<'BinOp'>): Node {
  if (n.left._type !== 'Constant' || n.right._type !== 'Constant') return n as unknown as Node;
  const r = binaryOp(n.op._type, n.left.value as CodeConstant, n.right.value as CodeConstant);
  return r ? makeConst(n, r) : (n as unknown as Node);
}

function binaryOp(op: string, l: CodeConstant, r: CodeConstant): CodeConstant | null {
  const a = asNum(l);
  const b = asNum(r);
  if (a !== null && b !== null) {
    if (typeof a === 'bigint' && typeof b === 'bigint') {
      const bothBool = l.t === 'bool' && r.t === 'bool';
      const res = intOp(op, a, b, bothBool);
      return res;
    }
    const res = floatOp(op, Number(a), Number(b));
    return res === null ? null : fromNum(res);
  }
  return seqOp(op, l, r);
}

function intOp(op: string, a: bigint, b: bigint, bothBool: boolean): CodeConstant | null {
  const bits = (v: bigint): CodeConstant => (bothBool ? { t: 'bool', v: v !== 0n } : fromNum(v));
  switch (op) {
    case 'Add':
      return fromNum(a + b);
    case 'Sub':
      return fromNum(a - b);
    case 'Mult':
      if (a !== 0n && b !== 0n && numBits(a) + numBits(b) > MAX_INT_SIZE) return null;
      return fromNum(a * b);
    case 'Div':
      return b === 0n ? null : fromNum(Number(a) / Number(b));
    case 'FloorDiv':
      return b === 0n ? null : fromNum(floorDiv(a, b));
    case 'Mod':
      return b === 0n ? null : fromNum(a - b * floorDiv(a, b));
    case 'Pow':
      if (b < 0n) return a === 0n ? null : fromNum(Number(a) ** Number(b));
      if (a !== 0n && b > 0n && numBits(a) > MAX_INT_SIZE / Number(b)) return null;
      return fromNum(a ** b);
    case 'LShift':
      if (b < 0n) return null;
      if (a !== 0n && b !== 0n && (b > MAX_INT_SIZE || numBits(a) > MAX_INT_SIZE - Number(b)))
        return null;
      return fromNum(a << b);
    case 'RShift':
      return b < 0n ? null : fromNum(a >> b);
    case 'BitAnd':
      return bits(a & b);
    case 'BitOr':
      return bits(a | b);
    case 'BitXor':
      return bits(a ^ b);
  }
  return null;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function floatOp(op: string, a: number, b: number): number | null {
  switch (op) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mult':
      return a * b;
    case 'Div':
      return b === 0 ? null : a / b;
    case 'FloorDiv':
    case 'Mod': {
      if (b === 0) return null;
      let mod = a % b;
      let div = (a - mod) / b;
      if (mod) {
        if (b < 0 !== mod < 0) {
          mod += b;
          div -= 1;
        }
      } else mod = b < 0 ? -0 : 0;
      if (op === 'Mod') return mod;
      if (div) {
        let floordiv = Math.floor(div);
        if (div - floordiv > 0.5) floordiv += 1;
        return floordiv;
      }
      return a / b < 0 ? -0 : 0;
    }
    case 'Pow':
      if (a < 0 && !Number.isInteger(b)) return null;
      if (a === 0 && b < 0) return null;
      return a ** b;
  }
  return null;
}

function seqOp(op: string, l: CodeConstant, r: CodeConstant): CodeConstant | null {
  if (op === 'Add') {
    if (l.t === 'str' && r.t === 'str') return { t: 'str', v: l.v + r.v };
    if (l.t === 'bytes' && r.t === 'bytes') return { t: 'bytes', v: l.v + r.v };
    if (l.t === 'tuple' && r.t === 'tuple') return { t: 'tuple', items: [...l.items, ...r.items] };
    return null;
  }
  if (op !== 'Mult') return null;
  const [seq, count] = l.t === 'int' || l.t === 'bool' ? [r, l] : [l, r];
  if (count.t !== 'int' && count.t !== 'bool') return null;
  const times = Number(asNum(count));
  if (seq.t === 'str' || seq.t === 'bytes') {
    const size = [...seq.v].length;
    if (size && (times < 0 || times > MAX_STR_SIZE / size)) return null;
    return { t: seq.t, v: seq.v.repeat(Math.max(0, times)) };
  }
  if (seq.t === 'tuple') {
    const size = seq.items.length;
    if (size && (times < 0 || times > MAX_COLLECTION_SIZE / size)) return null;
    const items: CodeConstant[] = [];
    for (let i = 0; i < times; i++) items.push(...seq.items);
    return { t: 'tuple', items };
  }
  return null;
}

function foldSubscript(n: ExprOf<'Subscript'>): Node {
  const self = n as unknown as Node;
  if (n.ctx._type !== 'Load' || n.value._type !== 'Constant' || n.slice._type !== 'Constant')
    return self;
  const v = n.value.value as CodeConstant;
  const idx = n.slice.value as CodeConstant;
  if (idx.t !== 'int' && idx.t !== 'bool') return self;
  let i = Number(asNum(idx));
  const pick = <T>(list: T[]): T | null => {
    if (i < 0) i += list.length;
    return list[i] ?? null;
  };
  if (v.t === 'str') {
    const ch = pick([...v.v]);
    return ch === null ? self : makeConst(n, { t: 'str', v: ch });
  }
  if (v.t === 'tuple') {
    const it = pick(v.items);
    return it === null ? self : makeConst(n, it);
  }
  if (v.t === 'bytes') {
    const ch = pick([...v.v]);
    return ch === null ? self : makeConst(n, { t: 'int', v: String(ch.charCodeAt(0)) });
  }
  return self;
}
