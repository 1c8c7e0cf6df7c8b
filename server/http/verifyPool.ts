/**
 * `/api/verify` replays on a worker thread, so a long replay (500 moves of `gc.collect()` take
 * hundreds of ms) never stalls the event loop that answers every class's moves. One worker; jobs
 * queue in it (http/budget.ts bounds how many are admitted). The worker knows only the default
 * rules: a server built with other rules (tests) verifies inline.
 */
import { Worker } from 'node:worker_threads';
import type { VerifyOutcome } from '../game/verify.ts';

/** A replay's outcome and the milliseconds the replay itself took (charged to the CPU budget). */
export interface Verified {
  outcome: VerifyOutcome;
  ms: number;
}

export type VerifyFn = (puzzleId: string, moves: string[]) => Promise<Verified>;

export class VerifyPool {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (verified: Verified | Error) => void>();

  readonly verify: VerifyFn = (puzzleId, moves) =>
    new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, (out) => (out instanceof Error ? reject(out) : resolve(out)));
      this.started().postMessage({ id, puzzleId, moves });
    });

  /** Starts the worker now, so the first request does not wait for it to load. */
  warm(): this {
    this.started();
    return this;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(new URL('./verifyWorker.ts', import.meta.url));
    worker.unref();
    worker.on('message', (m: { id: number } & Verified) => {
      this.pending.get(m.id)?.({ outcome: m.outcome, ms: m.ms });
      this.pending.delete(m.id);
    });
    const fail = (e: Error): void => {
      if (this.worker === worker) this.worker = null; // the next job starts a fresh worker
      this.pending.forEach((settle) => settle(e));
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('verify worker exited')));
    this.worker = worker;
    return worker;
  }
}
