/** Round clock arithmetic. Pure: `now` is always passed in (ms). */
import type { RoundClock } from './types.ts';

/** Active (unpaused) time the round has run at `now`. */
export function activeMs(clock: RoundClock, now: number): number {
  const until = clock.endedAt ?? clock.pausedAt ?? now;
  return Math.max(0, until - clock.startedAt - clock.pausedMs);
}

/** Milliseconds left at `now`; null when untimed. Never negative. */
export function remainingMs(clock: RoundClock, now: number): number | null {
  if (clock.limitMs === null) return null;
  return Math.max(0, clock.limitMs - activeMs(clock, now));
}

/** Wall-clock time at which a running timed round runs out; null when untimed or paused. */
export function deadlineOf(clock: RoundClock, now: number): number | null {
  const left = remainingMs(clock, now);
  if (left === null || clock.pausedAt !== null || clock.endedAt !== null) return null;
  return now + left;
}

export function startClock(index: number, now: number, seconds: number | null): RoundClock {
  return {
    index,
    startedAt: now,
    limitMs: seconds === null ? null : seconds * 1000,
    pausedAt: null,
    pausedMs: 0,
    endedAt: null,
  };
}

export const pauseClock = (c: RoundClock, now: number): RoundClock => ({ ...c, pausedAt: now });

export function resumeClock(c: RoundClock, now: number): RoundClock {
  if (c.pausedAt === null) return c;
  return { ...c, pausedAt: null, pausedMs: c.pausedMs + (now - c.pausedAt) };
}

export function extendClock(c: RoundClock, seconds: number): RoundClock {
  return c.limitMs === null ? c : { ...c, limitMs: c.limitMs + seconds * 1000 };
}

/** Ends the round; a paused round ends at the moment it was paused (active time stops there). */
export function endClock(c: RoundClock, now: number): RoundClock {
  const resumed = resumeClock(c, c.pausedAt ?? now);
  return { ...resumed, endedAt: c.pausedAt ?? now };
}
