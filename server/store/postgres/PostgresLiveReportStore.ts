/**
 * Live-round reports on PostgreSQL: the same tables, ledger (`live_schema_migrations`) and access
 * rules as server/live/reportStore.ts, so a report saved by the process hosting a class can be
 * read or deleted through any process.
 */
import type { LiveReport } from '../../../shared/live/index.ts';
import {
  hashToken,
  type Access,
  type LiveReportStore,
  type StoredLiveReport,
} from '../../live/reportStore.ts';
import { LIVE_SCHEMA } from '../migrations.ts';
import { migratePostgres, type PgDb } from './db.ts';

export async function openPostgresLiveReportStore(db: PgDb): Promise<LiveReportStore> {
  await migratePostgres(db, LIVE_SCHEMA);
  return new PostgresLiveReportStore(db);
}

class PostgresLiveReportStore implements LiveReportStore {
  private readonly db: PgDb;

  constructor(db: PgDb) {
    this.db = db;
  }

  async save(
    id: string,
    roomCode: string,
    tokens: readonly string[],
    report: LiveReport,
    now: number,
  ): Promise<void> {
    await this.db.transaction(async (q) => {
      await q(
        `INSERT INTO live_reports (id, room_code, created_at, updated_at, report_json) VALUES (?,?,?,?,?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, report_json = excluded.report_json`,
        [id, roomCode, now, now, JSON.stringify(report)],
      );
      for (const t of tokens) {
        await q(
          'INSERT INTO live_report_keys (report_id, key_hash) VALUES (?, ?) ON CONFLICT DO NOTHING',
          [id, hashToken(t)],
        );
      }
    });
  }

  async get(id: string, token: string): Promise<Access<StoredLiveReport>> {
    const access = await this.check(id, token);
    if (!access.ok) return access;
    const [row] = await this.db.query('SELECT * FROM live_reports WHERE id = ?', [id]);
    if (row === undefined) return { ok: false, status: 404 }; // deleted in between
    return {
      ok: true,
      value: {
        id,
        roomCode: String(row.room_code),
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
        report: JSON.parse(String(row.report_json)) as LiveReport,
      },
    };
  }

  async remove(id: string, token: string): Promise<Access<true>> {
    const access = await this.check(id, token);
    if (!access.ok) return access;
    await this.db.query('DELETE FROM live_reports WHERE id = ?', [id]);
    return { ok: true, value: true };
  }

  /** The pool is shared with the Store and ended by the Storage. */
  async close(): Promise<void> {}

  private async check(id: string, token: string): Promise<Access<true>> {
    const [exists] = await this.db.query('SELECT 1 AS one FROM live_reports WHERE id = ?', [id]);
    if (exists === undefined) return { ok: false, status: 404 };
    const [key] = await this.db.query(
      'SELECT 1 AS one FROM live_report_keys WHERE report_id = ? AND key_hash = ?',
      [id, hashToken(token)],
    );
    return key === undefined ? { ok: false, status: 403 } : { ok: true, value: true };
  }
}
