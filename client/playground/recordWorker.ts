/**
 * Records a run off the page's thread (trace.ts), so the page stays responsive while a long
 * program runs and an endless loop can be stopped by terminating the worker.
 * Message in: the program's source; message out: its Trace (plain data).
 */
import { recordTrace } from '../../shared/python/vm/trace.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<string>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (e) => scope.postMessage(recordTrace(e.data));
