/**
 * The logger Colyseus writes through. Colyseus logs the full stack of every malformed client
 * message (a failed zod check, a garbage frame) at error level, so any visitor could fill the
 * server's log and stall its event loop on stderr at will. This logger passes everything through
 * but keeps at most `burst` error lines per `windowMs`; the rest are counted and summarised by
 * the first error of a later window ("… 812 more errors suppressed").
 */
export interface QuietLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  trace(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function quietLogger(
  sink: Pick<Console, 'debug' | 'info' | 'trace' | 'warn' | 'error'> = console,
  burst = 20,
  windowMs = 60_000,
  now: () => number = Date.now,
): QuietLogger {
  let windowStart = -Infinity;
  let shown = 0;
  let suppressed = 0;
  const roll = (t: number): void => {
    if (t - windowStart < windowMs) return;
    if (suppressed > 0)
      sink.error(
        `[colyseus] … ${suppressed} more errors suppressed in the last ${Math.round(windowMs / 1000)} s`,
      );
    windowStart = t;
    shown = 0;
    suppressed = 0;
  };
  return {
    debug: (...a) => sink.debug(...a),
    info: (...a) => sink.info(...a),
    trace: (...a) => sink.trace(...a),
    warn: (...a) => sink.warn(...a),
    error: (...a) => {
      roll(now());
      if (shown < burst) {
        shown++;
        sink.error(...a);
      } else {
        suppressed++;
      }
    },
  };
}
