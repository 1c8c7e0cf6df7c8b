/**
 * Random Python 3.11 programs for the round-trip test (a test tool, seeded). Expressions carry a
 * precedence so every operand is parenthesized where the grammar needs it; on top of that,
 * random redundant parentheses, spacing, comments and line continuations stress positions.
 * Both parsers read the same text, so the tree need not be meaningful, only valid.
 */
import { nextRandom, seedRng } from '../../../shared/engine/rng.ts';

/** Precedence levels, loosest first (Python's table). */
const P = {
  lambda: 0,
  ifexp: 1,
  or: 2,
  and: 3,
  not: 4,
  cmp: 5,
  bor: 6,
  bxor: 7,
  band: 8,
  shift: 9,
  arith: 10,
  term: 11,
  unary: 12,
  power: 13,
  await: 14,
  atom: 15,
} as const;

interface E {
  s: string;
  p: number;
}

export class ProgramGenerator {
  private rng: number;
  private indent = '';
  /** Inside an f-string's braces (3.11): no quotes or backslashes. */
  private inFString = 0;

  constructor(seed: number) {
    this.rng = seedRng(seed);
  }

  private rand(): number {
    const [v, next] = nextRandom(this.rng);
    this.rng = next;
    return v;
  }

  private int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private sp(): string {
    return this.pick(['', ' ', ' ', ' ', '  ']);
  }

  /** `e` at a position requiring precedence >= `min` (parenthesized when looser, or at random). */
  private at(e: E, min: number): string {
    return e.p < min || this.chance(0.08) ? `(${this.sp()}${e.s}${this.sp()})` : e.s;
  }

  name(): string {
    return this.pick([
      'a',
      'b',
      'x',
      'y1',
      '_z',
      'self',
      'é',
      'data',
      'match',
      'case',
      '_',
      'print',
    ]);
  }

  private literal(): string {
    return this.pick([
      '0',
      '7',
      '1_000',
      '0x1F',
      '0o17',
      '0b101',
      '123456789012345678901234567890',
      '1.5',
      '.5',
      '3.',
      '1e10',
      '2.5e-7',
      '1_0.0_1',
      '2j',
      '1.5J',
      '0.1',
      '1e16',
      '1e-5',
      'True',
      'False',
      'None',
      '...',
      "'s'",
      '"d"',
      "r'\\d'",
      "b'\\x41'",
      "u'u'",
      "'é\\n'",
      "'\\t\\u00e9'",
      '"""t"""',
      "'a' 'b'",
      "'😀'",
      "b'x' b'y'",
      "''",
    ]);
  }

  private fstring(depth: number): string {
    const q = this.pick(["'", '"']);
    const other = q === "'" ? '"' : "'";
    const parts: string[] = [];
    for (let i = this.int(3) + 1; i > 0; i--) {
      if (this.chance(0.4)) parts.push(this.pick(['text ', 'é', '{{', '}}', ' ', '\\n']));
      else {
        this.inFString++;
        const raw = this.expr(depth + 1, false).s;
        this.inFString--;
        let inner = raw.replaceAll(q, other).replace(/\\?\n\s*/g, ' ');
        // A top-level `:` or `!` would end the expression early: keep those inside parentheses.
        if (/lambda|[:!]/.test(inner)) inner = `(${inner})`;
        const conv = this.pick(['', '', '!r', '!s', '!a', '=']);
        const spec = this.pick(['', '', ':>10', ':.2f', ':{w}', ':^{x!r}', ':']);
        parts.push(`{${inner.startsWith('{') ? ' ' : ''}${inner}${conv}${spec}}`);
      }
    }
    return `${this.pick(['f', 'F', 'rf', 'fr'])}${q}${parts.join('')}${q}`;
  }

  private list(depth: number, n: number, star: boolean): string {
    const xs: string[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(
        star && this.chance(0.15)
          ? `*${this.at(this.expr(depth + 1), P.bor)}`
          : this.at(this.expr(depth + 1), P.or),
      );
    }
    return xs.join(`,${this.sp()}`);
  }

  private comp(depth: number): string {
    let s = ` for ${this.target()} in ${this.at(this.expr(depth + 1), P.or)}`;
    if (this.chance(0.4)) s += ` if ${this.at(this.expr(depth + 1), P.or)}`;
    if (this.chance(0.2)) s += ` for ${this.name()} in ${this.name()}`;
    return s;
  }

  private target(): string {
    return this.pick([
      this.name(),
      `${this.name()}, ${this.name()}`,
      `(${this.name()}, *${this.name()})`,
      `[${this.name()}]`,
    ]);
  }

