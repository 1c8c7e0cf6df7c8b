/**
 * Python 3.11's abstract syntax tree, node for node as CPython's `ast` module builds it
 * (Parser/Python.asdl). The parser produces it; the compiler consumes it.
 *
 * Contract: for any source, `parse(src)` deep-equals the JSON that `test/tools/pyast.py` prints
 * for CPython's `ast.parse(src)` — same `_type`, same fields, same positions (1-based lines,
 * 0-based UTF-8 byte columns). Optional fields are `null`, never missing.
 */

/** A literal's value. Ints are decimal text (any size); floats are CPython's repr. */
export type PyConstant =
  | { t: 'None' }
  | { t: 'Ellipsis' }
  | { t: 'bool'; v: boolean }
  | { t: 'int'; v: string }
  | { t: 'float'; v: string }
  | { t: 'complex'; real: string; imag: string }
  | { t: 'str'; v: string }
  /** Bytes as latin-1 text: one char per byte, code units 0..255. */
  | { t: 'bytes'; v: string };

export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

type Node<T extends string, F> = { _type: T } & F;
type Located<T extends string, F> = Node<T, F> & Pos;

export type ExprContext = Node<'Load' | 'Store' | 'Del', object>;
export type BoolOpKind = Node<'And' | 'Or', object>;
export type Operator = Node<
  | 'Add'
  | 'Sub'
  | 'Mult'
  | 'MatMult'
  | 'Div'
  | 'Mod'
  | 'Pow'
  | 'LShift'
  | 'RShift'
  | 'BitOr'
  | 'BitXor'
  | 'BitAnd'
  | 'FloorDiv',
  object
>;
export type UnaryOpKind = Node<'Invert' | 'Not' | 'UAdd' | 'USub', object>;
export type CmpOp = Node<
  'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn',
  object
>;

export interface Module {
  _type: 'Module';
  body: Stmt[];
  type_ignores: unknown[];
}

export type Arg = Located<
  'arg',
  { arg: string; annotation: Expr | null; type_comment: string | null }
>;
export type Arguments = Node<
  'arguments',
  {
    posonlyargs: Arg[];
    args: Arg[];
    vararg: Arg | null;
    kwonlyargs: Arg[];
    /** One per kwonlyarg; null where it has no default. */
    kw_defaults: (Expr | null)[];
    kwarg: Arg | null;
    defaults: Expr[];
  }
>;
export type Keyword = Located<'keyword', { arg: string | null; value: Expr }>;
export type Alias = Located<'alias', { name: string; asname: string | null }>;
export type WithItem = Node<'withitem', { context_expr: Expr; optional_vars: Expr | null }>;
export type Comprehension = Node<
  'comprehension',
  { target: Expr; iter: Expr; ifs: Expr[]; is_async: number }
>;
export type ExceptHandler = Located<
  'ExceptHandler',
  { type: Expr | null; name: string | null; body: Stmt[] }
>;
export type MatchCase = Node<'match_case', { pattern: Pattern; guard: Expr | null; body: Stmt[] }>;

export type Pattern =
  | Located<'MatchValue', { value: Expr }>
  /** None, True or False: pyast.py prints the raw JSON value (null/true/false), untagged. */
  | Located<'MatchSingleton', { value: null | boolean }>
  | Located<'MatchSequence', { patterns: Pattern[] }>
  | Located<'MatchMapping', { keys: Expr[]; patterns: Pattern[]; rest: string | null }>
  | Located<
      'MatchClass',
      { cls: Expr; patterns: Pattern[]; kwd_attrs: string[]; kwd_patterns: Pattern[] }
    >
  | Located<'MatchStar', { name: string | null }>
  | Located<'MatchAs', { pattern: Pattern | null; name: string | null }>
  | Located<'MatchOr', { patterns: Pattern[] }>;

type FunctionFields = {
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
};
type TryFields = {
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
};

