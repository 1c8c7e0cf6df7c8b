/**
 * Expressions and assignment targets for the validity recognizer (validity.ts), after the
 * expression rules of CPython 3.11's grammar. Each parse returns a small summary of what it
 * read, enough for the target rules ("cannot assign to literal", starred targets, ...).
 */
import type { Tok, TokKind } from './validity-tokens.ts';
import { invalid, VerdictError } from './validity-tokens.ts';

export type Node =
  | { k: 'name' | 'attr' | 'sub' | 'literal' | 'other' }
  | { k: 'star'; inner: Node }
  | { k: 'tuple' | 'list'; items: Node[] }
  | { k: 'paren'; inner: Node };

type TargetMode = 'assign' | 'delete' | 'augmented' | 'annotated';

const KEYWORDS = new Set(
  'and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const COMPARE = new Set(['<', '>', '==', '>=', '<=', '!=']);
const BINARY_LEVELS = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const OTHER: Node = { k: 'other' };

export class Expressions {
  protected pos = 0;
  /** `yield` is allowed (inside a function body). */
  protected yieldAllowed = false;

  protected readonly toks: Tok[];

  constructor(toks: Tok[]) {
    this.toks = toks;
  }

  protected peek(): Tok {
    const t = this.toks[this.pos] ?? this.toks[this.toks.length - 1]!;
    if (t.verdict) throw new VerdictError(t.verdict);
    return t;
  }
  protected next(): Tok {
    const t = this.peek();
    if (this.pos < this.toks.length - 1) this.pos++;
    return t;
  }
  protected at(kind: TokKind): boolean {
    return this.peek().kind === kind;
  }
  protected atOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }
  protected atName(text: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.text === text;
  }
  protected eatOp(text: string): boolean {
    return this.atOp(text) ? (this.next(), true) : false;
  }
  protected eatName(text: string): boolean {
    return this.atName(text) ? (this.next(), true) : false;
  }
  protected expect(kind: TokKind): void {
    if (!this.at(kind)) invalid(this.peek().line, 'invalid syntax');
    this.next();
  }
  protected expectOp(text: string): void {
    if (!this.eatOp(text)) invalid(this.peek().line, `expected '${text}'`);
  }
  protected name(): void {
    const t = this.peek();
    if (t.kind !== 'name' || KEYWORDS.has(t.text) || ['None', 'True', 'False'].includes(t.text))
      invalid(t.line, 'invalid syntax');
    this.next();
  }
  protected atEndOfSimple(): boolean {
    return this.at('newline') || this.at('end') || this.atOp(';');
  }

  /** Checks `node` as an assignment (or del / augmented / annotated) target. */
  protected target(node: Node, mode: TargetMode = 'assign', nested = false): void {
    const line = this.peek().line;
    switch (node.k) {
      case 'name':
      case 'attr':
      case 'sub':
        return;
      case 'paren':
        return this.target(node.inner, mode, nested);
      case 'star':
        if (mode !== 'assign' || !nested)
          invalid(line, 'starred assignment target must be in a list or tuple');
        return this.target(node.inner, mode, true);
      case 'tuple':
      case 'list':
        if (mode === 'augmented' || mode === 'annotated')
          invalid(line, `illegal target for ${mode} assignment`);
        if (node.items.filter((i) => i.k === 'star').length > 1)
          invalid(line, 'multiple starred expressions in assignment');
        for (const item of node.items) this.target(item, mode, true);
        return;
      default:
        invalid(line, `cannot ${mode === 'delete' ? 'delete' : 'assign to'} expression`);
    }
  }

  protected starTarget(): Node {
    return this.eatOp('*') ? { k: 'star', inner: this.bitOr() } : this.bitOr();
  }

  /** `for` targets `in` iterable (a for statement's header or a comprehension clause). */
  protected forHeader(iterable: () => Node = () => this.starExpressionsNode()): void {
    const items = [this.starTarget()];
    let tuple = false;
    while (this.eatOp(',')) {
      tuple = true;
      if (this.atName('in')) break;
      items.push(this.starTarget());
    }
    this.target(tuple ? { k: 'tuple', items } : items[0]!);
    if (!this.eatName('in')) invalid(this.peek().line, "invalid syntax: expected 'in'");
    iterable();
  }

  protected starExpressions(): void {
    this.starExpressionsNode();
  }

  protected starExpressionsNode(): Node {
    const first = this.starNamed(false);
    if (!this.atOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (
        this.atEndOfSimple() ||
        this.atOp('=') ||
        this.atOp(')') ||
        this.atOp(':') ||
        this.atName('in')
      )
        break;
      items.push(this.starNamed(false));
    }
    return { k: 'tuple', items };
  }

  /** `*expr` or an expression (`:=` only where `walrus`). */
  protected starNamed(walrus: boolean): Node {
    if (this.eatOp('*')) return { k: 'star', inner: this.bitOr() };
    return walrus ? this.namedExpr() : this.test();
  }

  protected namedExpr(): Node {
    const t = this.peek();
    if (t.kind === 'name' && this.toks[this.pos + 1]?.text === ':=') {
      this.name();
      this.next();
      this.test();
      return OTHER;
    }
    const node = this.test();
    if (this.atOp(':='))
      invalid(this.peek().line, 'cannot use assignment expressions with this target');
    return node;
  }

  protected yieldExpr(): Node {
    const t = this.next();
    if (!this.yieldAllowed) invalid(t.line, "'yield' outside function");
    if (this.eatName('from')) this.test();
    else if (!this.atEndOfSimple() && !this.atOp(')') && !this.atOp('=')) this.starExpressions();
    return OTHER;
  }

  protected test(): Node {
    if (this.eatName('lambda')) {
      this.parameters(':', false);
      this.expectOp(':');
      this.test();
      return OTHER;
    }
    const node = this.orTest();
    if (!this.eatName('if')) return node;
    this.orTest();
    if (!this.eatName('else')) invalid(this.peek().line, "expected 'else' after 'if' expression");
    this.test();
    return OTHER;
  }

  protected orTest(): Node {
    let node = this.andTest();
    while (this.eatName('or')) node = (this.andTest(), OTHER);
    return node;
  }

  private andTest(): Node {
    let node = this.notTest();
    while (this.eatName('and')) node = (this.notTest(), OTHER);
    return node;
  }

  private notTest(): Node {
    if (this.eatName('not')) return (this.notTest(), OTHER);
    let node = this.bitOr();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && COMPARE.has(t.text)) this.next();
      else if (t.kind === 'name' && (t.text === 'in' || t.text === 'is')) {
        this.next();
        if (t.text === 'is') this.eatName('not');
      } else if (t.kind === 'name' && t.text === 'not' && this.toks[this.pos + 1]?.text === 'in') {
        this.next();
        this.next();
      } else return node;
      this.bitOr();
      node = OTHER;
    }
  }

  protected bitOr(level = 0): Node {
    if (level === BINARY_LEVELS.length) return this.factor();
    let node = this.bitOr(level + 1);
    while (BINARY_LEVELS[level]!.includes(this.peek().text) && this.at('op')) {
      this.next();
      this.bitOr(level + 1);
      node = OTHER;
    }
    return node;
  }

  private factor(): Node {
    if (this.atOp('+') || this.atOp('-') || this.atOp('~'))
      return (this.next(), this.factor(), OTHER);
    const awaited = this.atName('await');
    if (awaited && !this.yieldAllowed) invalid(this.peek().line, "'await' outside function");
    if (awaited) this.next();
    let node = this.primary();
    if (awaited) node = OTHER;
    if (this.eatOp('**')) return (this.factor(), OTHER);
    return node;
  }

  private primary(): Node {
    let node = this.atom();
    for (;;) {
      if (this.eatOp('(')) {
        this.callArguments();
        node = OTHER;
      } else if (this.eatOp('[')) {
        this.subscript();
        node = { k: 'sub' };
      } else if (this.eatOp('.')) {
        this.name();
        node = { k: 'attr' };
      } else return node;
    }
  }

  private atom(): Node {
    const t = this.next();
    if (t.kind === 'number') return { k: 'literal' };
    if (t.kind === 'string') return this.strings(t);
    if (t.kind === 'name') {
      if (['None', 'True', 'False'].includes(t.text)) return { k: 'literal' };
      if (KEYWORDS.has(t.text)) invalid(t.line, 'invalid syntax');
      return { k: 'name' };
    }
    if (t.kind !== 'op') invalid(t.line, 'invalid syntax');
    switch (t.text) {
      case '...':
        return { k: 'literal' };
      case '(':
        return this.parenthesized();
      case '[':
        return this.listDisplay();
      case '{':
        return this.braceDisplay();
      default:
        return invalid(t.line, 'invalid syntax');
    }
  }

  private strings(first: Tok): Node {
    const isBytes = (s: Tok): boolean =>
      /^[a-zA-Z]*[bB]/.test(s.text) && /^[rRbB]*['"]/.test(s.text);
    const bytes = isBytes(first);
    while (this.at('string')) {
      const s = this.next();
      if (isBytes(s) !== bytes) invalid(s.line, 'cannot mix bytes and nonbytes literals');
    }
    return { k: 'literal' };
  }

  private parenthesized(): Node {
    if (this.eatOp(')')) return { k: 'tuple', items: [] };
    if (this.atName('yield')) {
      this.yieldExpr();
      this.expectOp(')');
      return OTHER;
    }
    const first = this.starNamed(true);
    if (this.comprehension()) return (this.expectOp(')'), OTHER);
    if (!this.atOp(',')) {
      this.expectOp(')');
      if (first.k === 'star') invalid(this.peek().line, 'cannot use starred expression here');
      return { k: 'paren', inner: first };
    }
    const items = [first, ...this.moreItems(')')];
    return { k: 'tuple', items };
  }

  private listDisplay(): Node {
    if (this.eatOp(']')) return { k: 'list', items: [] };
    const first = this.starNamed(true);
    if (this.comprehension()) return (this.expectOp(']'), OTHER);
    if (!this.atOp(',')) return (this.expectOp(']'), { k: 'list', items: [first] });
    return { k: 'list', items: [first, ...this.moreItems(']')] };
  }

  /** `, item, item [,] closer` after a first item. */
  private moreItems(closer: string): Node[] {
    const items: Node[] = [];
    while (this.eatOp(',')) {
      if (this.atOp(closer)) break;
      items.push(this.starNamed(true));
    }
    this.expectOp(closer);
    return items;
  }

  private braceDisplay(): Node {
    if (this.eatOp('}')) return OTHER;
    const dict = this.dictEntry(true);
    if (this.comprehension()) return (this.expectOp('}'), OTHER);
    while (this.eatOp(',')) {
      if (this.atOp('}')) break;
      if (dict) this.dictEntry(false);
      else this.starNamed(true);
    }
    this.expectOp('}');
    return OTHER;
  }

  /** A dict entry `k: v` or `**m`; when `probe`, reads a set item instead if no ':' follows. */
  private dictEntry(probe: boolean): boolean {
    if (this.eatOp('**')) return (this.bitOr(), true);
    if (probe && this.atOp('*')) return (this.starNamed(true), false);
    this.test();
    if (probe && !this.atOp(':')) {
      if (this.atOp(':=')) invalid(this.peek().line, 'invalid syntax');
      return false;
    }
    this.expectOp(':');
    this.test();
    return true;
  }

  /** Comprehension clauses, if any follow; true when there were some. */
  private comprehension(): boolean {
    let any = false;
    for (;;) {
      const async = this.atName('async') && this.toks[this.pos + 1]?.text === 'for';
      if (async) this.next();
      if (!this.eatName('for')) return any;
      any = true;
      this.forHeader(() => this.orTest());
      while (this.eatName('if')) this.orTest();
    }
  }

  protected callArguments(): void {
    let keyword = false;
    let doubleStar = false;
    while (!this.atOp(')')) {
      const t = this.peek();
      if (this.eatOp('**')) {
        this.test();
        doubleStar = true;
      } else if (this.eatOp('*')) {
        if (doubleStar)
          invalid(t.line, 'iterable argument unpacking follows keyword argument unpacking');
        this.test();
      } else if (t.kind === 'name' && this.toks[this.pos + 1]?.text === '=') {
        this.name();
        this.next();
        this.test();
        keyword = true;
      } else {
        this.namedExpr();
        if (this.atOp('='))
          invalid(t.line, 'expression cannot contain assignment, perhaps you meant "=="?');
        if (keyword || doubleStar) invalid(t.line, 'positional argument follows keyword argument');
        this.comprehension();
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
  }

  private subscript(): void {
    do {
      if (this.atOp(']')) break;
      if (this.eatOp('*')) this.bitOr();
      else {
        if (!this.atOp(':')) this.namedExpr();
        if (this.eatOp(':')) {
          if (!this.atOp(':') && !this.atOp(']') && !this.atOp(',')) this.test();
          if (this.eatOp(':') && !this.atOp(']') && !this.atOp(',')) this.test();
        }
      }
    } while (this.eatOp(','));
    this.expectOp(']');
  }

  /** Parameters up to `closer` (a def's `)` or a lambda's `:`), CPython's order rules. */
  protected parameters(closer: string, annotations: boolean): void {
    const seen = new Set<string>();
    let defaults = false;
    let star = false;
    const param = (): void => {
      const t = this.peek();
      this.name();
      if (seen.has(t.text))
        invalid(t.line, `duplicate argument '${t.text}' in function definition`);
      seen.add(t.text);
      if (annotations && this.eatOp(':')) this.test();
    };
    while (!this.atOp(closer)) {
      const t = this.peek();
      if (this.eatOp('/')) {
        if (seen.size === 0 || star) invalid(t.line, 'invalid syntax');
      } else if (this.eatOp('**')) {
        param();
        this.eatOp(',');
        if (!this.atOp(closer)) invalid(t.line, 'arguments cannot follow var-keyword argument');
        return;
      } else if (this.eatOp('*')) {
        if (star) invalid(t.line, '* argument may appear only once');
        star = true;
        if (!this.atOp(',') && !this.atOp(closer)) param();
      } else {
        param();
        if (this.eatOp('=')) {
          this.test();
          defaults = true;
        } else if (defaults && !star)
          invalid(t.line, 'non-default argument follows default argument');
      }
      if (!this.eatOp(',')) break;
    }
  }
}
