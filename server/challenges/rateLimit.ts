/**
 * In-memory token buckets keyed by a string (device hash, IP address). Each key holds up to
 * `capacity` tokens and regains `perSecond` of them every second; a request takes one token or is
 * refused with the seconds until one is back. Per process: with several processes (issue 10) each
 * keeps its own buckets, so the effective limit is multiplied by the process count.
 */

export interface BucketLimit {
  capacity: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Above this many keys, full buckets (idle long enough to refill) are dropped. */
const PRUNE_AT = 10_000;

export class TokenBuckets {
  private readonly limit: BucketLimit;
  private readonly buckets = new Map<string, Bucket>();

  constructor(limit: BucketLimit) {
    this.limit = limit;
  }

  /** Takes a token for `key` at `now` (ms): 0 when granted, else whole seconds to wait (≥ 1). */
  take(key: string, now: number): number {
    const b = this.refilled(key, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.limit.perSecond));
  }

  /** Tokens `key` holds at `now` (ms), without taking one. */
  peek(key: string, now: number): number {
    const b = this.buckets.get(key);
    if (b === undefined) return this.limit.capacity;
    return Math.min(
      this.limit.capacity,
      b.tokens + (Math.max(0, now - b.at) / 1000) * this.limit.perSecond,
    );
  }

  private refilled(key: string, now: number): Bucket {
    const b = this.buckets.get(key) ?? { tokens: this.limit.capacity, at: now };
    b.tokens = Math.min(
      this.limit.capacity,
      b.tokens + (Math.max(0, now - b.at) / 1000) * this.limit.perSecond,
    );
    b.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= PRUNE_AT) this.prune();
      this.buckets.set(key, b);
    }
    return b;
  }

  private prune(): void {
    for (const [key, b] of this.buckets)
      if (b.tokens >= this.limit.capacity) this.buckets.delete(key);
  }
}
