/**
 * Express middleware spending the budgets of limits.ts, keyed by the TCP peer address.
 *
 * - `requestBudget`: one point of `api` per request (429 `rate/limited` when empty).
 * - `cpuBudget`: for work that costs milliseconds of CPU (replaying moves, generating a puzzle,
 *   drawing a QR code). Its cost is CPU time of the thread that did it (threadCpuMs). It starts only while the caller's `cpuMs` budget and the process's
 *   `processCpuMs` budget are not spent (429 / 503 otherwise), and the time it took is charged to
 *   both afterwards. Each single job is already bounded by the size caps of its input, so the
 *   budgets bound what one address, or all addresses together, can take from the event loop that
 *   also serves every class's moves. At most MAX_IN_FLIGHT such jobs run at once (a parallel burst
 *   would otherwise pass the budget check before the first job is charged).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Limits } from './limits.ts';

const peerOf = (req: Request): string => req.socket.remoteAddress ?? 'unknown';

const RATE_LIMITED = 'rate/limited';
const BUSY = 'server/busy';

function refuse(res: Response, status: number, code: string, seconds: number): void {
  res.setHeader('Retry-After', String(seconds));
  const message =
    status === 503
      ? `The server is busy; try again in ${seconds} s.`
      : `Too many requests from this network; try again in ${seconds} s.`;
  res.status(status).json({ error: { code, message } });
}

export function requestBudget(limits: Limits): RequestHandler {
  return (req, res, next) => {
    limits.take('api', peerOf(req)).then((wait) => {
      if (wait > 0) refuse(res, 429, RATE_LIMITED, wait);
      else next();
    }, next);
  };
}

const PROCESS_KEY = 'process';

/**
 * CPU milliseconds this thread has used (process.threadCpuUsage, Node ≥ 23.9): unlike wall time,
 * not inflated when other processes load the machine.
 */
export function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : performance.now();
}

/** `res.locals` key where a handler reports the CPU time its job took (else wall time is charged). */
export const CPU_MS = 'cpuMs';

/** Expensive jobs running at once: per process, and per address. */
const MAX_IN_FLIGHT = { process: 2, peer: 1 } as const;

export function cpuBudget(limits: Limits): RequestHandler {
  const inFlight = new Map<string, number>();
  let total = 0;
  return (req, res, next) => {
    const peer = peerOf(req);
    if (total >= MAX_IN_FLIGHT.process) return refuse(res, 503, BUSY, 1);
    if ((inFlight.get(peer) ?? 0) >= MAX_IN_FLIGHT.peer) return refuse(res, 429, RATE_LIMITED, 1);
    total++;
    inFlight.set(peer, (inFlight.get(peer) ?? 0) + 1);
    let done = false;
    const release = (): void => {
      if (done) return;
      done = true;
      total--;
      const left = (inFlight.get(peer) ?? 1) - 1;
      if (left > 0) inFlight.set(peer, left);
      else inFlight.delete(peer);
    };
    res.once('close', release);
    Promise.all([limits.wait('cpuMs', peer), limits.wait('processCpuMs', PROCESS_KEY)]).then(
      ([mine, all]) => {
        if (mine > 0) return refuse(res, 429, RATE_LIMITED, mine);
        if (all > 0) return refuse(res, 503, BUSY, all);
        res.once('finish', release);
        const started = threadCpuMs();
        res.once('finish', () => {
          const measured: unknown = res.locals[CPU_MS];
          const ms = typeof measured === 'number' ? measured : threadCpuMs() - started;
          void limits.charge('cpuMs', peer, ms);
          void limits.charge('processCpuMs', PROCESS_KEY, ms);
        });
        next();
      },
      next,
    );
  };
}
