/**
 * Differential harness for the value layer: each case is a Python expression and the same
 * computation done by shared/python/values; CPython evaluates all cases of a file in ONE
 * python3 process (test/tools/pyvalues.py).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PyError } from '../../../shared/python/values/errors.ts';
import { nextRandom, seedRng } from '../../../shared/engine/rng.ts';

const TOOL = join(import.meta.dirname, '..', '..', 'tools', 'pyvalues.py');

export interface Case {
  py: string;
  /** Our answer: a repr, or "!Type: message". */
  ours: () => string;
}

/** repr of every expression (or "!Type: message"), from one python3 process. */
function cpythonResults(exprs: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'heap-heroes-values-'));
  try {
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(exprs));
    const r = spawnSync('python3', [TOOL, join(dir, 'cases.json'), join(dir, 'out.json')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.status !== 0) throw new Error(`pyvalues.py failed: ${r.stderr}`);
    return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs ours, turning a PyError into the oracle's "!Type: message" form. */
function capture(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyError) return `!${e.pyType}: ${e.message}`;
    throw e;
  }
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Mismatches as readable lines (empty when all agree). */
export function compareAll(cases: Case[], seed: number): string[] {
  const expected = cpythonResults(cases.map((c) => c.py));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const ours = capture(c.ours);
    if (ours !== expected[i]) {
      bad.push(
        `seed ${seed}: ${clip(c.py)}\n  cpython: ${clip(expected[i] ?? '')}\n  ours:    ${clip(ours)}`,
      );
    }
  });
  return bad;
}

/** A small mutable wrapper over the engine's seeded PRNG. */
export class Rand {
  private state: number;
  constructor(seed: number) {
    this.state = seedRng(seed);
  }
  next(): number {
    const [v, s] = nextRandom(this.state);
    this.state = s;
    return v;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  bigBits(bits: number): bigint {
    let v = 0n;
    for (let i = 0; i < bits; i += 16) v = (v << 16n) | BigInt(this.int(65536));
    return v >> BigInt((16 - (bits % 16)) % 16);
  }
}

/** The seed of this run: $VALUES_SEED, else a fresh one (printed on failure). */
export function runSeed(): number {
  const fromEnv = process.env.VALUES_SEED;
  return fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
}
