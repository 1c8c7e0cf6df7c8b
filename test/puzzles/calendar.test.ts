import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dailySeed,
  daysFromCivil,
  isoWeekOf,
  isoWeeksInYear,
  weeklySeed,
} from '../../shared/puzzles/calendar.ts';

describe('calendar math', () => {
  it('counts days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(civilFromDays(11017)).toEqual([2000, 3, 1]);
    expect(civilFromDays(-1)).toEqual([1969, 12, 31]);
  });

  it('finds ISO weeks at year boundaries', () => {
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('1999-01-01')).toBe('1998-W53');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2000-02-29')).toBe('2000-W09');
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
  });

  it('rejects malformed dates and weeks', () => {
    expect(() => dailySeed('2023-02-29')).toThrow(RangeError);
    expect(() => dailySeed('2024-13-01')).toThrow(RangeError);
    expect(() => dailySeed('2024-1-01')).toThrow(RangeError);
    expect(() => weeklySeed('2021-W53')).toThrow(RangeError);
    expect(() => weeklySeed('2021-W00')).toThrow(RangeError);
    expect(dailySeed('2024-02-29')).toBe(dailySeed('2024-02-29'));
    expect(weeklySeed('2020-W53')).toBeGreaterThanOrEqual(0);
  });

  it('gives distinct seeds to consecutive days and weeks', () => {
    const days = new Set<number>();
    const weeks = new Set<number>();
    for (let d = daysFromCivil(2024, 1, 1); d < daysFromCivil(2027, 1, 1); d++) {
      const [y, m, dd] = civilFromDays(d);
      const ymd = `${y}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
      days.add(dailySeed(ymd));
      weeks.add(weeklySeed(isoWeekOf(ymd)));
    }
    expect(days.size).toBe(daysFromCivil(2027, 1, 1) - daysFromCivil(2024, 1, 1));
    // 2024-01-01 is a Monday (2024-W01); 2026-12-31 a Thursday (2026-W53).
    expect(weeks.size).toBe(52 + 52 + 53);
  });

  it('agrees with Python isocalendar() for every day 1999-2030', () => {
    const py = spawnSync(
      'python3',
      [
        '-c',
        'import datetime\nd=datetime.date(1999,1,1)\nwhile d.year<2031:\n y,w,_=d.isocalendar()\n print(d.isoformat(), "%04d-W%02d" % (y, w))\n d+=datetime.timedelta(days=1)',
      ],
      { encoding: 'utf8' },
    );
    if (py.error || py.status !== 0) {
      console.warn('python3 not found: ISO week cross-check skipped');
      return;
    }
    const lines = py.stdout.trim().split('\n');
    expect(lines.length).toBe(daysFromCivil(2031, 1, 1) - daysFromCivil(1999, 1, 1));
    for (const line of lines) {
      const [ymd, week] = line.split(' ') as [string, string];
      expect(isoWeekOf(ymd)).toBe(week);
    }
  });
});
