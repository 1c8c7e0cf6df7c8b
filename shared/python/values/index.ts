/**
 * Python's values without a heap: pure functions over primitive representations, exact to
 * CPython 3.11.7 (checked by the differential tests in test/python/values against python3).
 * int = bigint, float = number, bool = boolean, str = JS string indexed by code point.
 * Errors are thrown as `PyError(pyType, message)`; what the layer does not model (complex
 * results, hash(nan)) throws `Unsupported` so the VM can refuse instead of answering wrong.
 *
 * Known divergences (documented, not bugs of the model):
 * - Unicode tables come from the JS engine (newer than 3.11's Unicode 14.0): repr/isprintable,
 *   case mappings and the is*() predicates differ for code points assigned after 14.0;
 *   isdigit() is an approximation (Nd plus the common No digits).
 * - float ** uses JS `**`, which may differ from the C library's pow in the last bit.
 * - sys.getsizeof(str) ignores a cached UTF-8 copy of non-ASCII text.
 */
export * from './errors.ts';
export * from './arith.ts';
export * from './compare.ts';
export * from './float.ts';
export * from './int.ts';
export * from './round.ts';
export * from './hash.ts';
export * from './format.ts';
export * from './formatspec.ts';
export * from './percent.ts';
export * from './strformat.ts';
export * from './strmethods.ts';
export * from './strrepr.ts';
export * from './sizes.ts';
export * from './text.ts';
export * from './settable.ts';
export * from './strcase.ts';
