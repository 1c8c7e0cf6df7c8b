/**
 * Lesson fragments of the teaching subset (../shared/oracle/TEACHING.md): each draws one small,
 * self-contained idea a memory lesson shows — aliases and `del`, calls, cycles and
 * `gc.collect()`, `__del__`, weak references, closures, generators, exceptions, sizes,
 * interning, comprehensions — with random names, values and shapes. Every fragment leaves no
 * object with a `__del__` alive (so the output never depends on interpreter shutdown) and
 * prints nothing that depends on addresses, hash seeds or when an automatic collection runs
 * (the program starts with `gc.disable()`).
 */
import { chance, int, pick, type Rand } from '../gen/rand.ts';

export interface Ctx {
  r: Rand;
  /** Next fresh suffix, so fragments never collide on names. */
  n: number;
}

export type Lesson = (c: Ctx) => string[];

const WORDS = ['apple', 'kiwi', 'lemon', 'mango', 'pear', 'plum', 'fig', 'lime'];
const PHRASES = ['Hello, learners!', 'heap heroes', 'not an identifier', 'a-b-c', 'x y'];

export function fresh(c: Ctx, stem: string): string {
  c.n += 1;
  return `${stem}${c.n}`;
}

function smallInt(c: Ctx): number {
  return int(c.r, 300) - 10;
}

function bigInt(c: Ctx): string {
  return pick(c.r, ['1000', '123456', '2 ** 40', '10 ** 20', '-7777', '99999999999']);
}

function strLiteral(c: Ctx): string {
  return JSON.stringify(chance(c.r, 0.5) ? pick(c.r, WORDS) : pick(c.r, PHRASES));
}

function listLiteral(c: Ctx): string {
  const k = int(c.r, 5);
  const items = Array.from({ length: k }, () =>
    chance(c.r, 0.5) ? String(smallInt(c)) : strLiteral(c),
  );
  return `[${items.join(', ')}]`;
}

/** A container, an alias, refcounts before and after `del` / rebinding. */
const aliases: Lesson = (c) => {
  const a = fresh(c, 'box');
  const b = fresh(c, 'alias');
  const value = pick(c.r, [
    listLiteral(c),
    '{}',
    `{"k": ${listLiteral(c)}}`,
    `(${smallInt(c)}, [])`,
  ]);
  const drop = chance(c.r, 0.5) ? `del ${b}` : `${b} = None`;
  return [
    `${a} = ${value}`,
    `print("${a}", sys.getrefcount(${a}))`,
    `${b} = ${a}`,
    `print("${b} is ${a}:", ${b} is ${a}, sys.getrefcount(${a}))`,
    drop,
    `print("after", sys.getrefcount(${a}), len(${a}))`,
  ];
};

/** A class with `__init__` and `__del__`: the finalizer runs when the last reference goes. */
const finalizer: Lesson = (c) => {
  const cls = fresh(c, 'Thing');
  const x = fresh(c, 't');
  const y = fresh(c, 'u');
  const label = pick(c.r, WORDS);
  const lines = [
    `class ${cls}:`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `        print(f"{self.name} is born")`,
    `    def __del__(self):`,
    `        print(f"{self.name} is gone")`,
    `${x} = ${cls}("${label}")`,
    `${y} = ${x}`,
    `print(sys.getrefcount(${x}))`,
    `del ${x}`,
    `print("one name left")`,
  ];
  lines.push(chance(c.r, 0.5) ? `${y} = None` : `del ${y}`);
  lines.push(`print("done with ${label}")`);
  return lines;
};

