/**
 * A thin layer over a `pg` Pool: the SQLite statements use `?` placeholders, PostgreSQL wants
 * `$1, $2, …`; `pgSql` rewrites them (our SQL has no `?` inside string literals). Transactions run
 * on one pooled connection; any throw rolls back and rethrows.
 */
import pg from 'pg';

export type Row = Record<string, unknown>;

/** Runs one statement (with `?` placeholders) and returns its rows. */
export type Query = (sql: string, args?: readonly unknown[]) => Promise<Row[]>;

/** `?` → `$n`, in order. */
export function pgSql(sql: string): string {
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

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Where applied versions are recorded; the same table shapes as the SQLite stores. */
export interface MigrationLedger {
  table: string;
  /** `schema_migrations` records names, `live_schema_migrations` does not. */
  named: boolean;
}

/**
 * Applies pending migrations in order, each in its own transaction, recorded in `table`. A session
 * advisory lock (keyed by the table name) serialises processes starting at the same time.
 */
export async function migrate(
  db: PgDb,
  ledger: MigrationLedger,
  migrations: readonly PgMigration[],
): Promise<void> {
  const { table, named } = ledger;
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [table]);
    const nameColumn = named ? 'name TEXT NOT NULL, ' : '';
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, ${nameColumn}applied_at BIGINT NOT NULL)`,
    );
    const applied = new Set(
      (await client.query(`SELECT version FROM ${table}`)).rows.map((r: Row) => Number(r.version)),
    );
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        const record = named
          ? client.query(`INSERT INTO ${table} (version, name, applied_at) VALUES ($1, $2, $3)`, [
              m.version,
              m.name,
              Date.now(),
            ])
          : client.query(`INSERT INTO ${table} (version, applied_at) VALUES ($1, $2)`, [
              m.version,
              Date.now(),
            ]);
        await record;
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [table]).catch(() => undefined);
    client.release();
  }
}

export async function appliedVersions(db: PgDb, table: string): Promise<number[]> {
  return (await db.query(`SELECT version FROM ${table} ORDER BY version`)).map((r) =>
    Number(r.version),
  );
}
