/**
 * Is this text valid Python 3.11? The runner's own parser knows only its subset; when it fails,
 * this recognizer tells a construct the runner does not support (valid Python: report
 * `unsupported`) from a real mistake (report CPython's SyntaxError / IndentationError).
 *
 * It follows CPython's grammar for statements and expressions, including the compiler's
 * checks that make a script fail before it runs: assignment targets, `return`/`yield` outside a
 * function, `break`/`continue` outside a loop. It says 'unknown' for what it does not judge
 * (f-string contents beyond their quotes, `match` statements, tabs), and the caller then
 * reports `unsupported` — a refusal, never a claim about CPython that could be wrong.
 */
import type { SyntaxVerdict, Tok } from './validity-tokens.ts';
import { invalid, tokenize, unknown, VerdictError } from './validity-tokens.ts';
import { Expressions } from './validity-expr.ts';

export type { SyntaxVerdict } from './validity-tokens.ts';

/** The verdict on a whole script. */
export function pythonSyntax(source: string): SyntaxVerdict {
  let toks: Tok[] = [];
  try {
    toks = tokenize(source);
    new Statements(toks).file();
    return { valid: true };
  } catch (e) {
    if (!(e instanceof VerdictError)) throw e;
    // CPython replaces a generic "invalid syntax" with an error its tokenizer finds anywhere
    // later in the file (an unclosed bracket, an unterminated string, a bad dedent).
    const v = e.verdict;
    const later = toks.find((t) => t.verdict)?.verdict;
    if (v.valid !== false || !GENERIC.test(v.detail) || !later || later.valid !== false) return v;
    // An unclosed bracket wins only over an error on a later line than the bracket.
    if (/was never closed$/.test(later.detail) && v.line <= later.line) return v;
    return later;
    return v;
  }
}

const GENERIC = /^(invalid syntax|expected '.*')$/;

interface Scope {
  inFunction: boolean;
  inLoop: boolean;
}

const SIMPLE_KEYWORDS = new Set(['pass', 'break', 'continue']);

class Statements extends Expressions {
  constructor(toks: Tok[]) {
    super(toks);
  }

  file(): void {
    const scope = { inFunction: false, inLoop: false };
    while (!this.at('end')) this.statement(scope);
  }

  private statement(scope: Scope): void {
    this.yieldAllowed = scope.inFunction;
    const t = this.peek();
    if (t.kind === 'indent') invalid(t.line, 'unexpected indent', 'IndentationError');
    if (t.kind === 'name' && t.text === 'match' && this.lineEndsWithColon()) unknown();
    if (!this.compound(scope)) this.simpleStatements(scope);
  }

  /** A statement line ending in ':' at bracket depth 0 (a `match` header, for instance). */
  private lineEndsWithColon(): boolean {
    let depth = 0;
    let last = '';
    for (let i = this.pos; i < this.toks.length && this.toks[i]!.kind !== 'newline'; i++) {
      const x = this.toks[i]!.text;
      if ('([{'.includes(x) && x) depth++;
      if (')]}'.includes(x) && x) depth--;
      if (depth === 0) last = x;
    }
    return last === ':';
  }

  private compound(scope: Scope): boolean {
    const t = this.peek();
    if (t.kind === 'op' && t.text === '@') {
      while (this.eatOp('@')) {
        this.namedExpr();
        this.expect('newline');
      }
      const next = this.peek();
      if (next.kind !== 'name' || !['def', 'class', 'async'].includes(next.text))
        invalid(next.line, 'invalid syntax');
      return this.compound(scope);
    }
    if (t.kind !== 'name') return false;
    switch (t.text) {
      case 'if':
        this.next();
        this.namedExpr();
        this.block(scope);
        while (this.eatName('elif')) {
          this.namedExpr();
          this.block(scope);
        }
        if (this.eatName('else')) this.block(scope);
        return true;
      case 'while':
        this.next();
        this.namedExpr();
        this.block({ ...scope, inLoop: true });
        if (this.eatName('else')) this.block(scope);
        return true;
      case 'for':
        this.next();
        this.forHeader();
        this.block({ ...scope, inLoop: true });
        if (this.eatName('else')) this.block(scope);
        return true;
      case 'try':
        this.next();
        this.tryStatement(scope);
        return true;
      case 'with':
        this.next();
        this.withItems();
        this.block(scope);
        return true;
      case 'def':
        this.next();
        this.funcDef();
        this.block({ inFunction: true, inLoop: false });
        return true;
      case 'class':
        this.next();
        this.name();
        if (this.eatOp('(')) this.callArguments();
        this.block({ inFunction: false, inLoop: false });
        return true;
      case 'async': {
        const after = this.toks[this.pos + 1];
        if (!after || !['def', 'for', 'with'].includes(after.text)) return false;
        this.next();
        if (after.text !== 'def' && !scope.inFunction)
          invalid(t.line, `'async ${after.text}' outside async function`);
        return this.compound(scope);
      }
      case 'elif':
      case 'else':
      case 'except':
      case 'finally':
        return invalid(t.line, 'invalid syntax');
      default:
        return false;
    }
  }