/** Two or more nodes in a ring (or a chain), dropped; the collector finds the ring. */
const ring: Lesson = (c) => {
  const cls = fresh(c, 'Node');
  const k = 1 + int(c.r, 4);
  const closed = chance(c.r, 0.7);
  const withDel = chance(c.r, 0.3);
  const names = Array.from({ length: k }, () => fresh(c, 'n'));
  const lines = [
    `class ${cls}:`,
    `    def __init__(self, value):`,
    `        self.value = value`,
    `        self.next = None`,
  ];
  if (withDel) lines.push(`    def __del__(self):`, `        print("finalize", self.value)`);
  names.forEach((n, i) => lines.push(`${n} = ${cls}(${i})`));
  for (let i = 0; i + 1 < k; i++) lines.push(`${names[i]}.next = ${names[i + 1]}`);
  if (closed) lines.push(`${names[k - 1]}.next = ${names[0]}`);
  lines.push(`print(sys.getrefcount(${names[0]}))`);
  lines.push(`del ${names.join(', ')}`);
  lines.push(`print("${cls} collected:", gc.collect())`);
  return lines;
};

/** A list that contains itself, or a dict that holds itself. */
const selfLoop: Lesson = (c) => {
  const x = fresh(c, 'loop');
  const make = chance(c.r, 0.5)
    ? [`${x} = []`, `${x}.append(${x})`]
    : [`${x} = {}`, `${x}["me"] = ${x}`];
  return [
    ...make,
    `print(sys.getrefcount(${x}), gc.is_tracked(${x}))`,
    `del ${x}`,
    `print("self loop:", gc.collect())`,
  ];
};

/** Arguments and locals: refcounts inside a call and after it returns. */
const call: Lesson = (c) => {
  const f = fresh(c, 'inspect');
  const arg = fresh(c, 'data');
  const keep = chance(c.r, 0.5);
  return [
    `def ${f}(obj, extra=None):`,
    `    local = obj`,
    `    print("inside", sys.getrefcount(obj))`,
    keep ? `    return [obj]` : `    return len(obj)`,
    `${arg} = ${listLiteral(c)}`,
    `result = ${f}(${arg})`,
    `print("outside", sys.getrefcount(${arg}), result if not isinstance(result, list) else len(result))`,
    `del result`,
    `print("after del", sys.getrefcount(${arg}))`,
  ];
};

/** A closure keeps its cell (and what the cell holds) alive. */
const closure: Lesson = (c) => {
  const make = fresh(c, 'make_counter');
  const counter = fresh(c, 'counter');
  const start = smallInt(c);
  const steps = 1 + int(c.r, 4);
  return [
    `def ${make}(start):`,
    `    count = start`,
    `    def step():`,
    `        nonlocal count`,
    `        count += 1`,
    `        return count`,
    `    return step`,
    `${counter} = ${make}(${start})`,
    ...Array.from({ length: steps }, () => `print(${counter}())`),
    `print(len(${counter}.__closure__), ${counter}.__closure__[0].cell_contents)`,
    `del ${counter}`,
  ];
};

/** A generator's suspended frame keeps its locals. */
const generator: Lesson = (c) => {
  const g = fresh(c, 'gen');
  const it = fresh(c, 'it');
  const n = 2 + int(c.r, 4);
  return [
    `def ${g}(limit):`,
    `    i = 0`,
    `    while i < limit:`,
    `        yield i * i`,
    `        i += 1`,
    `${it} = ${g}(${n})`,
    `print(next(${it}), next(${it}))`,
    `print(list(${it}))`,
    `print(sum(${g}(${n})), [v for v in ${g}(${n}) if v % 2 == 0])`,
    `del ${it}`,
  ];
};

/** A caught exception: the message, `finally`, and the name deleted after the handler. */
const exceptions: Lesson = (c) => {
  const f = fresh(c, 'risky');
  const kind = pick(c.r, ['ValueError', 'KeyError', 'IndexError', 'ZeroDivisionError']);
  const body = {
    ValueError: `int("${pick(c.r, WORDS)}")`,
    KeyError: `{}["${pick(c.r, WORDS)}"]`,
    IndexError: `[1, 2][${2 + int(c.r, 3)}]`,
    ZeroDivisionError: `${smallInt(c)} // 0`,
  }[kind];
  return [
    `def ${f}():`,
    `    try:`,
    `        return ${body}`,
    `    except ${kind} as err:`,
    `        print("caught", type(err).__name__, err)`,
    `        return -1`,
    `    finally:`,
    `        print("finally runs")`,
    `print(${f}())`,
  ];
};

