/**
 * /api/challenges: today's challenges, one challenge, submissions (replay-verified, rate-limited
 * per IP and per device token) and leaderboards. Bodies and queries are validated with the zod
 * schemas of shared/challenges/api.ts; errors are `{ error: { code, message, moveIndex? } }`.
 */
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { ApiError } from '../../shared/protocol.ts';
import type { TodayResponse } from '../../shared/challenges/api.ts';
import { CHALLENGE_ERRORS, LeaderboardQuery, SubmitRequest } from '../../shared/challenges/api.ts';
import { challengeById } from '../../shared/challenges/catalog.ts';
import { currentChallengeIds } from '../../shared/challenges/ids.ts';
import type { Store } from '../store/Store.ts';
import type { BucketLimit } from './rateLimit.ts';
import { TokenBuckets } from './rateLimit.ts';
import {
  deviceHash,
  isFailure,
  leaderboard,
  openedChallenge,
  submit,
  viewOf,
  type Failure,
} from './service.ts';

export interface ChallengeOptions {
  /** The clock (ms since the epoch); tests pin it. Default Date.now. */
  now?: () => number;
  /** Submission limits. Default: per IP 30 then 1/s; per device 6 then 1 per 10 s. */
  limits?: { perIp?: BucketLimit; perDevice?: BucketLimit };
}

const DEFAULT_LIMITS = {
  perIp: { capacity: 30, perSecond: 1 },
  perDevice: { capacity: 6, perSecond: 0.1 },
} as const;

const fail = (res: Response, f: Omit<Failure, 'status'> & { status: number }): void => {
  const { status, ...error } = f;
  res.status(status).json({ error } satisfies ApiError);
};

const invalid = (
  res: Response,
  issue: { message: string; path: PropertyKey[] } | undefined,
): void =>
  fail(res, {
    status: 400,
    code: 'request/invalid',
    message: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid request',
  });

function limited(res: Response, retryAfter: number): void {
  res.setHeader('Retry-After', String(retryAfter));
  fail(res, {
    status: 429,
    code: CHALLENGE_ERRORS.rateLimited,
    message: `Too many submissions; try again in ${retryAfter} s.`,
  });
}

export function createChallengeRouter(
  store: Store,
  options: ChallengeOptions = {},
): express.Router {
  const now = options.now ?? Date.now;
  const perIp = new TokenBuckets(options.limits?.perIp ?? DEFAULT_LIMITS.perIp);
  const perDevice = new TokenBuckets(options.limits?.perDevice ?? DEFAULT_LIMITS.perDevice);
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/today', (_req, res) => {
    const t = now();
    const ids = currentChallengeIds(t);
    res.json({
      now: t,
      daily: viewOf(challengeById(ids.daily)!),
      weekly: viewOf(challengeById(ids.weekly)!),
    } satisfies TodayResponse);
  });

  router.get('/:id', (req: Request<{ id: string }>, res) => {
    const c = openedChallenge(req.params.id, now());
    if (isFailure(c)) return fail(res, c);
    res.json(viewOf(c));
  });

  router.post('/:id/submit', async (req: Request<{ id: string }>, res) => {
    const t = now();
    const ipWait = perIp.take(req.ip ?? 'unknown', t);
    if (ipWait > 0) return limited(res, ipWait);
    const parsed = SubmitRequest.safeParse(req.body);
    if (!parsed.success) return invalid(res, parsed.error.issues[0]);
    const deviceWait = perDevice.take(deviceHash(parsed.data.deviceToken), t);
    if (deviceWait > 0) return limited(res, deviceWait);
    const out = await submit(store, req.params.id, parsed.data, t);
    if (isFailure(out)) return fail(res, out);
    res.json(out);
  });

  router.get('/:id/leaderboard', async (req: Request<{ id: string }>, res) => {
    const parsed = LeaderboardQuery.safeParse(req.query);
    if (!parsed.success) return invalid(res, parsed.error.issues[0]);
    const out = await leaderboard(store, req.params.id, parsed.data, now());
    if (isFailure(out)) return fail(res, out);
    res.json(out);
  });

  router.use(errorHandler);
  return router;
}

/** Malformed JSON and oversized bodies are the client's fault (4xx); anything else is logged. */
const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  const status =
    typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
  if (status >= 400 && status < 500)
    return fail(res, { status, code: 'request/malformed', message: 'Malformed request body.' });
  console.error('[challenges]', err);
  fail(res, { status: 500, code: 'server/error', message: 'Internal error.' });
};
