/**
 * A syntax error as CPython reports it: the exception type, its message, and where (1-based
 * line, 1-based character offset — CPython converts its byte columns to characters here).
 */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

export class PySyntaxError extends Error {
  readonly type: SyntaxErrorType;
  readonly msg: string;
  readonly lineno: number;
  readonly offset: number;

  constructor(type: SyntaxErrorType, msg: string, lineno: number, offset: number) {
    super(`${type}: ${msg} (line ${lineno}, offset ${offset})`);
    this.type = type;
    this.msg = msg;
    this.lineno = lineno;
    this.offset = offset;
  }
}
