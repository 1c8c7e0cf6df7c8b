/**
 * Lesson fragments about what a call holds and what searches and sizes print: refcounts seen
 * inside `__init__`, `__str__` and functions called with `*args`/`**kwargs` (CPython's argument
 * tuples, keyword dicts and unpacked copies), the size of an instance's `__dict__` as more
 * instances and attributes appear, and `start`/`end` arguments of searches and range slices.
 * Same rules as lessons.ts.
 */
import { chance, int, pick } from '../gen/rand.ts';
import { fresh, type Lesson } from './lessons.ts';

/** sys.getrefcount of an argument inside __init__, a method, __str__ and plain functions. */
const refsInsideCalls: Lesson = (c) => {
  const cls = fresh(c, 'Probe');
  const fn = fresh(c, 'look');
  const v = fresh(c, 'payload');
  const call = pick(c.r, [`${cls}(${v})`, `${cls}(${v}, extra=1)`, `${cls}(value=${v})`]);
  const fcall = pick(c.r, [
    `${fn}(${v})`,
    `${fn}(x=${v})`,
    `${fn}(*(${v},))`,
    `${fn}(**{"x": ${v}})`,
    `${fn}(${v}, k=${v})`,
  ]);
  return [
    `class ${cls}:`,
    `    def __init__(self, value, extra=None):`,
    `        print("inside __init__:", sys.getrefcount(value))`,
    `    def __str__(self):`,
    `        print("inside __str__:", sys.getrefcount(self))`,
    `        return "${cls}"`,
    `def ${fn}(x, *rest, **kw):`,
    `    return sys.getrefcount(x)`,
    `${v} = [${int(c.r, 9)}]`,
    `made = ${call}`,
    `print("in a function:", ${fcall})`,
    pick(c.r, ['print(made)', 'text = str(made)', 'text = f"{made}"', 'print(made, made)']),
    `print("after:", sys.getrefcount(${v}))`,
    'del made',
  ];
};

/** An instance __dict__ is a split dict: its size depends on how many instances came before. */
const instanceDictSize: Lesson = (c) => {
  const cls = fresh(c, 'Pixel');
  const attrs = ['x', 'y', 'z', 'w', 'colour'].slice(0, 1 + int(c.r, 5));
  const before = int(c.r, 6);
  const lines = [
    `class ${cls}:`,
    `    def __init__(self):`,
    ...attrs.map((a, i) => `        self.${a} = ${i}`),
    `earlier = [${cls}() for _ in range(${before})]`,
    `p = ${cls}()`,
    `print(sys.getsizeof(p), sys.getsizeof(p.__dict__), len(p.__dict__))`,
  ];
  if (chance(c.r, 0.5)) lines.push('p.extra = 1', 'print("one more:", sys.getsizeof(p.__dict__))');
  if (chance(c.r, 0.3))
    lines.push('p.__dict__[0] = 0', 'print("int key:", sys.getsizeof(p.__dict__))');
  lines.push('del p, earlier');
  return lines;
};

/** find/count/startswith/index with start and end, and slices of a range. */
const searchWindows: Lesson = (c) => {
  const text = pick(c.r, ['"banana"', '"mississippi"', '"heap heroes"', '"aaaa"']);
  const needle = pick(c.r, ['"a"', '"s"', '"e"', '""', '"an"']);
  const args = pick(c.r, ['2', '-3', '1, 4', '-4, -1', '20', '3, 2', 'None, 5']);
  const slice = pick(c.r, ['2:5', '::-1', '-3:', '1:8:3', '8:1:-2', '20:30', '::2']);
  return [
    `t = ${text}`,
    `print(t.find(${needle}, ${args}), t.rfind(${needle}, ${args}), t.count(${needle}, ${args}))`,
    `print(t.startswith(${needle}, ${args}), t.endswith(${needle}, ${args}))`,
    `nums = [1, 2, 1, 2, 1]`,
    `print(nums.index(1, ${pick(c.r, ['1', '-2', '2, 5'])}))`,
    `r = range(${pick(c.r, ['10', '5, 50, 5', '0, 10, 3', '10, 0, -1'])})[${slice}]`,
    'print(r, list(r), len(r))',
  ];
};

export const CALL_LESSONS: readonly Lesson[] = [refsInsideCalls, instanceDictSize, searchWindows];
