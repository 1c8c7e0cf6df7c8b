/**
 * Creates the builtin type objects (registry.ts) and the exception hierarchy, once per run,
 * before any other object. Methods are attached by the builtins modules (`defineMethods`).
 */
import { EXC, T } from './registry.ts';
import { PyType } from './type.ts';

const PLAIN = [
  'NoneType',
  'int',
  'float',
  'str',
  'bytes',
  'tuple',
  'list',
  'dict',
  'set',
  'frozenset',
  'range',
  'function',
  'method',
  'builtin_function_or_method',
  'method_descriptor',
  'cell',
  'code',
  'module',
  'generator',
  'frame',
  'traceback',
  'iterator',
  'slice',
  'NotImplementedType',
  'ellipsis',
  'staticmethod',
  'classmethod',
  'property',
  'super',
  'dict_keys',
  'dict_values',
  'dict_items',
] as const;

/** [name, base] in CPython's hierarchy (the part lessons meet). */
const EXCEPTIONS: [string, string][] = [
  ['Exception', 'BaseException'],
  ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['StopIteration', 'Exception'],
  ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['RuntimeError', 'Exception'],
  ['RecursionError', 'RuntimeError'],
  ['NotImplementedError', 'RuntimeError'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['OSError', 'Exception'],
  ['MemoryError', 'Exception'],
  ['ReferenceError', 'Exception'],
  ['Warning', 'Exception'],
  ['UserWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['ResourceWarning', 'Warning'],
];

export function initTypes(): void {
  const object = new PyType('object', [], false);
  T.object = object;
  const type = new PyType('type', [object], false);
  T.type = type;
  for (const name of PLAIN) T[name] = new PyType(name, [object], false);
  T.bool = new PyType('bool', [T.int], false);
  for (const t of [T.tuple, T.int, T.bool, T.bytes]) t.varSized = true;
  for (const t of [T.type, T.function, T.set, T.frozenset, T.generator, T.code, T.module])
    t.hasWeakref = true;
  const base = new PyType('BaseException', [object], false);
  T.BaseException = base;
  base.hasDict = true;
  EXC.BaseException = base;
  for (const [name, parent] of EXCEPTIONS) {
    const t = new PyType(name, [EXC[parent]!], false);
    t.layout = base;
    t.hasDict = true;
    EXC[name] = t;
  }
}