export type Stmt =
  | Located<'FunctionDef', FunctionFields>
  | Located<'AsyncFunctionDef', FunctionFields>
  | Located<
      'ClassDef',
      { name: string; bases: Expr[]; keywords: Keyword[]; body: Stmt[]; decorator_list: Expr[] }
    >
  | Located<'Return', { value: Expr | null }>
  | Located<'Delete', { targets: Expr[] }>
  | Located<'Assign', { targets: Expr[]; value: Expr; type_comment: string | null }>
  | Located<'AugAssign', { target: Expr; op: Operator; value: Expr }>
  | Located<'AnnAssign', { target: Expr; annotation: Expr; value: Expr | null; simple: number }>
  | Located<
      'For' | 'AsyncFor',
      { target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[]; type_comment: string | null }
    >
  | Located<'While', { test: Expr; body: Stmt[]; orelse: Stmt[] }>
  | Located<'If', { test: Expr; body: Stmt[]; orelse: Stmt[] }>
  | Located<'With' | 'AsyncWith', { items: WithItem[]; body: Stmt[]; type_comment: string | null }>
  | Located<'Match', { subject: Expr; cases: MatchCase[] }>
  | Located<'Raise', { exc: Expr | null; cause: Expr | null }>
  | Located<'Try' | 'TryStar', TryFields>
  | Located<'Assert', { test: Expr; msg: Expr | null }>
  | Located<'Import', { names: Alias[] }>
  | Located<'ImportFrom', { module: string | null; names: Alias[]; level: number | null }>
  | Located<'Global' | 'Nonlocal', { names: string[] }>
  | Located<'Expr', { value: Expr }>
  | Located<'Pass' | 'Break' | 'Continue', object>;

export type Expr =
  | Located<'BoolOp', { op: BoolOpKind; values: Expr[] }>
  | Located<'NamedExpr', { target: Expr; value: Expr }>
  | Located<'BinOp', { left: Expr; op: Operator; right: Expr }>
  | Located<'UnaryOp', { op: UnaryOpKind; operand: Expr }>
  | Located<'Lambda', { args: Arguments; body: Expr }>
  | Located<'IfExp', { test: Expr; body: Expr; orelse: Expr }>
  /** A `**d` entry has a null key. */
  | Located<'Dict', { keys: (Expr | null)[]; values: Expr[] }>
  | Located<'Set', { elts: Expr[] }>
  | Located<'ListComp' | 'SetComp' | 'GeneratorExp', { elt: Expr; generators: Comprehension[] }>
  | Located<'DictComp', { key: Expr; value: Expr; generators: Comprehension[] }>
  | Located<'Await', { value: Expr }>
  | Located<'Yield', { value: Expr | null }>
  | Located<'YieldFrom', { value: Expr }>
  | Located<'Compare', { left: Expr; ops: CmpOp[]; comparators: Expr[] }>
  | Located<'Call', { func: Expr; args: Expr[]; keywords: Keyword[] }>
  /** conversion: -1 none, 115 's', 114 'r', 97 'a'. */
  | Located<'FormattedValue', { value: Expr; conversion: number; format_spec: Expr | null }>
  | Located<'JoinedStr', { values: Expr[] }>
  | Located<'Constant', { value: PyConstant; kind: string | null }>
  | Located<'Attribute', { value: Expr; attr: string; ctx: ExprContext }>
  | Located<'Subscript', { value: Expr; slice: Expr; ctx: ExprContext }>
  | Located<'Starred', { value: Expr; ctx: ExprContext }>
  | Located<'Name', { id: string; ctx: ExprContext }>
  | Located<'List' | 'Tuple', { elts: Expr[]; ctx: ExprContext }>
  | Located<'Slice', { lower: Expr | null; upper: Expr | null; step: Expr | null }>;

/** The node of a given `_type`. */
export type StmtOf<T extends Stmt['_type']> = Extract<Stmt, { _type: T }>;
export type ExprOf<T extends Expr['_type']> = Extract<Expr, { _type: T }>;
