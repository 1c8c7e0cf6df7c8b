import type { PySyntaxError } from './errors.ts';

/** Tokens as CPython's tokenizer produces them (comments and non-logical newlines dropped). */
export type TokenType =
  | 'NAME'
  | 'NUMBER'
  | 'STRING'
  | 'OP'
  | 'NEWLINE'
  | 'INDENT'
  | 'DEDENT'
  | 'ENDMARKER'
  /** A tokenizer error, raised only when the parser reaches it (CPython tokenizes lazily). */
  | 'ERROR';

export interface Token {
  type: TokenType;
  /** The token's source text (NAMEs NFKC-normalized). */
  value: string;
  /** 1-based lines, 0-based UTF-8 byte columns. */
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** 1-based character offset of the start, for error reports. */
  offset: number;
  endOffset: number;
  /** Set on ERROR tokens. */
  error?: PySyntaxError;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);

/** Operators, longest first within each length so a greedy scan finds the longest match. */
export const OPERATORS_3: ReadonlySet<string> = new Set(['**=', '//=', '>>=', '<<=', '...']);
export const OPERATORS_2: ReadonlySet<string> = new Set([
  '!=',
  '%=',
  '&=',
  '**',
  '*=',
  '+=',
  '-=',
  '->',
  '//',
  '/=',
  ':=',
  '<<',
  '<=',
  '==',
  '>=',
  '>>',
  '@=',
  '^=',
  '|=',
]);
export const OPERATORS_1: ReadonlySet<string> = new Set('()[]{}:,;+-*/|&<>=.%~^@');
