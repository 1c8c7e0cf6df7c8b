/** Errors the compiler raises: CPython's own SyntaxErrors, and refusals of constructs outside the teaching subset. */
import { PySyntaxError } from '../syntax/errors.ts';

export { PySyntaxError };

/** A valid Python construct the runner does not model; message `unsupported: <construct> at line N`. */
export class UnsupportedError extends Error {
  readonly construct: string;
  readonly lineno: number;

  constructor(construct: string, lineno: number) {
    super(`unsupported: ${construct} at line ${lineno}`);
    this.construct = construct;
    this.lineno = lineno;
  }
}

export function unsupported(construct: string, node: { lineno: number }): never {
  throw new UnsupportedError(construct, node.lineno);
}

export function syntaxError(msg: string, node: { lineno: number; col_offset?: number }): never {
  throw new PySyntaxError('SyntaxError', msg, node.lineno, (node.col_offset ?? -1) + 1);
}
