/**
 * Lesson fragments about classes beyond plain ones: subclasses of builtin types (what an
 * instance adds — a `__dict__`, a weakref slot — and what it keeps: the builtin's behaviour),
 * cycles through such instances, `__new__`, attribute hooks, `__init_subclass__` and exception
 * subclasses with their own attributes. Same rules as lessons.ts: no `__del__` left alive,
 * nothing printed that depends on addresses, hash seeds or automatic collections.
 */
import { chance, int, pick } from '../gen/rand.ts';
import { fresh, type Ctx, type Lesson } from './lessons.ts';

const WORDS = ['apple', 'kiwi', 'lemon', 'mango', 'pear'];

/** A value of each builtin base (sets of ints only: str hashes are randomised). */
function baseValue(c: Ctx, base: string): string {
  const n = () => String(int(c.r, 400) - 20);
  const ints = (k: number) => Array.from({ length: k }, n).join(', ');
  switch (base) {
    case 'list':
      return `[${ints(int(c.r, 5))}]`;
    case 'tuple':
      return `(${ints(1 + int(c.r, 4))},)`;
    case 'set':
    case 'frozenset':
      // Distinct residues mod 8: no collisions, so no order question for the 8-slot table.
      return `{${[...new Set(Array.from({ length: 1 + int(c.r, 4) }, () => int(c.r, 8)))].join(', ')}}`;
    case 'dict':
      return `{${Array.from({ length: int(c.r, 4) }, (_, i) => `"${WORDS[i]}": ${n()}`).join(', ')}}`;
    case 'int':
      return pick(c.r, [n(), '2 ** 40', '10 ** 20']);
    case 'float':
      return pick(c.r, ['2.5', '-0.125', '1e3']);
    default:
      return JSON.stringify(pick(c.r, [...WORDS, 'héllo', '']));
  }
}

/** Subclassing a builtin type: sizes, tracking, refcounts, attributes, weakrefs, operators. */
const builtinSubclass: Lesson = (c) => {
  const base = pick(c.r, ['list', 'dict', 'set', 'frozenset', 'tuple', 'int', 'float', 'str']);
  const cls = fresh(c, 'My');
  const x = fresh(c, 'obj');
  const repr = chance(c.r, 0.4);
  const slots = chance(c.r, 0.2) && !['int', 'tuple'].includes(base);
  const lines = [
    `class ${cls}(${base}):`,
    slots ? `    __slots__ = ()` : `    kind = "${base}"`,
    `    def describe(self):`,
    `        return f"{type(self).__name__} of {len(str(self))} chars"`,
  ];
  if (repr)
    lines.push(
      `    def __repr__(self):`,
      `        return "<${cls} " + ${base}.__repr__(self) + ">"`,
    );
  const value = baseValue(c, base);
  lines.push(
    `${x} = ${cls}(${value})`,
    `print(${x}, repr(${x}), ${x}.describe(), type(${x}).__name__, isinstance(${x}, ${base}))`,
    `print(sys.getsizeof(${x}) - sys.getsizeof(${base}(${x})), gc.is_tracked(${x}), sys.getrefcount(${x}))`,
    `print(${x} == ${base}(${x}), type(${base}(${x})) is ${base}, ${cls}.__mro__)`,
  );
  if (!slots) lines.push(`${x}.note = "${pick(c.r, WORDS)}"`, `print(${x}.note, ${x}.__dict__)`);
  else lines.push(`print(hasattr(${x}, "__dict__"))`);
  lines.push(
    `try:`,
    `    print(weakref.ref(${x})() is ${x})`,
    `except TypeError as err:`,
    `    print("TypeError:", err)`,
  );
  if (base === 'list') lines.push(`${x}.append(${x})`, `print(len(${x}), sys.getsizeof(${x}))`);
  if (base === 'int' || base === 'float') lines.push(`print(${x} + 1, type(${x} * 2).__name__)`);
  if (base === 'str') lines.push(`print(${x} + "!", ${x}.upper(), type(${x}[:1]).__name__)`);
  lines.push(`del ${x}`, `print("${base} subclass gone:", gc.collect())`);
  return lines;
};

