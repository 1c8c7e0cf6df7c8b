/**
 * Checks a teacher's program for a program round off the room's event loop: the teaching VM runs
 * it on a worker thread (programWorker.ts) with a time and a memory limit, so an endless loop or
 * a huge allocation costs at most CHECK_MS of one thread and never stalls the classes' moves.
 * One worker per check (checks are rare: a teacher adding a round), terminated when done. The
 * time limit counts from when the worker has loaded the VM (loading takes seconds on a busy
 * machine), with LOAD_MS more as a bound on the whole.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/engine/result.ts';
import { LIVE_ERRORS, type LiveError, type ProgramItem } from '../../shared/live/index.ts';

const CHECK_MS = 3000;
const LOAD_MS = 20_000;
const HEAP_MB = 128;

export type ProgramCheck = (source: string) => Promise<Result<ProgramItem, LiveError>>;

const refused = (message: string): { ok: false; error: LiveError } => ({
  ok: false,
  error: { code: LIVE_ERRORS.programRefused, message },
});

export const checkProgramOffThread: ProgramCheck = (source) =>
  new Promise((resolve) => {
    const worker = new Worker(new URL('./programWorker.ts', import.meta.url), {
      workerData: source,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    const finish = (r: Result<ProgramItem, LiveError>): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const tooLong = (): void =>
      finish(refused(`It runs too long (more than ${CHECK_MS / 1000} s on the server).`));
    let timer = setTimeout(tooLong, LOAD_MS + CHECK_MS);
    worker.on('message', (m: 'loaded' | Result<ProgramItem, LiveError>) => {
      if (m !== 'loaded') return finish(m);
      clearTimeout(timer);
      timer = setTimeout(tooLong, CHECK_MS);
    });
    worker.once('error', () => finish(refused('It needs more memory than a round may use.')));
    worker.once('exit', () => finish(refused('The check stopped before it finished.')));
  });