/** Weak references: alive while a strong name exists, dead (callback runs) after. */
const weak: Lesson = (c) => {
  const cls = fresh(c, 'Target');
  const x = fresh(c, 'obj');
  const w = fresh(c, 'ref');
  const cb = chance(c.r, 0.5);
  return [
    `class ${cls}:`,
    `    pass`,
    `${x} = ${cls}()`,
    cb
      ? `${w} = weakref.ref(${x}, lambda r: print("callback, dead:", r() is None))`
      : `${w} = weakref.ref(${x})`,
    `print(${w}() is ${x}, weakref.getweakrefcount(${x}), sys.getrefcount(${x}))`,
    `del ${x}`,
    `print("alive?", ${w}() is not None)`,
  ];
};

/** getsizeof of growing lists, dicts and strings. */
const sizes: Lesson = (c) => {
  const x = fresh(c, 'grow');
  const k = int(c.r, 12);
  const kind = pick(c.r, ['list', 'dict', 'str', 'tuple', 'int']);
  if (kind === 'list')
    return [
      `${x} = []`,
      `for i in range(${k}):`,
      `    ${x}.append(i)`,
      `print(len(${x}), sys.getsizeof(${x}))`,
    ];
  if (kind === 'dict')
    return [
      `${x} = {}`,
      `for i in range(${k}):`,
      `    ${x}[f"key{i}"] = i`,
      `print(len(${x}), sys.getsizeof(${x}))`,
    ];
  if (kind === 'str')
    return [`${x} = "${'ab'.repeat(k)}"`, `print(len(${x}), sys.getsizeof(${x}))`];
  if (kind === 'tuple') return [`${x} = tuple(range(${k}))`, `print(${x}, sys.getsizeof(${x}))`];
  return [`${x} = ${bigInt(c)}`, `print(${x}, sys.getsizeof(${x}))`];
};

/** Identity: small ints, interned strings, equal constants of one module, built values. */
const identity: Lesson = (c) => {
  const a = fresh(c, 'a');
  const b = fresh(c, 'b');
  const v = pick(c.r, [String(smallInt(c)), bigInt(c), strLiteral(c), '()', '(1, 2)']);
  return [
    `${a} = ${v}`,
    `${b} = ${v}`,
    `print(${a} is ${b}, ${a} == ${b})`,
    `print(${a} * 1 is ${a}, sys.getrefcount(${a}) > 1)`,
  ];
};

/** Comprehensions, loops with break/continue/else, dict building. */
const loops: Lesson = (c) => {
  const x = fresh(c, 'items');
  const k = 3 + int(c.r, 6);
  const target = int(c.r, k + 3);
  return [
    `${x} = [i * ${1 + int(c.r, 4)} for i in range(${k})]`,
    `for v in ${x}:`,
    `    if v == ${target}:`,
    `        print("found", v)`,
    `        break`,
    `    if v % 3 == 0:`,
    `        continue`,
    `else:`,
    `    print("no", ${target})`,
    `index = {v: i for i, v in enumerate(${x})}`,
    `print(len(index), sorted(index)[:3], max(${x}), min(${x}), sum(${x}))`,
    `del index`,
  ];
};

/** A context manager defined in the program. */
const withBlock: Lesson = (c) => {
  const cls = fresh(c, 'Managed');
  const label = pick(c.r, WORDS);
  return [
    `class ${cls}:`,
    `    def __enter__(self):`,
    `        print("enter ${label}")`,
    `        return self`,
    `    def __exit__(self, kind, value, tb):`,
    `        print("exit ${label}", kind is None)`,
    `        return False`,
    `with ${cls}() as m:`,
    `    print("inside", type(m).__name__)`,
    `del m`,
  ];
};

