/**
 * Live-round reports, kept until a teacher deletes them. A report is readable and deletable only
 * with a teacher token of its session (host seat token, co-teacher seat tokens, co-teacher key);
 * tokens are stored as SHA-256 hashes only.
 *
 * Own tables and own migration list (`live_schema_migrations`) in the same SQLite file as the main
 * store, through a second connection (WAL), so this never collides with server/store migrations.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LiveReport } from '../../shared/live/index.ts';
import { migrateSqlite } from '../store/migrate.ts';
import { LIVE_SCHEMA } from '../store/migrations.ts';
import { DB_FILE } from '../store/SqliteStore.ts';

export interface StoredLiveReport {
  id: string;
  roomCode: string;
  createdAt: number;
  updatedAt: number;
  report: LiveReport;
}

export type Access<T> = { ok: true; value: T } | { ok: false; status: 403 | 404 };

export interface LiveReportStore {
  /** Creates or replaces the report and its teacher keys. */
  save(
    id: string,
    roomCode: string,
    tokens: readonly string[],
    report: LiveReport,
    now: number,
  ): Promise<void>;
  get(id: string, token: string): Promise<Access<StoredLiveReport>>;
  remove(id: string, token: string): Promise<Access<true>>;
  close(): Promise<void>;
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export function openLiveReportStore(dataDir: string): LiveReportStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, DB_FILE));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrateSqlite(db, LIVE_SCHEMA);
  return new SqliteLiveReportStore(db);
}

function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = fn();
    db.exec('COMMIT');
    return value;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

class SqliteLiveReportStore implements LiveReportStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  async save(
    id: string,
    roomCode: string,
    tokens: readonly string[],
    report: LiveReport,
    now: number,
  ): Promise<void> {
    transaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO live_reports (id, room_code, created_at, updated_at, report_json) VALUES (?,?,?,?,?)
          ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, report_json = excluded.report_json`,
        )
        .run(id, roomCode, now, now, JSON.stringify(report));
      const insertKey = this.db.prepare(
        'INSERT OR IGNORE INTO live_report_keys (report_id, key_hash) VALUES (?, ?)',
      );
      tokens.forEach((t) => insertKey.run(id, hashToken(t)));
    });
  }

  async get(id: string, token: string): Promise<Access<StoredLiveReport>> {
    const access = this.check(id, token);
    if (!access.ok) return access;
    const row = this.db.prepare('SELECT * FROM live_reports WHERE id = ?').get(id)!;
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
    const access = this.check(id, token);
    if (!access.ok) return access;
    this.db.prepare('DELETE FROM live_reports WHERE id = ?').run(id);
    return { ok: true, value: true };
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  private check(id: string, token: string): Access<true> {
    if (this.db.prepare('SELECT 1 FROM live_reports WHERE id = ?').get(id) === undefined)
      return { ok: false, status: 404 };
    const key = this.db
      .prepare('SELECT 1 FROM live_report_keys WHERE report_id = ? AND key_hash = ?')
      .get(id, hashToken(token));
    return key === undefined ? { ok: false, status: 403 } : { ok: true, value: true };
  }
}
