/**
 * Seeds for the daily and weekly challenges, from a UTC date or an ISO week, by hand: shared/ may
 * not use `Date`, and the server and every browser must agree on the seed for the same day.
 *
 * Contracts: inputs are validated strictly ('YYYY-MM-DD' with a real calendar day, 'YYYY-Www' with
 * a week that exists in that ISO year); a malformed input throws a RangeError (a programming error,
 * not a game rule). Seeds are unsigned 32-bit integers; the daily and weekly seeds of the same
 * period never collide by construction of their labels.
 */

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(days: number): [y: number, m: number, d: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Parse 'YYYY-MM-DD' (a real day) into [y, m, d]; throws RangeError otherwise. */
export function parseYmd(ymd: string): [number, number, number] {
  const m = YMD.exec(ymd);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${ymd}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
    throw new RangeError(`no such day: ${ymd}`);
  return [y, mo, d];
}

/** ISO weekday, Monday = 1 .. Sunday = 7, of a day count since 1970-01-01 (a Thursday). */
function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The ISO week ('YYYY-Www') a UTC date belongs to: the week holding that week's Thursday. */
export function isoWeekOf(ymd: string): string {
  const [y, m, d] = parseYmd(ymd);
  const days = daysFromCivil(y, m, d);
  const thursday = days - isoWeekday(days) + 4;
  const isoYear = civilFromDays(thursday)[0];
  const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  return `${String(isoYear).padStart(4, '0')}-W${pad2(week)}`;
}

/** Number of ISO weeks (52 or 53) in an ISO year: the week of Dec 28 is always the last one. */
export function isoWeeksInYear(isoYear: number): number {
  const days = daysFromCivil(isoYear, 12, 28);
  const thursday = days - isoWeekday(days) + 4;
  return Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
}

/** FNV-1a, 32 bit, over UTF-16 code units (labels here are ASCII). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The seed of the daily challenge for a UTC date 'YYYY-MM-DD'. */
export function dailySeed(utcDate: string): number {
  const [y, m, d] = parseYmd(utcDate);
  return fnv1a(`heap-heroes/daily/${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`);
}

/** The seed of the weekly challenge for an ISO week 'YYYY-Www'. */
export function weeklySeed(isoWeek: string): number {
  const m = ISO_WEEK.exec(isoWeek);
  if (!m) throw new RangeError(`not a YYYY-Www week: ${isoWeek}`);
  const [y, w] = [Number(m[1]), Number(m[2])];
  if (w < 1 || w > isoWeeksInYear(y)) throw new RangeError(`no such ISO week: ${isoWeek}`);
  return fnv1a(`heap-heroes/weekly/${isoWeek}`);
}