/** `__repr__`, `__eq__` and class attributes shared by instances. */
const dunders: Lesson = (c) => {
  const cls = fresh(c, 'Point');
  const x = int(c.r, 9);
  const y = int(c.r, 9);
  return [
    `class ${cls}:`,
    `    made = 0`,
    `    def __init__(self, x, y):`,
    `        self.x, self.y = x, y`,
    `        ${cls}.made += 1`,
    `    def __repr__(self):`,
    `        return f"${cls}({self.x}, {self.y})"`,
    `    def __eq__(self, other):`,
    `        return (self.x, self.y) == (other.x, other.y)`,
    `p = ${cls}(${x}, ${y})`,
    `q = ${cls}(${x}, ${chance(c.r, 0.5) ? y : y + 1})`,
    `print(p, q, p == q, p is q, ${cls}.made)`,
    `print([p, q], str(p), repr(q))`,
    `del p, q`,
  ];
};

/** What the collector tracks: atoms never, tuples of atoms untracked by a collection, dicts lazily. */
const tracking: Lesson = (c) => {
  const t = fresh(c, 'pair');
  const d = fresh(c, 'table');
  return [
    `${t} = (${smallInt(c)}, ${strLiteral(c)}, [])`,
    `${t}[2].append(${smallInt(c)})`,
    `${d} = {"n": ${smallInt(c)}}`,
    `print(gc.is_tracked(${t}), gc.is_tracked(${d}), gc.is_tracked(${strLiteral(c)}), gc.is_tracked([]))`,
    `${d}["list"] = []`,
    `print(gc.is_tracked(${d}), gc.is_tracked(tuple(range(${int(c.r, 4)}))))`,
    `gc.collect()`,
    `print(gc.get_count(), gc.is_tracked(${t}))`,
    `del ${t}, ${d}`,
  ];
};

/** List methods, slicing and `del` of items and slices. */
const listOps: Lesson = (c) => {
  const x = fresh(c, 'stack');
  return [
    `${x} = ${listLiteral(c)} + [${smallInt(c)}, ${smallInt(c)}]`,
    `${x}.append(${smallInt(c)})`,
    `${x}.insert(1, "new")`,
    `top = ${x}.pop()`,
    `print(top, len(${x}), ${x}[-1], ${x}[1:3])`,
    `del ${x}[0]`,
    `del ${x}[::2]`,
    `print(${x}, ${x}.index("new") if "new" in ${x} else -1, ${x}.count(0))`,
    `${x}.reverse()`,
    `print(${x}, ${x} * 2, [${x}] * 2)`,
    `del ${x}, top`,
  ];
};

/** Strings: methods, formatting, join and split. */
const strings: Lesson = (c) => {
  const s = fresh(c, 'text');
  const n = int(c.r, 1000);
  const f = Math.round(c.r.state % 100000) / 137;
  return [
    `${s} = ${strLiteral(c)}`,
    `print(${s}.upper(), ${s}.title(), ${s}.replace("a", "@"), ${s}.split())`,
    `print("-".join([${s}, ${s}[::-1]]), len(${s}), ${s}.find("e"), ${s}.startswith("a"))`,
    `print(f"{${n}:>6}|{${n}:08b}|{${f}:.3f}|{${s}!r}|{${n} / 7:.2e}")`,
    `print("%s has %d chars" % (${s}, len(${s})), "{} {}".format(${n}, ${s}))`,
    `del ${s}`,
  ];
};

