/** Errors the compiler raises: CPython's own SyntaxErrors, and refusals of constructs outside the teaching subset. */

export class PySyntaxError extends Error {
  readonly msg: string;
  readonly lineno: number;
  readonly offset: number | null;

  constructor(msg: string, lineno: number, offset: number | null = null) {
    super(`SyntaxError: ${msg} (line ${lineno})`);
    this.msg = msg;
    this.lineno = lineno;
    this.offset = offset;
  }
}

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
  throw new PySyntaxError(
    msg,
    node.lineno,
    node.col_offset === undefined ? null : node.col_offset + 1,
  );
}
