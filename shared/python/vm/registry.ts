/**
 * The builtin type objects, filled once by `types/init.ts` before any object is made.
 * Kept apart (type-only imports) so every object class can name its type without import cycles.
 */
import type { PyType } from './type.ts';

export const T = {} as Record<
  | 'object'
  | 'type'
  | 'NoneType'
  | 'bool'
  | 'int'
  | 'float'
  | 'str'
  | 'bytes'
  | 'tuple'
  | 'list'
  | 'dict'
  | 'set'
  | 'frozenset'
  | 'range'
  | 'function'
  | 'method'
  | 'builtin_function_or_method'
  | 'method_descriptor'
  | 'cell'
  | 'code'
  | 'module'
  | 'generator'
  | 'frame'
  | 'traceback'
  | 'iterator'
  | 'slice'
  | 'NotImplementedType'
  | 'ellipsis'
  | 'staticmethod'
  | 'classmethod'
  | 'property'
  | 'super'
  | 'dict_keys'
  | 'dict_values'
  | 'dict_items'
  | 'BaseException',
  PyType
>;

/** Exception types by name (BaseException, Exception, ValueError, ...). */
export const EXC: Record<string, PyType> = {};