/** Unpacking, chained and augmented assignment, globals from a function. */
const assignment: Lesson = (c) => {
  const a = fresh(c, 'left');
  const b = fresh(c, 'right');
  const g = fresh(c, 'bump');
  return [
    `${a} = ${b} = [${smallInt(c)}]`,
    `print(${a} is ${b}, sys.getrefcount(${a}))`,
    `${a}, ${b} = ${b}, (${smallInt(c)}, ${smallInt(c)})`,
    `first, *rest = ${b}`,
    `${a} += [0]`,
    `print(${a}, ${b}, first, rest)`,
    `total = 0`,
    `def ${g}(k):`,
    `    global total`,
    `    total += k`,
    `    return total`,
    `print(${g}(${smallInt(c)}), ${g}(${smallInt(c)}), total)`,
    `del ${a}, ${b}, first, rest`,
  ];
};

/** The mutable-default-argument surprise and late-binding lambdas. */
const surprises: Lesson = (c) => {
  const f = fresh(c, 'remember');
  const k = 2 + int(c.r, 3);
  return [
    `def ${f}(item, seen=[]):`,
    `    seen.append(item)`,
    `    return len(seen)`,
    ...Array.from({ length: k }, (_, i) => `print(${f}(${i}))`),
    `print(${f}.__defaults__, sys.getrefcount(${f}.__defaults__[0]))`,
    `funcs = [lambda: i for i in range(${k})]`,
    `print([g() for g in funcs])`,
    `del funcs`,
  ];
};

/** `__slots__` instances are smaller and have no `__dict__`. */
const slots: Lesson = (c) => {
  const plain = fresh(c, 'Plain');
  const slim = fresh(c, 'Slim');
  return [
    `class ${plain}:`,
    `    def __init__(self):`,
    `        self.a = ${smallInt(c)}`,
    `class ${slim}:`,
    `    __slots__ = ("a",)`,
    `    def __init__(self):`,
    `        self.a = ${smallInt(c)}`,
    `p, s = ${plain}(), ${slim}()`,
    `print(sys.getsizeof(p), sys.getsizeof(s), hasattr(p, "__dict__"), hasattr(s, "__dict__"))`,
    `print(p.__dict__, s.a, getattr(s, "b", "none"))`,
    `del p, s`,
  ];
};

/** A caught exception kept in a name keeps the raising frame's locals alive. */
const tracebackLeak: Lesson = (c) => {
  const f = fresh(c, 'fail');
  const x = fresh(c, 'payload');
  return [
    `def ${f}(obj):`,
    `    raise RuntimeError("boom")`,
    `${x} = ${listLiteral(c)}`,
    `try:`,
    `    ${f}(${x})`,
    `except RuntimeError as e:`,
    `    saved = e`,
    `print(sys.getrefcount(${x}), saved.__traceback__ is not None)`,
    `del saved`,
    `print(sys.getrefcount(${x}))`,
  ];
};

/** PEP 442: finalizers of a cyclic group run once, before any member is cleared; resurrection. */
const cycleFinalizers: Lesson = (c) => {
  const cls = fresh(c, 'Holder');
  const keep = fresh(c, 'rescued');
  const resurrect = chance(c.r, 0.4);
  const k = 2 + int(c.r, 3);
  const names = Array.from({ length: k }, () => fresh(c, 'h'));
  const lines = [
    `${keep} = []`,
    `class ${cls}:`,
    `    def __init__(self, tag):`,
    `        self.tag = tag`,
    `        self.peer = None`,
    `    def __del__(self):`,
    `        print("del", self.tag, self.peer is not None)`,
  ];
  if (resurrect) lines.push(`        if self.tag == 0:`, `            ${keep}.append(self)`);
  names.forEach((n, i) => lines.push(`${n} = ${cls}(${i})`));
  names.forEach((n, i) => lines.push(`${n}.peer = ${names[(i + 1) % k]}`));
  lines.push(`del ${names.join(', ')}`);
  lines.push(`print("collected", gc.collect(), len(${keep}))`);
  lines.push(`print("again", gc.collect())`);
  if (resurrect)
    lines.push(`${keep}[0].peer = None`, `${keep}.clear()`, `print("last", gc.collect())`);
  return lines;
};

