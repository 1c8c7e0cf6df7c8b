/**
 * Rule violations inside an action are thrown as `Rejection` and caught by apply(), which rolls
 * back the action's writes (the undo log, write.ts) and returns the error: a rejected action
 * leaves the state as it was. Nothing else is thrown for rule violations; other exceptions are
 * engine bugs.
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
