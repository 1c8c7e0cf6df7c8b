/**
 * Syntax tree of the runner's subset. Every statement carries its 1-based source line.
 * The parser accepts a little more than the interpreter supports, so that `check.ts` can name
 * an unsupported construct precisely instead of reporting a syntax error.
 */

export type Expr =
  | { e: 'name'; id: string }
  | { e: 'none' }
  | { e: 'bool'; v: boolean }
  | { e: 'int'; v: number }
  | { e: 'str'; v: string }
  | { e: 'attr'; obj: Expr; name: string }
  | { e: 'index'; obj: Expr; index: Expr }
  | { e: 'call'; fn: Expr; args: Expr[] }
  | { e: 'list'; items: Expr[] }
  | { e: 'dict'; entries: [Expr, Expr][] }
  | { e: 'tuple'; items: Expr[] }
  | { e: 'is'; left: Expr; right: Expr; negated: boolean };

export type Stmt =
  | { s: 'assign'; line: number; target: Expr; value: Expr }
  | { s: 'del'; line: number; targets: Expr[] }
  | { s: 'expr'; line: number; expr: Expr }
  | { s: 'return'; line: number; value: Expr | null }
  | { s: 'pass'; line: number }
  | { s: 'import'; line: number; modules: string[] }
  | { s: 'def'; line: number; name: string; params: string[]; body: Stmt[] }
  | { s: 'class'; line: number; name: string; slots: string[] | null };

export interface Program {
  body: Stmt[];
  /** Source text of each line (without indentation), by 1-based line number, for tracebacks. */
  lines: Record<number, string>;
}

/** Modules the subset can import. */
export const MODULES = ['gc', 'sys', 'weakref'] as const;
