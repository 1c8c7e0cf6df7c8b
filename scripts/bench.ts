/**
 * npm run bench: the same heap in the engine and in CPython, timed in one run.
 *
 * Shape (seeded, identical on both sides): 100,000 lists in clusters of 10. Each cluster is a
 * ring with chords; clusters also point forward to later clusters (tails). A root list keeps
 * every third cluster alive, so the heap mixes reachable cycles, garbage cycles and garbage
 * tails. 300,000 references in all. Then a full gc.collect() is timed on each side, and a
 * 1,000,000-long chain of lists is freed by dropping its head.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyInPlace } from '../shared/engine/apply.ts';
import {
  apply,
  createState,
  nameAt,
  nextRandom,
  type Action,
  type EngineState,
} from '../shared/engine/index.ts';
import { runScript } from '../shared/python/vm/index.ts';

const OBJECTS = 100_000;
const EDGES = 300_000;
const CLUSTER = 10;
/** Trials of the collection on each side (median reported); the engine's first ones include JIT warm-up. */
const TRIALS = 5;

/** Edges [from, to] of the heap, deterministic for the seed. */
function heapShape(seed: number): { edges: [number, number][]; roots: number[] } {
  let rng = seed >>> 0;
  const rand = (n: number): number => {
    const [v, next] = nextRandom(rng);
    rng = next;
    return Math.floor(v * n);
  };
  const edges: [number, number][] = [];
  for (let i = 0; i < OBJECTS; i++) {
    const base = i - (i % CLUSTER);
    edges.push([i, base + ((i + 1) % CLUSTER)]);
  }
  while (edges.length < EDGES) {
    const from = rand(OBJECTS);
    const base = from - (from % CLUSTER);
    const to =
      rand(40) === 0
        ? Math.min(OBJECTS - 1, base + CLUSTER + rand(5 * CLUSTER))
        : base + rand(CLUSTER);
    edges.push([from, to]);
  }
  const roots: number[] = [];
  for (let c = 0; c < OBJECTS; c += 3 * CLUSTER) roots.push(c);
  return { edges, roots };
}

/**
 * Before each timed section: a full V8 collection when node runs with --expose-gc (npm run bench
 * does), so the garbage of the previous trial's heap is not collected inside this one's timing;
 * the CPython side likewise runs gc.collect() before each trial.
 */
function settleV8(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Wall and CPU milliseconds of a timed section (CPU: this process's, every thread). */
interface Timing {
  ms: number;
  cpu: number;
}

function startTiming(): () => Timing {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
}

function must(err: unknown): void {
  if (err) throw new Error(JSON.stringify(err));
}

function buildEngineHeap(shape: ReturnType<typeof heapShape>): EngineState {
  const s = createState({ gcEnabled: false });
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('objs') }));
  const objs = (s.globals.objs as { id: number }).id;
  for (let i = 0; i < OBJECTS; i++)
    must(
      applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('t') }) ??
        applyInPlace(s, { type: 'append', list: objs, value: s.globals.t! }),
    );
  const id = (i: number): number => objs + 1 + i;
  for (const [from, to] of shape.edges)
    must(applyInPlace(s, { type: 'append', list: id(from), value: { t: 'ref', id: id(to) } }));
  must(
    applyInPlace(s, {
      type: 'new',
      object: { kind: 'list', items: shape.roots.map((r) => ({ t: 'ref', id: id(r) }) as const) },
      into: nameAt('roots'),
    }),
  );
  must(applyInPlace(s, { type: 'delete', at: nameAt('t') }));
  must(applyInPlace(s, { type: 'delete', at: nameAt('objs') }));
  return s;
}

function timeEngine(shape: ReturnType<typeof heapShape>): Timing & {
  result: number;
  live: number;
} {
  const s = buildEngineHeap(shape);
  const live = Object.keys(s.objects).length;
  const before = new Set(Object.keys(s.objects));
  settleV8();
  const stop = startTiming();
  must(applyInPlace(s, { type: 'collect', generation: 2 }));
  const t = stop();
  return { ...t, result: before.size - Object.keys(s.objects).length, live };
}

