/**
 * Challenge ids and their validity windows.
 *
 * Ids: `daily-YYYY-MM-DD` (a UTC date) and `weekly-YYYY-Www` (an ISO week). A daily challenge
 * accepts submissions from 00:00 UTC of its date until 00:00 UTC two days later (its day plus a
 * grace day); a weekly one from Monday 00:00 UTC of its week until the Tuesday after it (its week
 * plus a grace day). Nothing here reads a clock: `now` is milliseconds since the epoch, passed in.
 */
import {
  civilFromDays,
  daysFromCivil,
  isoWeekOf,
  isoWeeksInYear,
  parseYmd,
} from '../puzzles/calendar.ts';

const DAY_MS = 86_400_000;
/** Days after the end of its period that a challenge still accepts submissions. */
const GRACE_DAYS = 1;

export type ChallengeKind = 'daily' | 'weekly';

export interface ChallengeId {
  /** The full id, e.g. `daily-2026-11-24`. */
  id: string;
  kind: ChallengeKind;
  /** `YYYY-MM-DD` (daily) or `YYYY-Www` (weekly). */
  period: string;
  /** First millisecond (UTC) submissions are accepted. */
  opensAt: number;
  /** First millisecond (UTC) submissions are no longer accepted. */
  closesAt: number;
}

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})$/;
const WEEKLY = /^weekly-(\d{4})-W(\d{2})$/;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of a day count since 1970-01-01. */
function ymdOfDays(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Day count (since 1970-01-01) of the Monday of an ISO week, or null if the week does not exist. */
function mondayOfIsoWeek(isoYear: number, week: number): number | null {
  if (week < 1 || week > isoWeeksInYear(isoYear)) return null;
  const jan4 = daysFromCivil(isoYear, 1, 4);
  const jan4Weekday = ((((jan4 + 3) % 7) + 7) % 7) + 1;
  return jan4 - (jan4Weekday - 1) + (week - 1) * 7;
}

function parseDaily(period: string): ChallengeId | null {
  try {
    const [y, m, d] = parseYmd(period);
    const day = daysFromCivil(y, m, d);
    return {
      id: `daily-${period}`,
      kind: 'daily',
      period,
      opensAt: day * DAY_MS,
      closesAt: (day + 1 + GRACE_DAYS) * DAY_MS,
    };
  } catch {
    return null;
  }
}

function parseWeekly(year: string, week: string): ChallengeId | null {
  const monday = mondayOfIsoWeek(Number(year), Number(week));
  if (monday === null) return null;
  const period = `${year}-W${week}`;
  return {
    id: `weekly-${period}`,
    kind: 'weekly',
    period,
    opensAt: monday * DAY_MS,
    closesAt: (monday + 7 + GRACE_DAYS) * DAY_MS,
  };
}

/** Parses a challenge id; null for anything that is not a real day or ISO week. */
export function parseChallengeId(id: string): ChallengeId | null {
  const daily = DAILY.exec(id);
  if (daily) return parseDaily(daily[1] as string);
  const weekly = WEEKLY.exec(id);
  if (weekly) return parseWeekly(weekly[1] as string, weekly[2] as string);
  return null;
}

/** The daily and weekly challenge ids current at `now` (ms since the epoch, UTC). */
export function currentChallengeIds(now: number): { daily: string; weekly: string } {
  const today = ymdOfDays(Math.floor(now / DAY_MS));
  return { daily: `daily-${today}`, weekly: `weekly-${isoWeekOf(today)}` };
}

export type WindowStatus = 'open' | 'not_open' | 'closed';

/** Whether a challenge accepts submissions at `now`. */
export function windowStatus(
  c: Pick<ChallengeId, 'opensAt' | 'closesAt'>,
  now: number,
): WindowStatus {
  if (now < c.opensAt) return 'not_open';
  return now < c.closesAt ? 'open' : 'closed';
}
