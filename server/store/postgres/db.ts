/**
 * A thin layer over a `pg` Pool: the SQLite statements use `?` placeholders, PostgreSQL wants
 * `$1, $2, …`; `pgSql` rewrites them (our SQL has no `?` inside string literals). Transactions run
 * on one pooled connection; any throw rolls back and rethrows.
 */
import pg from 'pg';
import { driveAsync, migrationSteps } from '../migrate.ts';
import type { MigrationList } from '../migrations.ts';

export type Row = Record<string, unknown>;

/** Runs one statement (with `?` placeholders) and returns its rows. */
export type Query = (sql: string, args?: readonly unknown[]) => Promise<Row[]>;

/** `?` → `$n`, in order. */
function pgSql(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PgDb {
  readonly pool: pg.Pool;
  private ended = false;

  constructor(connectionString: string, max = 10) {
    this.pool = new pg.Pool({ connectionString, max });
    // An idle client losing its connection (database restart) must not crash the process.
    this.pool.on('error', (err) => console.error('postgres pool error:', err.message));
  }

  readonly query: Query = async (sql, args = []) =>
    (await this.pool.query(pgSql(sql), [...args])).rows as Row[];

  async transaction<T>(fn: (q: Query) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const q: Query = async (sql, args = []) =>
      (await client.query(pgSql(sql), [...args])).rows as Row[];
    try {
      await client.query('BEGIN');
      const value = await fn(q);
      await client.query('COMMIT');
      return value;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** Ends the pool once (the store and the live-report store share it). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.pool.end();
  }
}

/**
 * Applies a migration list (server/store/migrations.ts) with the one runner (../migrate.ts) on one
 * pooled connection. A session advisory lock keyed by the ledger table serialises processes that
 * start at the same time.
 */
export async function migratePostgres(db: PgDb, list: MigrationList): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [list.ledger]);
    await driveAsync(migrationSteps(list, 'postgres', Date.now()), async (step) =>
      step.args
        ? ((await client.query(pgSql(step.sql), [...step.args])).rows as Row[])
        : ((await client.query(step.sql)).rows as Row[]),
    );
  } finally {
    await client
      .query('SELECT pg_advisory_unlock(hashtext($1))', [list.ledger])
      .catch(() => undefined);
    client.release();
  }
}

export async function appliedVersions(db: PgDb, table: string): Promise<number[]> {
  return (await db.query(`SELECT version FROM ${table} ORDER BY version`)).map((r) =>
    Number(r.version),
  );
}
