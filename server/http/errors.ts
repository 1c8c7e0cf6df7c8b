/**
 * The last Express error handler: whatever reached it (a malformed `%` escape in a path, a body
 * parser's refusal, a bug) is answered as JSON `{ error: { code, message } }` without a stack
 * trace or a file path. Client mistakes (4xx) are not logged; anything else is, once.
 */
import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '../../shared/protocol.ts';

export const jsonErrors: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const status =
    typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  if (res.headersSent) return void res.end();
  if (status >= 400 && status < 500) {
    res.status(status).json({
      error: { code: 'request/malformed', message: 'Malformed request.' },
    } satisfies ApiError);
    return;
  }
  console.error('[http]', err instanceof Error ? err.message : err);
  res
    .status(500)
    .json({ error: { code: 'server/error', message: 'Internal error.' } } satisfies ApiError);
};
