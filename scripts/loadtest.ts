/**
 * Load test: `npm run loadtest -- --rooms R --students S --seconds T [options]`
 *
 * Starts the real server as a child process (node server/index.ts on 127.0.0.1, free port, temp
 * DATA_DIR) unless --url is given, opens R classrooms, each with a host (a decoding teacher client)
 * and S students (@colyseus/sdk, joined in batches), starts a live puzzle round in each, and lets
 * every student play real statements of the round's puzzle (see load/bot.ts) for T seconds.
 * Then it leaves, stops the server it started and prints a report (and JSON with --json).
 *
 * Measured: move → `applied` latency (every move), action → confirmed-patch latency (probes: a
 * few students per room that decode state), server CPU and RSS sampled from /proc/<pid> every
 * second (the server's own share, separate from the load generator's), bytes per action on the
 * WebSocket (server → all clients, and client → server), refusals and errors.
 *
 * Options: --url http://127.0.0.1:2567 --pid N (sample an already running server), --rate 1
 * (actions per student per second), --probes 4 (per room), --puzzle the-big-hunt, --batch 25
 * (concurrent joins), --warmup 3 (seconds, not measured), --json, --profile DIR (server --cpu-prof),
 * --root DIR (run the server of another checkout, e.g. main, for a before/after comparison).
 * Bounded: at most 2,000 clients and 600 seconds.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client, type Room } from '@colyseus/sdk';
import { campaignPuzzle } from '../shared/puzzles/campaign/index.ts';
import { Bot, newMetrics, type LoadMetrics } from './load/bot.ts';
import { machine, sampler, type ProcSample } from './load/procStat.ts';
import { startServer } from './load/server.ts';

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '1' },
    students: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '30' },
    url: { type: 'string' },
    pid: { type: 'string' },
    rate: { type: 'string', default: '1' },
    probes: { type: 'string', default: '4' },
    puzzle: { type: 'string', default: 'the-big-hunt' },
    batch: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    profile: { type: 'string' },
    root: { type: 'string', default: '.' },
  },
});

const rooms = Number(args.rooms);
const students = Number(args.students);
const seconds = Math.min(600, Number(args.seconds));
const rate = Number(args.rate);
const probes = Number(args.probes);
const puzzle = campaignPuzzle(args.puzzle);
if (!puzzle) throw new Error(`no campaign puzzle "${args.puzzle}"`);
if (rooms * (students + 1) > 2000) throw new Error('at most 2,000 clients');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Classroom {
  host: Room;
  bots: Bot[];
}

async function openClass(url: string, metrics: () => LoadMetrics): Promise<Classroom> {
  const host = await new Client(url).create('classroom', {
    nickname: 'Teacher',
    puzzleId: puzzle!.id,
  });
  host.onMessage('*', () => undefined);
  const bots: Bot[] = [];
  for (let i = 0; i < students; i += Number(args.batch)) {
    const batch = Array.from({ length: Math.min(Number(args.batch), students - i) }, (_, k) =>
      Bot.join(url, host.roomId, `Student ${i + k + 1}`, puzzle!.solution, i + k < probes, metrics),
    );
    bots.push(...(await Promise.all(batch)));
  }
  return { host, bots };
}

async function startRound(c: Classroom): Promise<void> {
  c.host.send('liveHost', { cmd: 'setSet', set: { source: 'items', ids: [puzzle!.id] } });
  c.host.send('liveHost', { cmd: 'start' });
  const until = Date.now() + 10_000;
  while ((c.host.state as unknown as { live?: { phase: string } }).live?.phase !== 'running') {
    if (Date.now() > until) throw new Error('round did not start');
    await sleep(50);
  }
}

function summarize(samples: ProcSample[]): { cpuMean: number; cpuMax: number; rssMax: number } {
  const cpus = samples.map((s) => s.cpu);
  return {
    cpuMean: cpus.reduce((a, b) => a + b, 0) / Math.max(1, cpus.length),
    cpuMax: cpus.reduce((a, b) => Math.max(a, b), 0),
    rssMax: samples.reduce((a, s) => Math.max(a, s.rssMb), 0),
  };
}

async function main(): Promise<void> {
  const own =
    args.url === undefined
      ? await startServer({
          root: args.root,
          nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [],
          stderr: (text) => {
            if (!/Colyseus reconnection/.test(text)) process.stderr.write(`[server] ${text}`);
          },
        })
      : null;
  const url = args.url ?? own!.url;
  const pid = own?.child.pid ?? (args.pid ? Number(args.pid) : null);
  let metrics = newMetrics();
  const current = (): LoadMetrics => metrics;
  const joinStart = performance.now();
  const classes: Classroom[] = [];
  try {
    for (let r = 0; r < rooms; r++) classes.push(await openClass(url, current));
    const joinSeconds = (performance.now() - joinStart) / 1000;
    await Promise.all(classes.map(startRound));
    const period = 1000 / rate;
    classes.forEach((c) => c.bots.forEach((b) => b.start(period)));
    await sleep(Number(args.warmup) * 1000);
    metrics = newMetrics(); // measure from here on
    const server = pid === null ? null : sampler(pid);
    const genCpu0 = process.cpuUsage();
    const t0 = performance.now();
    const serverSamples: ProcSample[] = [];
    while (performance.now() - t0 < seconds * 1000) {
      await sleep(1000);
      const s = server?.();
      if (s) serverSamples.push(s);
    }
    const elapsed = (performance.now() - t0) / 1000;
    classes.forEach((c) => c.bots.forEach((b) => b.stop()));
    await sleep(500); // let the last replies arrive
    const gen = process.cpuUsage(genCpu0);
    const m = metrics;
    metrics = newMetrics();
    report({
      m,
      elapsed,
      joinSeconds,
      server: summarize(serverSamples),
      genCpu: (gen.user + gen.system) / 1e6 / elapsed,
    });
  } finally {
    await Promise.all(
      classes
        .flatMap((c) => [c.host, ...c.bots.map((b) => b.room)])
        .map((r) => r.leave(true).catch(() => undefined)),
    );
    await own?.stop();
  }
}

function report(r: {
  m: LoadMetrics;
  elapsed: number;
  joinSeconds: number;
  server: ReturnType<typeof summarize>;
  genCpu: number;
}): void {
  const { m } = r;
  const mach = machine();
  const out = {
    machine: `${mach.cpus} × ${mach.model}, ${mach.memGb} GB (load generator on the same cores)`,
    rooms,
    students,
    clients: rooms * (students + 1),
    puzzle: puzzle!.id,
    ratePerStudent: rate,
    seconds: Math.round(r.elapsed),
    joinSeconds: +r.joinSeconds.toFixed(1),
    actions: m.actions,
    actionsPerSecond: Math.round(m.actions / r.elapsed),
    appliedMs: {
      n: m.applied.count,
      p50: round(m.applied.percentile(50)),
      p99: round(m.applied.percentile(99)),
      max: round(m.applied.max()),
    },
    patchMs: {
      n: m.patch.count,
      p50: round(m.patch.percentile(50)),
      p99: round(m.patch.percentile(99)),
      max: round(m.patch.max()),
    },
    bytesPerAction: {
      serverToClients: Math.round(m.bytesIn / Math.max(1, m.actions)),
      clientToServer: Math.round(m.bytesOut / Math.max(1, m.actions)),
    },
    serverCpuCores: { mean: round(r.server.cpuMean, 2), max: round(r.server.cpuMax, 2) },
    serverCpuMsPerAction: round((r.server.cpuMean * 1000 * r.elapsed) / Math.max(1, m.actions), 3),
    serverRssMb: Math.round(r.server.rssMax),
    generatorCpuCores: round(r.genCpu, 2),
    rejected: Object.fromEntries(m.rejected),
    errors: m.errors.length,
    /** 1-minute load average at the end: other work on the machine competes for the same cores. */
    loadAverage: round(loadavg()[0]!, 2),
  };
  if (args.json) console.log(JSON.stringify(out));
  else
    console.log(
      Object.entries(out)
        .map(([k, v]) => `${k.padEnd(18)} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
        .join('\n'),
    );
  if (m.errors.length > 0) console.error(m.errors.slice(0, 5).join('\n'));
}

const round = (x: number, digits = 1): number => +x.toFixed(digits);

await main();
process.exit(0);
