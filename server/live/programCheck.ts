/**
 * Checks a teacher's program for a program round off the room's event loop: the teaching VM runs
 * it on a worker thread (programWorker.ts) with a time and a memory limit, so an endless loop or
 * a huge allocation costs at most CHECK_MS of one thread and never stalls the classes' moves.
 * One worker per check (checks are rare: a teacher adding a round), terminated when done. A
 * predict question's replay is recorded the same way, once per question. The
 * time limit counts from when the worker has loaded the VM (loading takes seconds on a busy
 * machine), with LOAD_MS more as a bound on the whole.
 */
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/engine/result.ts';
import {
  LIVE_ERRORS,
  type LiveError,
  type ProgramItem,
  type Replay,
} from '../../shared/live/index.ts';

const CHECK_MS = 3000;
const LOAD_MS = 20_000;
const HEAP_MB = 128;

export type ProgramCheck = (source: string) => Promise<Result<ProgramItem, LiveError>>;

const refused = (message: string): { ok: false; error: LiveError } => ({
  ok: false,
  error: { code: LIVE_ERRORS.programRefused, message },
});

/** Runs one job on a fresh worker; `failed` says why when it overruns, crashes or exits. */
function onWorker<T>(job: object, failed: (why: 'time' | 'memory' | 'exit') => T): Promise<T> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./programWorker.ts', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    const finish = (r: T): void => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    let timer = setTimeout(() => finish(failed('time')), LOAD_MS + CHECK_MS);
    worker.on('message', (m: 'loaded' | T) => {
      if (m !== 'loaded') return finish(m);
      clearTimeout(timer);
      timer = setTimeout(() => finish(failed('time')), CHECK_MS);
    });
    worker.once('error', () => finish(failed('memory')));
    worker.once('exit', () => finish(failed('exit')));
  });
}

const WHY = {
  time: `It runs too long (more than ${CHECK_MS / 1000} s on the server).`,
  memory: 'It needs more memory than a round may use.',
  exit: 'The check stopped before it finished.',
} as const;

export const checkProgramOffThread: ProgramCheck = (source) =>
  onWorker({ check: source }, (why) => refused(WHY[why]));

/** Each question's replay, recorded once per process (the first reveal that needs it). */
const questionReplays = new Map<string, Promise<Replay | null>>();

/** A predict question's replay, recorded off the event loop (the VM's first run costs ~0.3 s). */
export function questionReplayOffThread(id: string): Promise<Replay | null> {
  let replay = questionReplays.get(id);
  if (!replay) {
    replay = onWorker<Replay | null>({ question: id }, () => null);
    questionReplays.set(id, replay);
  }
  return replay;
}
