/**
 * Python exceptions raised by the value layer. The VM catches a `PyValueError` and raises the
 * Python exception of the same type and message; `Unsupported` marks results the layer does not
 * model (e.g. a complex number) so the VM can refuse instead of answering wrong.
 */
export class PyError extends Error {
  readonly pyType: string;
  constructor(pyType: string, message: string) {
    super(message);
    this.pyType = pyType;
  }
}

export class Unsupported extends Error {}

export function raise(pyType: string, message: string): never {
  throw new PyError(pyType, message);
}

/** A Python number: int is bigint, float is number, bool is boolean. */
export type Num = bigint | number | boolean;

/** bool is an int subclass: True + True == 2. */
export function asIntOrFloat(x: Num): bigint | number {
  return typeof x === 'boolean' ? (x ? 1n : 0n) : x;
}

export function typeName(x: Num): string {
  if (typeof x === 'boolean') return 'bool';
  return typeof x === 'bigint' ? 'int' : 'float';
}
