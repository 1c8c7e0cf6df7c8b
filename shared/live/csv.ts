/**
 * RFC 4180 CSV: CRLF line ends, a field is quoted when it holds a comma, quote, CR or LF, and
 * quotes are doubled. Nicknames are user text, so a field starting with = + - @ (or tab/CR) gets a
 * leading apostrophe: spreadsheets must not run it as a formula (CSV injection).
 */
import type { ReportRow } from './report.ts';

export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const REPORT_CSV_HEADER = [
  'nickname',
  'round',
  'item',
  'kind',
  'concepts',
  'correct',
  'moves',
  'par',
  'seconds',
  'hints',
  'answer',
  'points',
] as const;

export function reportCsv(rows: readonly ReportRow[]): string {
  return toCsv([
    [...REPORT_CSV_HEADER],
    ...rows.map((r) => [
      r.nickname,
      r.round,
      r.itemId,
      r.kind,
      r.concepts.join(' '),
      r.correct ? 'yes' : 'no',
      r.kind === 'puzzle' ? r.moves : null,
      r.par,
      r.seconds,
      r.hintsUsed,
      r.answer,
      r.points,
    ]),
  ]);
}