function engineChain(): Timing {
  const s = createState({ gcEnabled: false });
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('head') }));
  for (let i = 1; i < 1_000_000; i++)
    must(
      applyInPlace(s, {
        type: 'new',
        object: { kind: 'list', items: [s.globals.head!] },
        into: nameAt('head'),
      }),
    );
  settleV8();
  const stop = startTiming();
  must(applyInPlace(s, { type: 'delete', at: nameAt('head') }));
  return stop();
}

/** `objs = []`, then 100,000 × (`t = []`, `objs.append(t)`), collector on at (700, 10, 10). */
function engineBuild(): Timing {
  settleV8();
  const s = createState({ gcEnabled: true });
  const stop = startTiming();
  must(applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('objs') }));
  const objs = (s.globals.objs as { id: number }).id;
  for (let i = 0; i < OBJECTS; i++)
    must(
      applyInPlace(s, { type: 'new', object: { kind: 'list', items: [] }, into: nameAt('t') }) ??
        applyInPlace(s, { type: 'append', list: objs, value: s.globals.t! }),
    );
  return stop();
}

/**
 * `x = roots` / `x = None` alternately through the public apply() (events recorded) on the
 * 100k bench heap: the median cost of one accepted move in µs.
 */
function engineRebindUs(shape: ReturnType<typeof heapShape>): number {
  let s = buildEngineHeap(shape);
  const bind: Action = { type: 'store', into: nameAt('x'), value: s.globals.roots! };
  const unbind: Action = { type: 'store', into: nameAt('x'), value: { t: 'none' } };
  const times: number[] = [];
  const deadline = performance.now() + 3000;
  for (let i = 0; i < 2000 && performance.now() < deadline; i++) {
    const t0 = performance.now();
    const r = apply(s, i % 2 === 0 ? bind : unbind);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
    s = r.value.state;
  }
  return median(times) * 1000;
}

const PYTHON = String.raw`
import gc, json, sys, time
gc.disable()
shape = json.load(open(sys.argv[1]))
def run():
    objs = [[] for _ in range(len(shape['n']))]
    for a, b in shape['edges']:
        objs[a].append(objs[b])
    roots = [objs[r] for r in shape['roots']]
    del objs
    gc.collect_was = None
    t0, c0 = time.perf_counter(), time.process_time()
    n = gc.collect()
    return (time.perf_counter() - t0) * 1000, n, roots, (time.process_time() - c0) * 1000
gc.collect()
out = {'trials': []}
for _ in range(int(sys.argv[2])):
    ms, n, roots, cpu = run()
    out['trials'].append([ms, n, cpu])
    del roots
    gc.collect()
head = []
for _ in range(999_999):
    head = [head]
t0, c0 = time.perf_counter(), time.process_time()
del head
out['chain'] = (time.perf_counter() - t0) * 1000
out['chainCpu'] = (time.process_time() - c0) * 1000
gc.enable()
builds = []
for _ in range(3):
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    objs = []
    for _ in range(100_000):
        t = []
        objs.append(t)
    builds.append(((time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000))
    del objs, t
out['build'] = sorted(b[0] for b in builds)[1]
out['buildCpu'] = sorted(b[1] for b in builds)[1]
print(json.dumps(out))
`;

/** The teaching VM against CPython on the two programs (in-process times, median of 3). */
const VM_PROGRAMS: Record<string, string> = {
  'comprehension of 100,000': 'x = [i for i in range(100000)]\nprint(len(x))\n',
  '100,000-iteration loop making and dropping objects': [
    'class Node:',
    '    def __init__(self, v):',
    '        self.v = v',
    '        self.next = None',
    'total = 0',
    'for i in range(100000):',
    '    n = Node(i)',
    '    n.next = [i]',
    '    total += n.v',
    'print(total)',
    '',
  ].join('\n'),
};

const PY_TIMER = String.raw`
import json, sys, time
src = open(sys.argv[1]).read()
code = compile(src, 'bench.py', 'exec')
times = []
for _ in range(3):
    t = time.perf_counter()
    exec(code, {'__name__': '__main__'})
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps(sorted(times)[1]), file=sys.stderr)
`;

