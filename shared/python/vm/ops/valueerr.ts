/** Runs a value-layer computation, turning its PyError into a Python exception and Unsupported into a refusal. */
import { PyError, Unsupported } from '../../values/index.ts';
import { raise, refuse } from '../errors.ts';

export function valueOp<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PyError) raise(e.pyType, e.message);
    if (e instanceof Unsupported) refuse(e.message || 'a value the model does not cover');
    throw e;
  }
}