  expr(depth = 0, allowStrings = true): E {
    const r = depth > 2 ? this.int(3) : this.int(30);
    const sub = (min: number) => this.at(this.expr(depth + 1, allowStrings), min);
    const s = () => this.sp();
    switch (r) {
      case 0:
        return { s: this.name(), p: P.atom };
      case 1: {
        const s =
          allowStrings && !this.inFString ? this.literal() : this.pick(['1', '2.5', 'None', 'x']);
        // `7.x` is a bad number: numbers are parenthesized before trailers.
        return { s, p: /^[0-9.]/.test(s) ? P.await : P.atom };
      }
      case 2:
        return { s: this.name(), p: P.atom };
      case 3:
        return {
          s: `${sub(P.arith)}${s()}${this.pick(['+', '-'])}${s()}${sub(P.term)}`,
          p: P.arith,
        };
      case 4:
        return {
          s: `${sub(P.term)}${s()}${this.pick(['*', '/', '//', '%', '@'])}${s()}${sub(P.unary)}`,
          p: P.term,
        };
      case 5:
        return { s: `${sub(P.await)}${s()}**${s()}${sub(P.unary)}`, p: P.power };
      case 6:
        return { s: `${this.pick(['-', '+', '~'])}${sub(P.unary)}`, p: P.unary };
      case 7:
        return { s: `not ${sub(P.not)}`, p: P.not };
      case 8:
        return { s: `${sub(P.and)} ${this.pick(['and', 'or'])} ${sub(P.and)}`, p: P.or };
      case 9: {
        const ops = ['<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not'];
        let t = sub(P.bor);
        for (let i = this.int(3) + 1; i > 0; i--) t += ` ${this.pick(ops)} ${sub(P.bor)}`;
        return { s: t, p: P.cmp };
      }
      case 10:
        return { s: `${sub(P.or)} if ${sub(P.or)} else ${sub(P.ifexp)}`, p: P.ifexp };
      case 11:
        return {
          s: `lambda${this.pick(['', ' x', ' x, y=1', ' *a, k=2, **kw', ' a, /, b'])}: ${sub(P.ifexp)}`,
          p: P.lambda,
        };
      case 12:
        return { s: `${sub(P.atom)}.${this.name()}`, p: P.atom };
      case 13: {
        const args: string[] = [];
        for (let i = this.int(3); i > 0; i--) args.push(this.pick([sub(P.or), `*${sub(P.bor)}`]));
        for (let i = this.int(3); i > 0; i--)
          args.push(`${this.pick(['k', 'y', 'sep'])}=${sub(P.or)}`);
        if (this.chance(0.3)) args.push(`**${sub(P.bor)}`);
        return {
          s: `${sub(P.atom)}(${args.join(', ')}${args.length && this.chance(0.2) ? ',' : ''})`,
          p: P.atom,
        };
      }
      case 14: {
        const slice = this.pick([
          sub(P.or),
          `${sub(P.or)}:`,
          `:${sub(P.or)}`,
          '::2',
          `${sub(P.or)}:${sub(P.or)}:${sub(P.or)}`,
          `${sub(P.or)}, ${sub(P.or)}`,
          ':',
          '1:2, ::3',
        ]);
        return { s: `${sub(P.atom)}[${slice}]`, p: P.atom };
      }
      case 15:
        return { s: `[${this.list(depth, this.int(4), true)}]`, p: P.atom };
      case 16: {
        const n = this.int(4);
        const body = this.list(depth, n, true);
        return { s: n === 1 ? `(${body},)` : `(${body})`, p: P.atom };
      }
      case 17:
        return { s: `{${this.list(depth, this.int(3) + 1, true)}}`, p: P.atom };
      case 18: {
        const items: string[] = [];
        for (let i = this.int(4); i > 0; i--)
          items.push(this.chance(0.2) ? `**${sub(P.bor)}` : `${sub(P.or)}:${s()}${sub(P.or)}`);
        return { s: `{${items.join(', ')}}`, p: P.atom };
      }
      case 19:
        return { s: `[${sub(P.or)}${this.comp(depth)}]`, p: P.atom };
      case 20:
        return { s: `{${sub(P.or)}: ${sub(P.or)}${this.comp(depth)}}`, p: P.atom };
      case 21:
        return { s: `(${sub(P.or)}${this.comp(depth)})`, p: P.atom };
      case 22:
        return { s: `(${this.name()} := ${sub(P.ifexp)})`, p: P.atom };
      case 23:
        return { s: allowStrings && !this.inFString ? this.fstring(depth) : 'x', p: P.atom };
      case 24:
        return {
          s: `${sub(P.bor)} ${this.pick(['|', '^', '&', '<<', '>>'])} ${sub(P.bxor)}`,
          p: P.bor,
        };
      case 25:
        return { s: `await ${sub(P.atom)}`, p: P.await };
      case 26:
        return { s: `{${sub(P.or)}${this.comp(depth)}}`, p: P.atom };
      case 27:
        return {
          s: `(${this.pick(['yield', 'yield ' + sub(P.or), 'yield from ' + sub(P.or)])})`,
          p: P.atom,
        };
      case 28:
        return { s: `${sub(P.atom)}(${sub(P.or)}${this.comp(depth)})`, p: P.atom };
      default:
        return { s: `(${s()}\n${this.indent}  ${sub(P.lambda)} \\\n ${s()})`, p: P.atom };
    }
  }