/** Weakref callbacks when the collector frees a cycle; gc.get_referents; DEBUG_SAVEALL. */
const collectorTools: Lesson = (c) => {
  const a = fresh(c, 'left');
  const b = fresh(c, 'right');
  const saveAll = chance(c.r, 0.3);
  const lines = [
    `${a} = {"name": "${pick(c.r, WORDS)}"}`,
    `${b} = [${a}]`,
    `${a}["other"] = ${b}`,
    `print(len(gc.get_referents(${a})), gc.get_referents(${b})[0] is ${a})`,
    `print(len(gc.get_referrers(${b})) >= 1)`,
  ];
  if (saveAll) lines.push(`gc.set_debug(gc.DEBUG_SAVEALL)`);
  lines.push(`del ${a}, ${b}`, `print("found", gc.collect(), len(gc.garbage))`);
  if (saveAll)
    lines.push(`gc.set_debug(0)`, `gc.garbage.clear()`, `print("after clear", gc.collect())`);
  return lines;
};

/** gc.callbacks see each collection's generation and counts. */
const callbacks: Lesson = (c) => {
  const log = fresh(c, 'events');
  const cb = fresh(c, 'watch');
  const k = 1 + int(c.r, 3);
  return [
    `${log} = []`,
    `def ${cb}(phase, info):`,
    `    ${log}.append((phase, info["generation"], info.get("collected")))`,
    `gc.callbacks.append(${cb})`,
    ...Array.from({ length: k }, () => [`cyc = []`, `cyc.append(cyc)`, `del cyc`]).flat(),
    `gc.collect(${int(c.r, 3)})`,
    `gc.callbacks.remove(${cb})`,
    `print(${log})`,
    `del ${log}`,
  ];
};

/** Inheritance, super().__init__, isinstance and class attributes. */
const inheritance: Lesson = (c) => {
  const base = fresh(c, 'Animal');
  const sub = fresh(c, 'Dog');
  const word = pick(c.r, WORDS);
  return [
    `class ${base}:`,
    `    sound = "..."`,
    `    def __init__(self, name):`,
    `        self.name = name`,
    `    def speak(self):`,
    `        return f"{self.name} says {self.sound}"`,
    `class ${sub}(${base}):`,
    `    sound = "woof"`,
    `    def __init__(self, name, tricks=()):`,
    `        super().__init__(name)`,
    `        self.tricks = list(tricks)`,
    `d = ${sub}("${word}", ["sit"])`,
    `print(d.speak(), isinstance(d, ${base}), type(d).__name__, ${base}("x").speak())`,
    `m = d.speak`,
    `print(sys.getrefcount(d), m(), m.__self__ is d)`,
    `del d, m`,
  ];
};

/** Dicts, sets, sorting and zips of everyday lesson data. */
const collections: Lesson = (c) => {
  const d = fresh(c, 'ages');
  const names = Array.from({ length: 2 + int(c.r, 4) }, () => pick(c.r, WORDS));
  const ages = names.map(() => int(c.r, 90));
  return [
    `${d} = dict(zip(${JSON.stringify(names)}, ${JSON.stringify(ages)}))`,
    `print(${d}, len(${d}), ${d}.get("${pick(c.r, WORDS)}", -1))`,
    `print(sorted(${d}.items(), key=lambda kv: kv[1]), list(${d}.keys())[:2])`,
    `print(sorted(set(${JSON.stringify(ages)})), {a % 3 for a in ${JSON.stringify(ages)}} == set(a % 3 for a in ${JSON.stringify(ages)}))`,
    `print(${d}.pop("${names[0]}"), ${d}.setdefault("new", 0), sum(${d}.values()))`,
    `print([(i, n) for i, n in enumerate(${d})], any(v > 50 for v in ${d}.values()), all(${d}.values()))`,
    `del ${d}`,
  ];
};

