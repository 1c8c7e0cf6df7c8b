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
 * - `blocked` answers, from memory and without I/O, whether an address was refused by a request
 *   budget (`matchmake`, `api`) in this process and for how many more seconds: the front door
 *   then refuses its requests before any parsing, so a flood costs as little as possible.
 */
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

interface Budget {
  points: number;
  seconds: number;
}

const DEFAULT_BUDGETS = {
  /** Every matchmaking call (create, joinById, reconnect): a school's classes behind one NAT fit. */
  matchmake: { points: 1200, seconds: 60 },
  /** Unknown codes and failed reconnections: 60 a minute walks 10^6 codes in ~11 days. */
  badCode: { points: 60, seconds: 60 },
  /** Rooms created: a teacher makes one class, a class of teams ~40 team rooms. */
  create: { points: 60, seconds: 60 },
  /** /api requests (cheap ones included). */
  api: { points: 300, seconds: 60 },
  /**
   * Milliseconds of expensive work (verify, challenge replay or puzzle, QR) per address, counted
   * as wall time: 10 s a minute lets a class behind one NAT verify its solo games together.
   */
  cpuMs: { points: 10_000, seconds: 60 },
  /**
   * Milliseconds of expensive work per 10 s for the whole process (a fifth of one core). A window
   * of several seconds absorbs one slow job (generating the day's puzzle) without closing the door.
   */
  processCpuMs: { points: 2000, seconds: 10 },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof DEFAULT_BUDGETS;
export type Budgets = Partial<Record<BudgetName, Budget>>;

/** Budgets whose refusal blocks the address at the front door until they refill. */
const FLOOD_BUDGETS: ReadonlySet<BudgetName> = new Set(['matchmake', 'api']);
const MAX_BLOCKED = 10_000;
/** Requests refused while blocked after which an address's connections are dropped. */
const FLOOD_DROP = 100;

export class Limits {
  private readonly limiters: Record<BudgetName, RateLimiterAbstract>;
  private readonly redis: Redis | null;
  private readonly blockedUntil = new Map<string, { until: number; refused: number }>();

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
      const seconds = secondsOf(refused);
      if (FLOOD_BUDGETS.has(name)) this.block(key, seconds);
      return seconds;
    }
  }

  /** Seconds `key` stays blocked (0: not blocked); counts the request as refused. */
  blocked(key: string, now = Date.now()): number {
    const entry = this.blockedUntil.get(key);
    if (entry === undefined) return 0;
    if (entry.until <= now) {
      this.blockedUntil.delete(key);
      return 0;
    }
    entry.refused++;
    return Math.ceil((entry.until - now) / 1000);
  }

  /**
   * Whether `key` kept sending while blocked (more than FLOOD_DROP refused requests): its new TCP
   * connections are then closed unanswered, which costs less than parsing a request to refuse it.
   * An address that merely went over a budget (a school behind one NAT) still gets its 429s.
   */
  flooding(key: string, now = Date.now()): boolean {
    const entry = this.blockedUntil.get(key);
    return entry !== undefined && entry.until > now && entry.refused > FLOOD_DROP;
  }

  private block(key: string, seconds: number): void {
    if (this.blockedUntil.size >= MAX_BLOCKED) this.blockedUntil.clear();
    const refused = this.blockedUntil.get(key)?.refused ?? 0;
    this.blockedUntil.set(key, { until: Date.now() + seconds * 1000, refused });
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