  private line(text: string): string {
    const comment = this.chance(0.1) ? `  # ${this.pick(['note', 'é', '"quoted"'])}` : '';
    return `${this.indent}${text}${comment}\n`;
  }

  private block(header: string, depth: number): string {
    let out = this.line(`${header}:`);
    const saved = this.indent;
    this.indent += this.pick(['    ', '  ', '\t', '        ']);
    for (let i = this.int(3) + 1; i > 0; i--) out += this.statement(depth + 1);
    this.indent = saved;
    return out;
  }

  private simple(): string {
    const e = () => this.expr().s;
    switch (this.int(14)) {
      case 0:
        return `${this.target()} = ${e()}`;
      case 1:
        return `${this.name()}.${this.name()}[${e()}] ${this.pick(['+=', '-=', '*=', '//=', '**=', '>>=', '|=', '@='])} ${e()}`;
      case 2:
        return `${this.name()}: ${this.at(this.expr(), P.ifexp)} = ${e()}`;
      case 3:
        return `del ${this.name()}, ${this.name()}[0]`;
      case 4:
        return `return ${this.chance(0.5) ? e() : ''}`;
      case 5:
        return `assert ${this.at(this.expr(), P.ifexp)}, ${this.at(this.expr(), P.ifexp)}`;
      case 6:
        return this.pick([
          'pass',
          'break',
          'continue',
          'global a, b',
          'nonlocal x',
          'raise',
          `raise ${this.name()} from ${this.name()}`,
        ]);
      case 7:
        return this.pick([
          'import os.path as p, sys',
          'from . import (a, b,)',
          'from ..m import *',
          'from m.n import x as y',
        ]);
      case 8:
        return `${this.name()} = ${this.name()} = yield ${e()}`;
      case 9:
        return `${e()}; ${e()}`;
      default:
        return e();
    }
  }

  statement(depth = 0): string {
    const e = () => this.at(this.expr(), P.ifexp);
    const r = depth > 2 ? 99 : this.int(20);
    switch (r) {
      case 0: {
        let out = this.block(`if ${e()}`, depth);
        if (this.chance(0.4)) out += this.block(`elif ${e()}`, depth).slice(this.indent.length * 0);
        if (this.chance(0.4)) out += this.block('else', depth);
        return out;
      }
      case 1:
        return this.block(`while ${e()}`, depth);
      case 2:
        return this.block(`${this.pick(['', 'async '])}for ${this.target()} in ${e()}`, depth);
      case 3:
        return this.block(`with ${e()} as ${this.name()}, ${e()}`, depth);
      case 4: {
        let out = this.block('try', depth);
        out += this.block(
          `except ${this.pick(['', 'E', '(A, B) as e', 'Exception as err'])}`,
          depth,
        );
        if (this.chance(0.3)) out += this.block('finally', depth);
        return out;
      }
      case 5: {
        const deco = this.chance(0.3) ? this.line(`@${this.name()}.${this.name()}`) : '';
        const params = this.pick([
          '',
          'self',
          'a, b=1',
          'a, /, b, *, c',
          '*args, **kwargs',
          'x: int = 0, *a: str',
          'a=(1, 2)',
        ]);
        const ret = this.chance(0.3) ? ` -> ${e()}` : '';
        return (
          deco +
          this.block(`${this.pick(['def', 'async def'])} ${this.name()}(${params})${ret}`, depth)
        );
      }
      case 6:
        return this.block(
          `class ${this.name()}${this.pick(['', '()', '(Base)', '(A, metaclass=M)'])}`,
          depth,
        );
      case 7: {
        let out = this.line(`match ${e()}:`);
        const saved = this.indent;
        this.indent += '    ';
        for (const pat of [
          '[a, *rest]',
          '{"k": v, **kw}',
          'Point(x=0) | None',
          '1 | -2 | 3.5j',
          'str() as s',
          '_',
        ]) {
          if (this.chance(0.5)) out += this.block(`case ${pat}`, depth + 1);
        }
        out += this.block('case _', depth + 1);
        this.indent = saved;
        return out;
      }
      default:
        return this.line(this.simple());
    }
  }

  /** A program of at most 700 characters (CPython's parser slows down on deep nesting). */
  program(): string {
    for (;;) {
      const out = this.draft();
      if (out.length <= 700) return out;
    }
  }

  private draft(): string {
    let out = '';
    for (let i = this.int(4) + 1; i > 0; i--) {
      out += this.statement();
      if (this.chance(0.2)) out += '\n';
    }
    return out;
  }
}
