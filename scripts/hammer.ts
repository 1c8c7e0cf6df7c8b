/**
 * Abuse benchmark (issue 14): `npm run -s hammer -- [--seconds 20] [--students 6] [--root DIR]`
 *
 * Starts the server as a child process (node server/index.ts from --root, default this checkout,
 * on 127.0.0.1, temp DATA_DIR), opens one class whose students play real statements (load/bot.ts,
 * 2 actions a second each) and measures move → `applied` latency twice: idle, then while a second
 * child process (this script with --attack) hammers every public endpoint from one address
 * (127.0.0.66, 16 requests in flight): 500-move /api/verify replays, challenge ids of random past
 * dates, QR codes of random codes, rooms created, unknown codes, reconnect probes, join by name,
 * oversized bodies. Prints both phases' p50/p99/max, the server process's CPU (from /proc), the
 * attacker's replies by status, and loadavg. `--only 0,3` limits the attack to some SHOTS.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@colyseus/sdk';
import { campaignPuzzle } from '../shared/puzzles/campaign/index.ts';
import { Bot, newMetrics, type LoadMetrics } from './load/bot.ts';
import { sampler } from './load/procStat.ts';
import { startServer } from './load/server.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    students: { type: 'string', default: '6' },
    root: { type: 'string', default: '.' },
    attack: { type: 'string' },
    /** Comma-separated indexes into SHOTS (default: all). */
    only: { type: 'string' },
  },
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ATTACKER = '127.0.0.66';
const IN_FLIGHT = 16;

function post(url: string, path: string, body: string, type = 'application/json'): Promise<number> {
  return new Promise((done) => {
    const req = request(
      `${url}${path}`,
      {
        method: 'POST',
        localAddress: ATTACKER,
        headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', () => done(-1));
    req.end(body);
  });
}

function get(url: string, path: string): Promise<number> {
  return new Promise((done) => {
    const req = request(`${url}${path}`, { localAddress: ATTACKER }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', () => done(-1));
    req.end();
  });
}

const rnd = (n: number): number => Math.floor(Math.random() * n);
const code = (): string => String(rnd(1_000_000)).padStart(6, '0');
const pastDay = (): string =>
  new Date(Date.UTC(2000 + rnd(26), rnd(12), 1 + rnd(28))).toISOString().slice(0, 10);
const verifyBody = JSON.stringify({
  puzzleId: 'holding-hands',
  moves: Array.from({ length: 500 }, () => 'gc.collect()'),
});

/** Every public endpoint, one request each. */
const SHOTS: ((url: string) => Promise<number>)[] = [
  (u) => post(u, '/api/verify', verifyBody),
  (u) => get(u, `/api/challenges/daily-${pastDay()}`),
  (u) => get(u, `/api/live/join/${code()}`),
  (u) => get(u, `/api/live/join/${code()}/qr.svg`),
  (u) => post(u, '/matchmake/create/team', '{}'),
  (u) => post(u, `/matchmake/joinById/${code()}`, '{"nickname":"Probe"}'),
  (u) => post(u, `/matchmake/reconnect/${code()}`, '{"reconnectionToken":"a:b"}'),
  (u) => post(u, '/matchmake/join/classroom', '{}'),
  (u) => post(u, '/matchmake/joinOrCreate/classroom', '{}'),
  (u) => post(u, '/matchmake/create/classroom', 'x'.repeat(256 * 1024)),
  (u) =>
    post(
      u,
      `/api/challenges/daily-${pastDay()}/submit`,
      JSON.stringify({
        nickname: 'Probe',
        deviceToken: `d${rnd(1e9)}`.padEnd(20, 'x'),
        moves: ['gc.collect()'],
      }),
    ),
  (u) => get(u, '/api/challenges/today'),
];

async function attack(url: string): Promise<void> {
  const shots = args.only ? args.only.split(',').map((i) => SHOTS[Number(i)]!) : SHOTS;
  const statuses = new Map<number, number>();
  let stop = false;
  process.on('SIGTERM', () => (stop = true));
  const worker = async (): Promise<void> => {
    while (!stop) {
      const status = await shots[rnd(shots.length)]!(url);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  process.stdout.write(JSON.stringify(Object.fromEntries(statuses)));
}

function phase(m: LoadMetrics): string {
  const r = (x: number): string => x.toFixed(1);
  const a = m.applied;
  return `n ${a.count}, p50 ${r(a.percentile(50))} ms, p99 ${r(a.percentile(99))} ms, max ${r(a.max())} ms`;
}

async function main(): Promise<void> {
  const seconds = Math.min(120, Number(args.seconds));
  const puzzle = campaignPuzzle('the-big-hunt')!;
  const server = await startServer({ root: args.root });
  let metrics = newMetrics();
  const bots: Bot[] = [];
  let host: Awaited<ReturnType<Client['create']>> | null = null;
  try {
    host = await new Client(server.url).create('classroom', { puzzleId: puzzle.id });
    host.onMessage('*', () => undefined);
    for (let i = 0; i < Number(args.students); i++)
      bots.push(
        await Bot.join(
          server.url,
          host.roomId,
          `Student ${i + 1}`,
          puzzle.solution,
          false,
          () => metrics,
        ),
      );
    host.send('liveHost', { cmd: 'setSet', set: { source: 'items', ids: [puzzle.id] } });
    host.send('liveHost', { cmd: 'start' });
    await sleep(1000);
    bots.forEach((b) => b.start(500));
    await sleep(2000);
    const cpu = sampler(server.child.pid!);
    metrics = newMetrics();
    cpu();
    const load0 = loadavg()[0]!;
    await sleep(seconds * 1000);
    const idle = metrics;
    const idleCpu = cpu()?.cpu ?? NaN;
    const idleLoad = loadavg()[0]!;
    const attacker = spawn(
      process.execPath,
      [
        new URL(import.meta.url).pathname,
        '--attack',
        server.url,
        ...(args.only ? ['--only', args.only] : []),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let replies = '';
    attacker.stdout!.on('data', (d: Buffer) => (replies += d.toString()));
    await sleep(2000);
    metrics = newMetrics();
    cpu();
    await sleep(seconds * 1000);
    const hammered = metrics;
    const hammerCpu = cpu()?.cpu ?? NaN;
    const hammerLoad = loadavg()[0]!;
    attacker.kill('SIGTERM');
    await new Promise((r) => attacker.once('exit', r));
    bots.forEach((b) => b.stop());
    console.log(
      `server: ${resolve(args.root)}; ${bots.length} students × 2 actions/s; ${seconds} s per phase`,
    );
    const pct = (x: number): string => `${(x * 100).toFixed(0)} % of a core`;
    console.log(
      `idle      ${phase(idle)}; server CPU ${pct(idleCpu)} (loadavg ${load0.toFixed(2)} → ${idleLoad.toFixed(2)})`,
    );
    console.log(
      `hammered  ${phase(hammered)}; server CPU ${pct(hammerCpu)} (loadavg ${hammerLoad.toFixed(2)})`,
    );
    console.log(`attacker replies by status: ${replies}`);
  } finally {
    await Promise.all(
      [host, ...bots.map((b) => b.room)].map((r) => r?.leave(true).catch(() => undefined)),
    );
    await server.stop();
  }
}

if (args.attack) await attack(args.attack);
else await main();
