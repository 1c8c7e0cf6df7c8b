/**
 * Programs that trace where automatic collections start, for measuring how often the VM's
 * collections fall on the same statement as CPython's. Each runs a loop of teaching-subset
 * statements with the collector enabled and a gc.callbacks function recording
 * (iteration, statement, generation) at every "start"; it prints that list. `sub = k` before
 * statement k stores a small int (no allocation), so the trace names the statement.
 * With `exact`, a gc.collect() first makes CPython's count known; without it, the program starts
 * from the interpreter's start-up count (the VM's estimate: VmCollector.startScript). Seeded.
 */

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Loop-body statements (4-space indented, `i` is the loop variable). */
const STATEMENTS = [
  'x = []',
  'x = [i, i]',
  'x = {}',
  "x = {'k': []}",
  'x = (i, [i])',
  'x = {i, i + 1}',
  'n = Node()',
  'n = Node()\n    n.me = n',
  'n = Node()\n    n.other = Node()\n    n.other.back = n',
  'x = make(i)',
  'x = [j for j in range(3)]',
  "x = f'{i}-{i}'",
  'm = holder.method',
  'g = gen(i)',
  'x = closure(i)',
  "x = str(i) + 'a'",
  'x = list(range(4))',
  'x = Pair(i, [i])',
  'keep.append([i])',
  'keep.append(Node())',
  'keep.append({i: (i, [i])})',
  'keep.clear()',
  'del x\n    x = None',
];

const PRELUDE = `import gc, sys


class Node:
    pass


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def method(self):
        return self.a


def make(k):
    return [k, {k: k}]


def gen(k):
    yield k


def closure(k):
    def inner():
        return k
    return inner


holder = Pair(1, 2)
keep = []
hits = []
x = None
sub = 0


def on_gc(phase, info):
    if phase == "start":
        hits.append((i, sub, info["generation"]))


`;

export interface TraceProgram {
  readonly seed: number;
  readonly exact: boolean;
  readonly source: string;
}

export function traceProgram(seed: number, exact: boolean): TraceProgram {
  const r = prng(seed);
  const int = (n: number): number => Math.floor(r() * n);
  const body: string[] = [];
  for (let k = 0, n = 1 + int(4); k < n; k++) {
    body.push(`    sub = ${k}`, `    ${STATEMENTS[int(STATEMENTS.length)]}`);
  }
  const threshold = exact ? [3, 5, 10, 20, 50, 100][int(6)] : 700;
  const iterations = exact ? 50 + int(200) : 500 + int(1000);
  const lines = [
    PRELUDE,
    'i = 0',
    ...(exact ? ['gc.disable()', 'gc.collect()'] : []),
    'gc.callbacks.append(on_gc)',
    `gc.set_threshold(${threshold})`,
    'gc.enable()',
    `for i in range(${iterations}):`,
    ...body,
    'gc.disable()',
    'gc.callbacks.remove(on_gc)',
    'print(hits)',
    '',
  ];
  return { seed, exact, source: lines.join('\n') };
}

/** Parses a printed hits list: "[(3, 0, 0), (9, 1, 0)]" → ["3,0,0", "9,1,0"]. */
export function parseHits(stdout: string): string[] {
  return [...stdout.matchAll(/\((\d+), (\d+), (\d+)\)/g)].map((m) => `${m[1]},${m[2]},${m[3]}`);
}

/** Same-statement agreement: collections at the same place in both traces, position by position. */
export function agreement(cpython: string[], model: string[]): { same: number; total: number } {
  let same = 0;
  for (let k = 0; k < Math.min(cpython.length, model.length); k++) {
    if (cpython[k] === model[k]) same++;
  }
  return { same, total: Math.max(cpython.length, model.length) };
}