  private tryStatement(scope: Scope): void {
    this.block(scope);
    let handlers = 0;
    let star: boolean | null = null;
    while (this.atName('except')) {
      const line = this.next().line;
      const isStar = this.eatOp('*');
      if (star !== null && star !== isStar)
        invalid(line, "cannot have both 'except' and 'except*' on the same 'try'");
      star = isStar;
      if (!this.atOp(':')) {
        this.test();
        if (this.atOp(',')) invalid(line, 'multiple exception types must be parenthesized');
        if (this.eatName('as')) this.name();
      } else if (isStar) invalid(line, 'expected one or more exception types');
      this.block(scope);
      handlers++;
    }
    if (handlers > 0 && this.eatName('else')) this.block(scope);
    if (this.eatName('finally')) this.block(scope);
    else if (handlers === 0) invalid(this.peek().line, "expected 'except' or 'finally' block");
  }

  private funcDef(): void {
    this.name();
    this.expectOp('(');
    this.parameters(')', true);
    this.expectOp(')');
    if (this.eatOp('->')) this.test();
  }

  private withItems(): void {
    const parenthesized = this.atOp('(') && this.lineEndsWithColon();
    if (parenthesized) {
      const save = this.pos;
      try {
        this.next();
        do {
          if (this.atOp(')')) break;
          this.test();
          if (this.eatName('as')) this.target(this.starTarget());
        } while (this.eatOp(','));
        this.expectOp(')');
        if (this.atOp(':')) return;
      } catch (e) {
        if (!(e instanceof VerdictError)) throw e;
      }
      this.pos = save;
    }
    do {
      this.test();
      if (this.eatName('as')) this.target(this.starTarget());
    } while (this.eatOp(','));
  }

  /** ':' then a one-line body or an indented block. */
  private block(scope: Scope): void {
    const colon = this.peek();
    this.expectOp(':');
    if (!this.at('newline')) {
      this.simpleStatements(scope);
      return;
    }
    this.next();
    if (!this.at('indent'))
      invalid(
        this.peek().line,
        `expected an indented block after line ${colon.line}`,
        'IndentationError',
      );
    this.next();
    while (!this.at('dedent')) this.statement(scope);
    this.next();
  }

  private simpleStatements(scope: Scope): void {
    do {
      if (this.at('newline')) break;
      this.simpleStatement(scope);
    } while (this.eatOp(';'));
    this.expect('newline');
  }

  private simpleStatement(scope: Scope): void {
    const t = this.peek();
    if (t.kind === 'name' && SIMPLE_KEYWORDS.has(t.text)) {
      this.next();
      if (t.text !== 'pass' && !scope.inLoop) invalid(t.line, `'${t.text}' outside loop`);
      return;
    }
    if (t.kind === 'name') {
      switch (t.text) {
        case 'return':
          this.next();
          if (!scope.inFunction) invalid(t.line, "'return' outside function");
          if (!this.atEndOfSimple()) this.starExpressions();
          return;
        case 'del':
          this.next();
          do {
            if (this.atEndOfSimple()) break;
            this.target(this.bitOr(), 'delete');
          } while (this.eatOp(','));
          return;
        case 'raise':
          this.next();
          if (!this.atEndOfSimple()) {
            this.test();
            if (this.eatName('from')) this.test();
          }
          return;
        case 'global':
        case 'nonlocal':
          this.next();
          if (t.text === 'nonlocal' && !scope.inFunction)
            invalid(t.line, 'nonlocal declaration not allowed at module level');
          do this.name();
          while (this.eatOp(','));
          return;
        case 'assert':
          this.next();
          this.test();
          if (this.eatOp(',')) this.test();
          return;
        case 'import':
          this.next();
          do {
            this.dottedName();
            if (this.eatName('as')) this.name();
          } while (this.eatOp(','));
          return;
        case 'from':
          this.next();
          this.fromImport(scope);
          return;
      }
    }
    this.expressionStatement();
  }

  private fromImport(scope: Scope): void {
    let dots = 0;
    while (this.atOp('.') || this.atOp('...')) dots += this.next().text.length;
    if (dots === 0 || !this.atName('import')) this.dottedName();
    const line = this.peek().line;
    if (!this.eatName('import')) invalid(line, 'invalid syntax');
    if (this.eatOp('*')) {
      if (scope.inFunction) invalid(line, 'import * only allowed at module level');
      return;
    }
    const paren = this.eatOp('(');
    do {
      if (paren && this.atOp(')')) break;
      this.name();
      if (this.eatName('as')) this.name();
    } while (this.eatOp(','));
    if (paren) this.expectOp(')');
  }

  private dottedName(): void {
    do this.name();
    while (this.eatOp('.'));
  }

  private expressionStatement(): void {
    const first = this.atName('yield') ? this.yieldExpr() : this.starExpressionsNode();
    const aug = this.peek();
    if (
      aug.kind === 'op' &&
      aug.text.length >= 2 &&
      aug.text.endsWith('=') &&
      !['==', '<=', '>=', '!='].includes(aug.text)
    ) {
      this.next();
      this.target(first, 'augmented');
      this.assignedValue();
    } else if (this.atOp(':')) {
      this.next();
      this.target(first, 'annotated');
      this.test();
      if (this.eatOp('=')) this.assignedValue();
    } else {
      let target = first;
      while (this.eatOp('=')) {
        this.target(target);
        target = this.assignedValue();
      }
    }
  }

  private assignedValue() {
    return this.atName('yield') ? this.yieldExpr() : this.starExpressionsNode();
  }
}
