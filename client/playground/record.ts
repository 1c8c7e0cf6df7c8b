/**
 * Runs the recorder in a worker with a time limit: a program still running after LIMIT_MS is
 * stopped (the worker is terminated) and reported as such. Where workers are unavailable the
 * recording runs on the page's thread (no limit possible there).
 */
import type { Trace } from '../../shared/python/vm/snapshot.ts';
import { recordTrace } from '../../shared/python/vm/trace.ts';

const LIMIT_MS = 20_000;

export type Recording = { ok: true; trace: Trace } | { ok: false; reason: 'timeout' | 'failed' };

/** Starts a recording; `cancel` stops it (its promise then never settles). */
export function record(source: string): { done: Promise<Recording>; cancel: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./recordWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return { done: Promise.resolve({ ok: true, trace: recordTrace(source) }), cancel: () => {} };
  }
  let timer = 0;
  const done = new Promise<Recording>((resolve) => {
    const finish = (r: Recording): void => {
      window.clearTimeout(timer);
      worker.terminate();
      resolve(r);
    };
    timer = window.setTimeout(() => finish({ ok: false, reason: 'timeout' }), LIMIT_MS);
    worker.onmessage = (e: MessageEvent<Trace>) => finish({ ok: true, trace: e.data });
    worker.onerror = () => finish({ ok: false, reason: 'failed' });
    worker.postMessage(source);
  });
  return {
    done,
    cancel: () => {
      window.clearTimeout(timer);
      worker.terminate();
    },
  };
}
