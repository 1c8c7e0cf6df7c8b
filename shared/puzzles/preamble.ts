/**
 * The standard preamble every puzzle setup and predict question runs after (SUBSET.md §2, minus
 * the `gc.disable()`: each setup decides that itself, because automatic collection is a lesson).
 * The unprinted gc.collect() clears start-up garbage so later counts are the script's own.
 */
const PREAMBLE = [
  'import gc, sys, weakref',
  '',
  '',
  'class Node:',
  '    pass',
  '',
  '',
  'class Slot:',
  "    __slots__ = ('next', 'prev', '__weakref__')",
  '',
  '',
  'gc.collect()',
  '',
].join('\n');

/** A complete runnable Python program: the preamble, then `body`. */
export function withPreamble(body: string): string {
  return `${PREAMBLE}${body.endsWith('\n') || body === '' ? body : `${body}\n`}`;
}

/** Line number (1-based) in a full program of the first line of `body`. */
export const PREAMBLE_LINES = PREAMBLE.split('\n').length - 1;