function vmRatios(dir: string): void {
  writeFileSync(join(dir, 'timer.py'), PY_TIMER);
  for (const [label, src] of Object.entries(VM_PROGRAMS)) {
    const vmMs = median(
      [0, 1, 2].map(() => {
        const t = performance.now();
        const r = runScript(src, 'bench.py');
        if (r.exitCode !== 0) throw new Error(`VM failed on ${label}: ${r.stderr}`);
        return performance.now() - t;
      }),
    );
    writeFileSync(join(dir, 'prog.py'), src);
    const r = spawnSync('python3', [join(dir, 'timer.py'), join(dir, 'prog.py')], {
      encoding: 'utf8',
    });
    const pyMs = Number(r.stderr.trim().split('\n').pop());
    console.log(
      `VM ${label}: ${vmMs.toFixed(0)} ms, CPython ${pyMs.toFixed(1)} ms, VM/CPython = ${(vmMs / pyMs).toFixed(1)} (goal ≤ 20)`,
    );
  }
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  const shape = heapShape(2026);
  const dir = mkdtempSync(join(tmpdir(), 'hh-bench-'));
  writeFileSync(
    join(dir, 'shape.json'),
    JSON.stringify({ n: new Array(OBJECTS).fill(0), ...shape }),
  );
  writeFileSync(join(dir, 'bench.py'), PYTHON);
  const engine = Array.from({ length: TRIALS }, () => timeEngine(shape));
  const py = JSON.parse(
    execFileSync('python3', [join(dir, 'bench.py'), join(dir, 'shape.json'), String(TRIALS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  ) as {
    trials: [number, number, number][];
    chain: number;
    chainCpu: number;
    build: number;
    buildCpu: number;
  };
  const engMs = median(engine.map((e) => e.ms));
  const pyMs = median(py.trials.map((t) => t[0]));
  const engCpu = median(engine.map((e) => e.cpu));
  const pyCpu = median(py.trials.map((t) => t[2]));
  console.log(
    `heap: ${OBJECTS} lists, ${EDGES} references; ${engine[0]!.live} live objects before the collection`,
  );
  console.log(
    `engine  gc.collect(): ${engine.map((e) => e.ms.toFixed(1)).join(' / ')} ms, freed ${engine[0]!.result}`,
  );
  console.log(
    `CPython gc.collect(): ${py.trials.map((t) => t[0].toFixed(1)).join(' / ')} ms, returned ${py.trials[0]![1]}`,
  );
  const chain = engineChain();
  console.log(`1M-chain free: engine ${chain.ms.toFixed(0)} ms, CPython ${py.chain.toFixed(0)} ms`);
  const builds = [engineBuild(), engineBuild(), engineBuild()];
  const build = { ms: median(builds.map((b) => b.ms)), cpu: median(builds.map((b) => b.cpu)) };
  console.log(
    `build 100k gc on: engine ${build.ms.toFixed(0)} ms, CPython ${py.build.toFixed(0)} ms`,
  );
  console.log(`gc.collect 100k: engine/CPython = ${(engMs / pyMs).toFixed(2)}`);
  console.log(`free 1M chain: engine/CPython = ${(chain.ms / py.chain).toFixed(2)}`);
  console.log(`build 100k gc on: engine/CPython = ${(build.ms / py.build).toFixed(2)}`);
  // The same sections in CPU time of each process: steadier than wall time on a shared machine
  // (a process waiting for a core is not charged); the engine's includes V8's GC threads.
  console.log(
    `CPU time: gc.collect ${engCpu.toFixed(0)} / ${pyCpu.toFixed(0)} ms = ${(engCpu / pyCpu).toFixed(2)}, ` +
      `free chain ${chain.cpu.toFixed(0)} / ${py.chainCpu.toFixed(0)} ms = ${(chain.cpu / py.chainCpu).toFixed(2)}, ` +
      `build ${build.cpu.toFixed(0)} / ${py.buildCpu.toFixed(0)} ms = ${(build.cpu / py.buildCpu).toFixed(2)}`,
  );
  console.log(`apply rebind at 100k: ${engineRebindUs(shape).toFixed(1)} µs`);
  vmRatios(dir);
}

main();