/** A cycle through instances of a list or dict subclass, with an attribute edge. */
const subclassCycle: Lesson = (c) => {
  const base = pick(c.r, ['list', 'dict']);
  const cls = fresh(c, 'Node');
  const k = 2 + int(c.r, 3);
  const names = Array.from({ length: k }, (_, i) => `n${i}`);
  const link = (a: string, b: string) =>
    base === 'list' ? `${a}.append(${b})` : `${a}["next"] = ${b}`;
  const lines = [`class ${cls}(${base}):`, `    pass`, ...names.map((n) => `${n} = ${cls}()`)];
  names.forEach((n, i) => lines.push(link(n, names[(i + 1) % k]!)));
  if (chance(c.r, 0.5)) lines.push(`n0.label = "${pick(c.r, WORDS)}"`);
  lines.push(
    `print(sys.getrefcount(n0), gc.is_tracked(n0), len(n0))`,
    `del ${names.join(', ')}`,
    `print("${base} subclass cycle:", gc.collect())`,
  );
  return lines;
};

/** `__new__`: an immutable subclass built in `__new__`, or a singleton. */
const customNew: Lesson = (c) => {
  const cls = fresh(c, 'Made');
  if (chance(c.r, 0.5)) {
    const base = pick(c.r, ['tuple', 'int', 'str']);
    const arg =
      base === 'tuple' ? '(a, b)' : base === 'int' ? 'a * 10 + b' : 'str(a) + "-" + str(b)';
    return [
      `class ${cls}(${base}):`,
      `    def __new__(cls, a, b):`,
      `        print("new", cls.__name__)`,
      `        return super().__new__(cls, ${arg})`,
      `    def __init__(self, a, b):`,
      `        print("init", a, b)`,
      `v = ${cls}(${int(c.r, 9)}, ${int(c.r, 9)})`,
      `print(v, type(v).__name__, sys.getsizeof(v) - sys.getsizeof(${base}(v)), gc.is_tracked(v))`,
      `del v`,
    ];
  }
  return [
    `class ${cls}:`,
    `    _one = None`,
    `    def __new__(cls, *args):`,
    `        if cls._one is None:`,
    `            cls._one = super().__new__(cls)`,
    `        return cls._one`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `a = ${cls}("${pick(c.r, WORDS)}")`,
    `b = ${cls}("${pick(c.r, WORDS)}")`,
    `print(a is b, a.name, sys.getrefcount(a))`,
    `del a, b`,
    `${cls}._one = None`,
    `print("singleton dropped:", gc.collect())`,
  ];
};

/** `__setattr__`, `__getattr__`, `__delattr__` and `__init_subclass__` hooks. */
const attributeHooks: Lesson = (c) => {
  const cls = fresh(c, 'Watched');
  const sub = fresh(c, 'Child');
  const attr = pick(c.r, ['size', 'colour', 'owner']);
  return [
    `class ${cls}:`,
    `    made = []`,
    `    def __init_subclass__(cls, **kw):`,
    `        super().__init_subclass__(**kw)`,
    `        ${cls}.made.append(cls.__name__)`,
    `    def __setattr__(self, name, value):`,
    `        print("set", name)`,
    `        super().__setattr__(name, value)`,
    `    def __getattr__(self, name):`,
    `        return "no " + name`,
    `    def __delattr__(self, name):`,
    `        print("del", name)`,
    `        object.__delattr__(self, name)`,
    `class ${sub}(${cls}):`,
    `    pass`,
    `w = ${sub}()`,
    `w.${attr} = ${int(c.r, 100)}`,
    `print(w.${attr}, w.missing, vars(w), ${cls}.made)`,
    `del w.${attr}`,
    `print(w.${attr}, sys.getrefcount(${sub}))`,
    `del w`,
  ];
};

/** An exception subclass with its own attributes, caught, inspected and released. */
const exceptionSubclass: Lesson = (c) => {
  const cls = fresh(c, 'LessonError');
  const callsSuper = chance(c.r, 0.6);
  const code = int(c.r, 500);
  return [
    `class ${cls}(${pick(c.r, ['Exception', 'ValueError', 'KeyError'])}):`,
    `    def __init__(self, message, code):`,
    callsSuper ? `        super().__init__(message)` : `        self.message = message`,
    `        self.code = code`,
    `try:`,
    `    raise ${cls}("${pick(c.r, WORDS)}", ${code})`,
    `except ${cls} as e:`,
    `    print(str(e), repr(e), e.args, e.code, sys.getsizeof(e), len(vars(e)))`,
    `    kept = e`,
    `print(gc.is_tracked(kept), type(kept).__mro__[1].__name__)`,
    `del kept`,
    `print("exception subclass:", gc.collect())`,
  ];
};

export const SUBCLASS_LESSONS: readonly Lesson[] = [
  builtinSubclass,
  subclassCycle,
  customNew,
  attributeHooks,
  exceptionSubclass,
];
