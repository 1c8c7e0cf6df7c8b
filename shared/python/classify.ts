/**
 * Which compile error a script gets when the runner's own parser or checker rejects it.
 *
 * The runner's parser knows only its subset, so its SyntaxError may be a valid Python construct
 * it does not support, and its `unsupported` may hide a real syntax error further down (CPython
 * compiles the whole file first). The full Python 3.11 front end (syntax/ and compiler/, the one
 * parser and compiler of the teaching VM) decides: invalid Python → CPython's error kind and
 * line; valid → `unsupported`, naming the construct on the line the runner stopped at.
 */
import { compileModule, UnsupportedError } from './compiler/index.ts';
import { CompileError } from './errors.ts';
import { parse, PySyntaxError } from './syntax/index.ts';
import type { Token } from './syntax/tokens.ts';
import { normalizeNewlines, tokenize } from './syntax/tokenizer.ts';

type Verdict =
  | { valid: true }
  | { valid: false; kind: 'SyntaxError' | 'IndentationError'; line: number; detail: string };

/** Whether CPython 3.11 would compile `source` (parse, then the compiler's own checks). */
function pythonSyntax(source: string): Verdict {
  try {
    compileModule(parse(source));
  } catch (e) {
    if (e instanceof UnsupportedError) return { valid: true };
    if (!(e instanceof PySyntaxError)) throw e;
    const kind = e.type === 'SyntaxError' ? 'SyntaxError' : 'IndentationError'; // TabError is one
    return { valid: false, kind, line: e.lineno, detail: e.msg };
  }
  return { valid: true };
}

/** The error to report for `e`, thrown while compiling `source` (other errors pass through). */
export function classifyCompileError(e: unknown, source: string): unknown {
  if (!(e instanceof CompileError)) return e;
  const verdict = pythonSyntax(source);
  if (verdict.valid === false) {
    // On the same line, the runner's own tokenizer words these like CPython, in more detail.
    const lexical = /^(unterminated|leading zeros|invalid character)/.test(verdict.detail);
    const sameError = e.kind === verdict.kind && e.line === verdict.line;
    if (sameError && (lexical || verdict.kind === 'IndentationError')) return e;
    return new CompileError(verdict.kind, verdict.line, verdict.detail);
  }
  if (e.kind === 'unsupported') return e;
  return new CompileError('unsupported', e.line, constructAt(source, e.line));
}

const STATEMENT_KEYWORDS: Record<string, string> = {
  for: "'for' loops",
  while: "'while' loops",
  if: "'if' statements",
  elif: "'if' statements",
  else: "'else' blocks",
  try: "'try' statements",
  except: "'try' statements",
  finally: "'try' statements",
  with: "'with' statements",
  async: 'async code',
  match: "'match' statements",
  global: "'global' statements",
  nonlocal: "'nonlocal' statements",
  assert: "'assert' statements",
  raise: "'raise' statements",
  yield: 'generators',
  break: "'break'",
  continue: "'continue'",
  from: "'from' imports",
  lambda: "'lambda' expressions",
};
const COMPARISONS = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'is']);
const BEFORE_OPERAND = new Set([
  '(',
  '[',
  '{',
  ',',
  '=',
  ':',
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  'return',
]);

/** A token as the construct namer reads it. */
const word = (t: Token): { kind: 'string' | 'other'; text: string } => ({
  kind: t.type === 'STRING' ? 'string' : 'other',
  text: t.value,
});

/** A short name for the first construct on `line` that the runner does not support. */
export function constructAt(source: string, line: number): string {
  const toks = tokenize(normalizeNewlines(source))
    .filter((t) => t.line === line && t.type !== 'ERROR')
    .map(word);
  const first = toks[0];
  if (first?.text === '@') return 'decorators';
  const keyword = first && STATEMENT_KEYWORDS[first.text];
  if (keyword) return keyword;
  const strings = toks.filter((t) => t.kind === 'string');
  if (strings.some((t) => /^[a-zA-Z]*[fF]/.test(t.text))) return 'f-strings';
  if (toks.some((t, i) => t.kind === 'string' && toks[i + 1]?.kind === 'string'))
    return 'adjacent string literals';
  const words = toks.map((t) => t.text);
  if (words.includes('for')) return 'comprehensions';
  if (words.includes('lambda')) return "'lambda' expressions";
  if (words.includes('yield')) return 'generators';
  if (words.includes('await')) return 'async code';
  if (words.includes(':=')) return 'assignment expressions';
  if (words.includes('if')) return 'conditional expressions';
  const unary = toks.find(
    (t, i) => (t.text === '+' || t.text === '~') && BEFORE_OPERAND.has(toks[i - 1]?.text ?? '('),
  );
  if (unary) return `unary '${unary.text}'`;
  if (toks.filter((t) => COMPARISONS.has(t.text)).length >= 2) return 'chained comparisons';
  return 'this statement';
}
