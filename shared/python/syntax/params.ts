/** Parameter lists of `def` and `lambda` (python.gram `parameters`, `lambda_parameters`). */
import type { Arg, Arguments, Expr } from './ast.ts';
import type { Cursor } from './cursor.ts';
import { parseExpression, parseStarExpression } from './expressions.ts';

function parseArg(p: Cursor, annotated: boolean, starAnnotation = false): Arg {
  const t = p.name();
  let annotation: Expr | null = null;
  if (annotated && p.eatOp(':'))
    annotation = starAnnotation ? parseStarExpression(p) : parseExpression(p);
  return { _type: 'arg', arg: t.value, annotation, type_comment: null, ...p.loc(t) };
}

/** Parses parameters up to (not including) `closer`; `annotated` for `def`, not `lambda`. */
export function parseParams(p: Cursor, closer: string, annotated: boolean): Arguments {
  const a: Arguments = {
    _type: 'arguments',
    posonlyargs: [],
    args: [],
    vararg: null,
    kwonlyargs: [],
    kw_defaults: [],
    kwarg: null,
    defaults: [],
  };
  let star = false;
  while (!p.isOp(closer)) {
    const t = p.peek();
    if (p.eatOp('/')) {
      if (star || a.args.length === 0 || a.posonlyargs.length > 0)
        p.failTok(star ? '/ must be ahead of *' : 'at least one argument must precede /', t);
      a.posonlyargs = a.args;
      a.args = [];
    } else if (p.eatOp('**')) {
      a.kwarg = parseArg(p, annotated);
      p.eatOp(',');
      if (!p.isOp(closer)) p.failTok('arguments cannot follow var-keyword argument', p.peek());
      break;
    } else if (p.eatOp('*')) {
      if (star) p.failTok('* argument may appear only once', t);
      star = true;
      if (p.isName()) a.vararg = parseArg(p, annotated, true);
      else if (p.isOp(closer) || (p.isOp(',') && p.isOp(closer, 1)))
        p.failTok('named arguments must follow bare *', t);
    } else {
      const arg = parseArg(p, annotated);
      const value = p.eatOp('=') ? parseExpression(p) : null;
      if (star) {
        a.kwonlyargs.push(arg);
        a.kw_defaults.push(value);
      } else {
        if (value) a.defaults.push(value);
        else if (a.defaults.length > 0)
          p.failTok('non-default argument follows default argument', t);
        a.args.push(arg);
      }
    }
    if (!p.eatOp(',')) break;
  }
  return a;
}

export function parseLambda(p: Cursor): Expr {
  const t = p.expectKw('lambda');
  const args = parseParams(p, ':', false);
  p.expectOp(':');
  const body = parseExpression(p);
  return { _type: 'Lambda', args, body, ...p.loc(t) };
}
