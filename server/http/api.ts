/**
 * JSON API under /api, plus /healthz. Bodies are validated with the protocol's zod schemas; every
 * client mistake is a 4xx `{ error: { code, message } }`, never a 500 with a stack trace.
 */
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { ApiError, HealthResponse, VerifyResponse } from '../../shared/protocol.ts';
import { VerifyRequest } from '../../shared/protocol.ts';
import type { Rules } from '../game/rules.ts';
import { verifyMoves } from '../game/verify.ts';
import type { VerifyFn } from './verifyPool.ts';
import { CPU_MS, threadCpuMs } from './budget.ts';

export interface ApiDeps {
  rules: Rules;
  /** Runs a replay (verifyPool.ts: off the event loop); default: inline with `rules`. */
  verify?: VerifyFn;
}

const fail = (res: Response, status: number, error: ApiError['error']): void => {
  res.status(status).json({ error } satisfies ApiError);
};

export function healthHandler(_req: Request, res: Response): void {
  res.json({ ok: true } satisfies HealthResponse);
}

export function createApiRouter(deps: ApiDeps): express.Router {
  const api = express.Router();
  // 64 KB holds 500 moves of 100 characters; anything bigger is not a game.
  api.use(express.json({ limit: '64kb' }));

  const verify: VerifyFn =
    deps.verify ??
    ((puzzleId, moves) => {
      const started = threadCpuMs();
      const outcome = verifyMoves(deps.rules, puzzleId, moves);
      return Promise.resolve({ outcome, ms: threadCpuMs() - started });
    });
  api.post('/verify', async (req, res) => {
    const parsed = VerifyRequest.safeParse(req.body);
    if (!parsed.success)
      return fail(res, 400, {
        code: 'request/invalid',
        message: parsed.error.issues[0]?.message ?? 'invalid body',
      });
    const { outcome, ms } = await verify(parsed.data.puzzleId, parsed.data.moves);
    res.locals[CPU_MS] = ms; // the replay's own time, not the wait in the worker's queue
    if (!outcome.ok) {
      const status = outcome.code === 'puzzle/unknown' ? 404 : 422;
      return fail(res, status, {
        code: outcome.code,
        message: outcome.message,
        moveIndex: outcome.moveIndex,
      });
    }
    res.json({ result: outcome.result } satisfies VerifyResponse);
  });

  api.use((_req, res) =>
    fail(res, 404, { code: 'request/not_found', message: 'No such API route.' }),
  );
  api.use(apiErrorHandler);
  return api;
}

/** Malformed JSON and oversized bodies are the client's fault (4xx); anything else is logged. */
const apiErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const status =
    typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  if (status >= 400 && status < 500)
    return fail(res, status, { code: 'request/malformed', message: 'Malformed request body.' });
  console.error('[api]', err);
  fail(res, 500, { code: 'server/error', message: 'Internal error.' });
};
