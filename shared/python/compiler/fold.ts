/**
 * The AST optimizer (CPython 3.11's Python/ast_opt.c): folds operators on constants, constant
 * tuples, `x in [..]` / `for x in [..]` into tuples and frozensets, `not (a is b)` into
 * `a is not b`, `__debug__` into True. Returns a new tree; the input is not changed.
 */
import type { Expr, ExprOf, Module } from '../syntax/ast.ts';
import type { CodeConstant } from './code.ts';
import { at } from './cfg.ts';
import { asNum, binaryOp, unaryOp } from './pyops.ts';
import { constRepr } from './repr.ts';

type Node = { _type: string } & Record<string, unknown>;

export function foldModule(m: Module): Module {
  return walk(m as unknown as Node) as unknown as Module;
}

/** Folds bottom-up; a subtree with nothing to fold is returned as is (no copy). */
function walk(n: Node): Node {
  let out: Node | null = null;
  for (const k in n) {
    const v = n[k];
    if (Array.isArray(v)) {
      let list: unknown[] | null = null;
      v.forEach((x: unknown, i) => {
        if (!isNode(x)) return;
        const y = walk(x);
        if (y !== x) {
          list ??= [...v];
          list[i] = y;
        }
      });
      if (list) {
        out ??= { ...n };
        out[k] = list;
      }
    } else if (isNode(v)) {
      const y = walk(v);
      if (y !== v) {
        out ??= { ...n };
        out[k] = y;
      }
    }
  }
  return post(out ?? n);
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
  // Source order, first of equal items kept: PyFrozenSet_New adds the tuple's items in order, so
  // the VM rebuilds CPython's hash table (and its iteration order) by adding them the same way.
  return { t: 'frozenset', items: [...seen.values()] };
}

/** Set-membership identity: 1 == 1.0 == True in a set. */
function hashKey(c: CodeConstant): string {
  if (c.t === 'bool') return `n:${c.v ? 1 : 0}`;
  if (c.t === 'int') return `n:${c.v}`;
  if (c.t === 'float' && Number.isInteger(Number(c.v))) return `n:${BigInt(Number(c.v))}`;
  return constRepr(c) + c.t;
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

function foldBinOp(n: ExprOf<'BinOp'>): Node {
  if (n.left._type !== 'Constant' || n.right._type !== 'Constant') return n as unknown as Node;
  const r = binaryOp(n.op._type, n.left.value as CodeConstant, n.right.value as CodeConstant);
  return r ? makeConst(n, r) : (n as unknown as Node);
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
