/**
 * Name tables shared by the checker and the interpreter: Python builtins the runner does not
 * model (reading one must be "unsupported", never a NameError CPython would not raise), the
 * callables the runner does model, and the methods of list and dict.
 */

/** Builtins the runner implements (only inside print(...), or print itself). */
export const MODELED_BUILTINS = new Set(['print', 'len']);

const OTHER_BUILTINS = [
  'abs',
  'aiter',
  'all',
  'anext',
  'any',
  'ascii',
  'bin',
  'bool',
  'breakpoint',
  'bytearray',
  'bytes',
  'callable',
  'chr',
  'classmethod',
  'compile',
  'complex',
  'copyright',
  'credits',
  'delattr',
  'dict',
  'dir',
  'divmod',
  'enumerate',
  'eval',
  'exec',
  'exit',
  'filter',
  'float',
  'format',
  'frozenset',
  'getattr',
  'globals',
  'hasattr',
  'hash',
  'help',
  'hex',
  'id',
  'input',
  'int',
  'isinstance',
  'issubclass',
  'iter',
  'license',
  'list',
  'locals',
  'map',
  'max',
  'memoryview',
  'min',
  'next',
  'object',
  'oct',
  'open',
  'ord',
  'pow',
  'property',
  'quit',
  'range',
  'repr',
  'reversed',
  'round',
  'set',
  'setattr',
  'slice',
  'sorted',
  'staticmethod',
  'str',
  'sum',
  'super',
  'tuple',
  'type',
  'vars',
  'zip',
  'Ellipsis',
  'NotImplemented',
];
const BUILTIN_SET = new Set(OTHER_BUILTINS);

/** True for a name CPython resolves as a builtin when no global of that name exists. */
export function isPythonBuiltin(name: string): boolean {
  return (
    MODELED_BUILTINS.has(name) ||
    BUILTIN_SET.has(name) ||
    /^[A-Z][A-Za-z]*(Error|Exception|Warning|Exit|Interrupt|Iteration)$/.test(name)
  );
}

/** Every method of list and dict in 3.11: calling one the runner lacks is "unsupported". */
export const LIST_METHODS = new Set([
  'append',
  'clear',
  'copy',
  'count',
  'extend',
  'index',
  'insert',
  'pop',
  'remove',
  'reverse',
  'sort',
]);
export const DICT_METHODS = new Set([
  'clear',
  'copy',
  'fromkeys',
  'get',
  'items',
  'keys',
  'pop',
  'popitem',
  'setdefault',
  'update',
  'values',
]);

/** Module functions the runner implements, and which of them print(...) may show. */
export const MODULE_FUNCTIONS: Record<string, ReadonlySet<string>> = {
  gc: new Set([
    'collect',
    'enable',
    'disable',
    'isenabled',
    'set_threshold',
    'get_threshold',
    'is_tracked',
  ]),
  sys: new Set(['getrefcount', 'getsizeof']),
  weakref: new Set(['ref']),
};