/** Numbers: integer division and modulo with signs, big ints, floats and rounding. */
const numbers: Lesson = (c) => {
  const a = int(c.r, 2000) - 1000;
  const b = 1 + int(c.r, 30);
  const f = (int(c.r, 100000) - 50000) / 64;
  return [
    `print(${a} // ${b}, ${a} % ${b}, -${a} // ${b}, divmod(${a}, ${b}), ${a} / ${b})`,
    `print(2 ** ${60 + int(c.r, 80)}, abs(${a}) ** 3, ${f}, round(${f}, 2), int(${f}), float(${a}))`,
    `print(${f} * 3, str(${f} / 3), repr(0.1 + 0.2), 1e16, 1.5e-7, max(${a}, ${b}, ${f}))`,
  ];
};

/** Generators: close(), yield from, and the frame they keep. */
const generatorFrames: Lesson = (c) => {
  const g = fresh(c, 'produce');
  const outer = fresh(c, 'chain');
  return [
    `def ${g}(n):`,
    `    try:`,
    `        for i in range(n):`,
    `            yield i`,
    `    finally:`,
    `        print("generator cleanup")`,
    `def ${outer}():`,
    `    yield from ${g}(${2 + int(c.r, 3)})`,
    `    yield "end"`,
    `it = ${outer}()`,
    `print(next(it), it.gi_frame is not None)`,
    `it.close()`,
    `print(it.gi_frame, list(${outer}()))`,
    `del it`,
  ];
};

/** Cycles through frames and cells: a generator holding its owner, a closure naming itself. */
const hiddenCycles: Lesson = (c) => {
  const cls = fresh(c, 'Owner');
  const g = fresh(c, 'walk');
  const mk = fresh(c, 'recursive');
  const start = pick(c.r, ['', 'next(o.steps)']);
  return [
    `class ${cls}:`,
    `    pass`,
    `def ${g}(owner):`,
    `    yield owner`,
    `    yield None`,
    `o = ${cls}()`,
    `o.steps = ${g}(o)`,
    start,
    `del o`,
    `print("generator cycle:", gc.collect())`,
    `def ${mk}():`,
    `    def again(n):`,
    `        return n if n <= 0 else again(n - 1)`,
    `    return again`,
    `f = ${mk}()`,
    `print(f(${int(c.r, 5)}), f.__closure__[0].cell_contents is f, sys.getrefcount(f))`,
    `del f`,
    `print("closure cycle:", gc.collect())`,
  ].filter((l) => l !== '');
};

/** An exception's context chain and a traceback kept by a name, then released. */
const exceptionChains: Lesson = (c) => {
  const f = fresh(c, 'convert');
  return [
    `def ${f}(text):`,
    `    try:`,
    `        return int(text)`,
    `    except ValueError as first:`,
    `        raise KeyError(text) from ${chance(c.r, 0.5) ? 'first' : 'None'}`,
    `try:`,
    `    ${f}("${pick(c.r, WORDS)}")`,
    `except KeyError as e:`,
    `    print(repr(e), type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)`,
    `    kept = e`,
    `print(gc.is_tracked(kept), kept.__traceback__.tb_lineno > 0)`,
    `del kept`,
    `print("exception cycle:", gc.collect())`,
  ];
};

export const LESSONS: readonly Lesson[] = [
  hiddenCycles,
  exceptionChains,
  cycleFinalizers,
  collectorTools,
  callbacks,
  inheritance,
  collections,
  numbers,
  generatorFrames,
  tracking,
  listOps,
  strings,
  assignment,
  surprises,
  slots,
  tracebackLeak,
  aliases,
  finalizer,
  ring,
  selfLoop,
  call,
  closure,
  generator,
  exceptions,
  weak,
  sizes,
  identity,
  loops,
  withBlock,
  dunders,
];
