/**
 * The special methods builtin types expose as attributes, so classes defined in the program can
 * reach them with `super()` or `list.__getitem__(self, i)`: `__new__` (static builtins, per
 * builtin base), `__init__`, object's `__getattribute__`/`__setattr__`/`__delattr__`/
 * `__init_subclass__`, and the container protocol (`__getitem__`, `__len__`, ...). Each runs the
 * builtin behaviour, never a subclass's override (which would recurse).
 */
import { raise } from '../errors.ts';
import type { PyObject } from '../object.ts';
import { PyBuiltin, PyMethodDescr, PyWrapper } from '../callables.ts';
import type { NativeFn } from '../callables.ts';
import { PyType } from '../type.ts';
import { bool, newInt, newStr, none, PyStr } from '../scalars.ts';
import { EXC, T } from '../registry.ts';
import { builtinIter } from '../ops/iter.ts';
import { builtinDelItem, builtinGetItem, builtinLen, builtinSetItem } from '../ops/seq.ts';
import { seqContains } from '../ops/seqops.ts';
import { genericDelAttr, genericGetAttr, genericSetAttr } from '../ops/attr.ts';
import { excessArgs, layoutInit, layoutNew, SUBCLASSABLE } from '../classcall.ts';

/** `base.__new__(cls, ...)`: the builtin tp_new wrapper (tp_new_wrapper's checks). */
function builtinNew(base: PyType): NativeFn {
  return (args, kw) => {
    const cls = args[0];
    if (!cls) raise('TypeError', `${base.name}.__new__(): not enough arguments`);
    if (!(cls instanceof PyType))
      raise('TypeError', `${base.name}.__new__(X): X is not a type object (${cls.type.name})`);
    if (!cls.isSubtype(base))
      raise(
        'TypeError',
        `${base.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${base.name}`,
      );
    const rest = args.slice(1);
    if (!cls.isHeap) return cls.construct!(cls, rest, kw);
    if (cls.layout !== base && !(base === T.BaseException && cls.layout === base))
      raise(
        'TypeError',
        `${base.name}.__new__(${cls.name}) is not safe, use ${cls.layout!.name}.__new__()`,
      );
    if (base === T.object) excessArgs(cls, rest, kw, '__new__');
    return layoutNew(cls, rest, kw);
  };
}

function builtinInit(): NativeFn {
  return (args, kw, self) => {
    layoutInit(self!, args, kw);
    return none();
  };
}

/** Installs `__new__` (static builtins) and `__init__` (method descriptors) on the builtin bases. */
export function installSlotMethods(): void {
  for (const name of SUBCLASSABLE) {
    const t = T[name as 'object'];
    t.dict.set(newStr('__new__'), new PyBuiltin('__new__', builtinNew(t), null));
  }
  const base = EXC.BaseException!;
  base.dict.set(newStr('__new__'), new PyBuiltin('__new__', builtinNew(base), null));
  for (const t of [T.object, T.list, T.dict, T.set, base]) {
    t.dict.set(newStr('__init__'), new PyMethodDescr('__init__', t, builtinInit()));
  }
  const attrName = (o: PyObject | undefined): string => {
    if (o instanceof PyStr) return o.v;
    raise('TypeError', `attribute name must be string, not '${o?.type.name ?? 'NoneType'}'`);
  };
  const generic: Record<string, NativeFn> = {
    __getattribute__: (a, _k, self) => genericGetAttr(self!, attrName(a[0])),
    __setattr__: (a, _k, self) => {
      genericSetAttr(self!, attrName(a[0]), a[1]!);
      return none();
    },
    __delattr__: (a, _k, self) => {
      genericDelAttr(self!, attrName(a[0]));
      return none();
    },
  };
  for (const [name, fn] of Object.entries(generic))
    T.object.dict.set(newStr(name), new PyMethodDescr(name, T.object, fn));
  installContainerDunders();
  const initSubclass = new PyBuiltin('__init_subclass__', (a, kw) => {
    if (kw && kw.size > 0)
      raise('TypeError', `${(a[0] as PyType).name}.__init_subclass__() takes no keyword arguments`);
    return none();
  });
  T.object.dict.set(
    newStr('__init_subclass__'),
    new PyWrapper(() => T.classmethod, [initSubclass]),
  );
}

/**
 * `list.__getitem__`, `dict.__setitem__`, `str.__len__`... as method descriptors, so a subclass
 * that overrides one can call the builtin's with `super()`. They run the builtin layout's
 * behaviour, never the subclass's override.
 */
function installContainerDunders(): void {
  const item = (args: PyObject[], n: number): PyObject[] => {
    if (args.length !== n)
      raise('TypeError', `expected ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
    return args;
  };
  const dunders: Record<string, NativeFn> = {
    __getitem__: (a, _k, self) => builtinGetItem(self!, item(a, 1)[0]!),
    __len__: (_a, _k, self) => newInt(builtinLen(self!)!),
    __iter__: (_a, _k, self) => builtinIter(self!),
    __contains__: (a, _k, self) => bool(seqContains(self!, item(a, 1)[0]!)),
  };
  const mutators: Record<string, NativeFn> = {
    __setitem__: (a, _k, self) => {
      item(a, 2);
      builtinSetItem(self!, a[0]!, a[1]!);
      return none();
    },
    __delitem__: (a, _k, self) => {
      builtinDelItem(self!, item(a, 1)[0]!);
      return none();
    },
  };
  const define = (t: PyType, fns: Record<string, NativeFn>): void => {
    for (const [name, fn] of Object.entries(fns))
      t.dict.set(newStr(name), new PyMethodDescr(name, t, fn));
  };
  for (const t of [T.list, T.tuple, T.dict, T.str, T.set, T.frozenset, T.bytes, T.range]) {
    const sets = t === T.set || t === T.frozenset;
    define(
      t,
      Object.fromEntries(Object.entries(dunders).filter(([n]) => !sets || n !== '__getitem__')),
    );
  }
  define(T.list, mutators);
  define(T.dict, mutators);
}
