/**
 * The logger Colyseus writes through. Colyseus logs the full stack of every malformed client
 * message (a failed zod check, a garbage frame) at error level, and a two-line notice at info level
 * for every failed reconnection, so any visitor could fill the server's log and stall its event
 * loop on stdout/stderr at will. This logger passes everything through but keeps at most `burst`
 * lines per level (info, warn, error) per `windowMs`; the rest are counted and summarised when a
 * later window opens ("… 812 more info lines suppressed"). Debug and trace pass (off by default).
 */
export interface QuietLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  trace(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

type Sink = Pick<Console, 'debug' | 'info' | 'trace' | 'warn' | 'error'>;

export function quietLogger(
  sink: Sink = console,
  burst = 20,
  windowMs = 60_000,
  now: () => number = Date.now,
): QuietLogger {
  const capped = (level: 'info' | 'warn' | 'error'): ((...a: unknown[]) => void) => {
    let windowStart = -Infinity;
    let shown = 0;
    let suppressed = 0;
    return (...a) => {
      const t = now();
      if (t - windowStart >= windowMs) {
        if (suppressed > 0)
          sink[level](
            `[colyseus] … ${suppressed} more ${level} lines suppressed in the last ${Math.round(windowMs / 1000)} s`,
          );
        windowStart = t;
        shown = 0;
        suppressed = 0;
      }
      if (shown < burst) {
        shown++;
        sink[level](...a);
      } else {
        suppressed++;
      }
    };
  };
  return {
    debug: (...a) => sink.debug(...a),
    trace: (...a) => sink.trace(...a),
    info: capped('info'),
    warn: capped('warn'),
    error: capped('error'),
  };
}
