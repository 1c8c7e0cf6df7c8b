/**
 * Budgets of the public endpoints, kept by rate-limiter-flexible. Per address, the buckets live in
 * memory for one process and in Redis when REDIS_URL is set, so N processes do not multiply the
 * limits (an in-memory insurance limiter takes over while Redis is unreachable). The CPU budget of
 * the whole process (`processCpuMs`) is always in memory: it protects this process's event loop.
 *
 * Contracts:
 * - `take` takes points now and answers 0, or the whole seconds (≥ 1) until they are back.
 * - `wait` takes nothing and answers 0 while the bucket has a point left.
 * - `charge` takes points after the fact (CPU milliseconds spent) and never refuses.
 */
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface Budget {
  points: number;
  seconds: number;
}

export const DEFAULT_BUDGETS = {
  /** Every matchmaking call (create, joinById, reconnect): a class of 250 behind one NAT fits. */
  matchmake: { points: 600, seconds: 60 },
  /** Unknown codes and failed reconnections: 60 a minute walks 10^6 codes in ~11 days. */
  badCode: { points: 60, seconds: 60 },
  /** Rooms created: a teacher makes one class, a class of teams ~40 team rooms. */
  create: { points: 60, seconds: 60 },
  /** /api requests (cheap ones included). */
  api: { points: 300, seconds: 60 },
  /** Milliseconds of expensive work (verify, challenge replay or puzzle, QR) per address. */
  cpuMs: { points: 3000, seconds: 60 },
  /**
   * Milliseconds of expensive work per 10 s for the whole process (a fifth of one core). A window
   * of several seconds absorbs one slow job (generating the day's puzzle) without closing the door.
   */
  processCpuMs: { points: 2000, seconds: 10 },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof DEFAULT_BUDGETS;
export type Budgets = Partial<Record<BudgetName, Budget>>;

export class Limits {
  private readonly limiters: Record<BudgetName, RateLimiterAbstract>;
  private readonly redis: Redis | null;

  constructor(budgets: Budgets = {}, redisUrl?: string) {
    // Commands wait for the connection (so the first requests after start are counted in Redis);
    // a command that fails once goes to the insurance limiter instead of stalling the request.
    this.redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1 }) : null;
    const all = { ...DEFAULT_BUDGETS, ...budgets };
    const make = (name: BudgetName, shared: boolean): RateLimiterAbstract => {
      const opts = {
        points: all[name].points,
        duration: all[name].seconds,
        keyPrefix: `hh-${name}`,
      };
      const memory = new RateLimiterMemory(opts);
      if (!shared || this.redis === null) return memory;
      return new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: memory });
    };
    this.limiters = {
      matchmake: make('matchmake', true),
      badCode: make('badCode', true),
      create: make('create', true),
      api: make('api', true),
      cpuMs: make('cpuMs', true),
      processCpuMs: make('processCpuMs', false),
    };
  }

  async take(name: BudgetName, key: string, points = 1): Promise<number> {
    try {
      await this.limiters[name].consume(key, points);
      return 0;
    } catch (refused) {
      return secondsOf(refused);
    }
  }

  async wait(name: BudgetName, key: string): Promise<number> {
    const limiter = this.limiters[name];
    const got = await limiter.get(key).catch(() => null);
    if (got === null || got.consumedPoints < limiter.points) return 0;
    return Math.max(1, Math.ceil(got.msBeforeNext / 1000));
  }

  async charge(name: BudgetName, key: string, points: number): Promise<void> {
    await this.limiters[name].penalty(key, Math.max(1, Math.round(points))).catch(() => undefined);
  }

  close(): void {
    this.redis?.disconnect();
  }
}

function secondsOf(refused: unknown): number {
  if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
  return 1; // the store failed and the insurance limiter too: refuse rather than run unbounded
}
