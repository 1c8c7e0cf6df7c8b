/**
 * The two ways a script can fail, kept apart because CPython reports them differently:
 *
 * - `CompileError`: the script is not valid Python (SyntaxError, IndentationError) or uses a
 *   construct outside the supported subset. Raised before anything runs, so nothing is printed.
 * - `PyException`: a runtime error that CPython raises too (NameError, KeyError, ...), or a
 *   run-time value the runner cannot model faithfully (`kind: 'unsupported'`). Output printed
 *   before it stands.
 *
 * Both carry a 1-based line number. They are thrown inside the runner and always caught by
 * `runPython`, which turns them into stderr text and exit status 1.
 */

export type CompileErrorKind = 'SyntaxError' | 'IndentationError' | 'unsupported';

export class CompileError extends Error {
  readonly kind: CompileErrorKind;
  readonly line: number;
  readonly detail: string;
  constructor(kind: CompileErrorKind, line: number, detail: string) {
    super(`line ${line}: ${kind}: ${detail}`);
    this.kind = kind;
    this.line = line;
    this.detail = detail;
  }
}

/** Python exception class names the runner raises. */
export type PyExceptionType =
  | 'NameError'
  | 'UnboundLocalError'
  | 'AttributeError'
  | 'IndexError'
  | 'KeyError'
  | 'TypeError'
  | 'ValueError';

export class PyException extends Error {
  /** A Python exception type, or 'unsupported' for values the runner cannot model. */
  readonly type: PyExceptionType | 'unsupported';
  /** Exactly what CPython prints after `Type: ` on the traceback's last line. */
  readonly detail: string;
  constructor(type: PyExceptionType | 'unsupported', detail: string) {
    super(`${type}: ${detail}`);
    this.type = type;
    this.detail = detail;
  }
}

/** What the subset supports, listed in every "unsupported" message. */
export const SUPPORTED_SUMMARY = [
  'Supported: import gc, sys, weakref; class C: pass / __slots__ = (...); def f(p, q): with a body',
  "of simple statements; X = [] / [a, b] / {} / {'k': a} / C() / None / INT (-5..256) / Y / Y.attr",
  "/ Y[INT] / Y['k'] / Y.pop() / weakref.ref(Y) / W() / f(a, b); Y.append(Z), Y.pop(), Y.clear(),",
  "f(a, b); Y[INT] = Z, Y['k'] = Z, Y.attr = Z; del X, Y[INT], Y['k'], Y.attr; gc.collect([gen]),",
  'gc.enable(), gc.disable(), gc.set_threshold(a[, b[, c]]); return X; pass; print(...) of',
  'sys.getrefcount(X), gc.collect([gen]), gc.isenabled(), gc.get_threshold(), gc.is_tracked(X),',
  'len(X), sys.getsizeof(X), X is [not] Y, a name, None, True, False or an int.',
].join('\n');

/** Small helper: raise a compile-time "unsupported" error. */
export function unsupported(line: number, what: string): never {
  throw new CompileError('unsupported', line, what);
}

/** Small helper: raise a SyntaxError. */
export function syntaxError(line: number, what: string): never {
  throw new CompileError('SyntaxError', line, what);
}
