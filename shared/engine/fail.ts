/**
 * Rule violations inside an action are thrown as `Rejection` and caught by apply(), which then
 * returns the error and discards its private copy: the caller's state is never changed. Nothing
 * else is thrown for rule violations; other exceptions are engine bugs.
 */
import type { EngineError, EngineErrorCode } from './errors.ts';

export class Rejection extends Error {
  readonly error: EngineError;
  constructor(error: EngineError) {
    super(error.message);
    this.error = error;
  }
}

export function reject(code: EngineErrorCode, message: string, python?: string): never {
  throw new Rejection(python === undefined ? { code, message } : { code, message, python });
}
