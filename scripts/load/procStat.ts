/**
 * CPU and memory of one process from /proc (Linux): utime + stime ticks and resident set size.
 * `sampler(pid)` returns a function giving the CPU share (1.0 = one core) since its last call.
 */
import { readFileSync } from 'node:fs';

const CLK_TCK = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64/arm64
const PAGE = 4096;

export interface ProcSample {
  /** Cores used since the previous sample (1.0 = one full core). */
  cpu: number;
  rssMb: number;
}

function ticksAndRss(pid: number): { ticks: number; rssMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime=14, stime=15, rss=24 (1-based).
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    const rss = Number(rest[21]);
    return { ticks: utime + stime, rssMb: (rss * PAGE) / 1024 / 1024 };
  } catch {
    return null;
  }
}

export function sampler(pid: number): () => ProcSample | null {
  let last = ticksAndRss(pid);
  let at = performance.now();
  return () => {
    const now = ticksAndRss(pid);
    const t = performance.now();
    if (now === null || last === null) return null;
    const cpu = (now.ticks - last.ticks) / CLK_TCK / ((t - at) / 1000);
    last = now;
    at = t;
    return { cpu, rssMb: now.rssMb };
  };
}

/** Number of CPUs and the model name, to describe the machine in the report. */
export function machine(): { cpus: number; model: string; memGb: number } {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? 'unknown CPU';
  const cpus = (info.match(/^processor\s*:/gm) ?? []).length;
  const mem = /MemTotal:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return { cpus, model, memGb: mem ? Math.round(Number(mem) / 1024 / 1024) : 0 };
}
