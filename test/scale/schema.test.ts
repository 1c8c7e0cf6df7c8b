/**
 * SQLite and PostgreSQL hold the same schema: the same migration versions and names, and after
 * migrating, the same tables, columns (name, order, NOT NULL, primary key) and index names.
 * Types differ only by dialect (INTEGER timestamps are BIGINT on PostgreSQL).
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations.ts';
import { DB_FILE } from '../../server/store/SqliteStore.ts';
import { BACKENDS, type BackendFixture, warnIfSkipped } from './backends.ts';

interface Column {
  table: string;
  column: string;
  notNull: boolean;
  primaryKey: boolean;
}

it('has the same migration versions and names on both backends', () => {
  expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(
    MIGRATIONS.map((m) => [m.version, m.name]),
  );
});

function sqliteSchema(file: string): {
  columns: Column[];
  indexes: string[];
  ledgers: Record<string, number[]>;
} {
  const db = new DatabaseSync(file);
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const columns = tables.flatMap(({ name }) =>
      db
        .prepare(`PRAGMA table_info(${String(name)})`)
        .all()
        .map((c) => ({
          table: String(name),
          column: String(c.name),
          notNull: Number(c.notnull) === 1 || Number(c.pk) > 0,
          primaryKey: Number(c.pk) > 0,
        })),
    );
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const ledger = (t: string): number[] =>
      db
        .prepare(`SELECT version FROM ${t} ORDER BY version`)
        .all()
        .map((r) => Number(r.version));
    return {
      columns,
      indexes: indexes.map((i) => String(i.name)),
      ledgers: { main: ledger('schema_migrations'), live: ledger('live_schema_migrations') },
    };
  } finally {
    db.close();
  }
}

async function postgresSchema(
  url: string,
): Promise<{ columns: Column[]; indexes: string[]; ledgers: Record<string, number[]> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query(`
      SELECT c.table_name, c.column_name, c.is_nullable,
        EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints t
          ON t.constraint_name = k.constraint_name AND t.table_schema = k.table_schema
          WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name
            AND k.column_name = c.column_name) AS pk
      FROM information_schema.columns c WHERE c.table_schema = current_schema()
      ORDER BY c.table_name, c.ordinal_position`);
    const indexes = await client.query(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' ORDER BY indexname`,
    );
    const ledger = async (t: string): Promise<number[]> =>
      (await client.query(`SELECT version FROM ${t} ORDER BY version`)).rows.map((r) =>
        Number(r.version),
      );
    return {
      columns: cols.rows.map((r) => ({
        table: r.table_name,
        column: r.column_name,
        notNull: r.is_nullable === 'NO',
        primaryKey: r.pk,
      })),
      indexes: indexes.rows.map((r) => String(r.indexname)),
      ledgers: {
        main: await ledger('schema_migrations'),
        live: await ledger('live_schema_migrations'),
      },
    };
  } finally {
    await client.end();
  }
}

const [sqlite, postgres] = BACKENDS as [(typeof BACKENDS)[number], (typeof BACKENDS)[number]];
warnIfSkipped(postgres, 'the schema comparison');

describe.skipIf(!postgres.available)('schema: SQLite and PostgreSQL', () => {
  const fixtures: BackendFixture[] = [];
  beforeAll(async () => {
    fixtures.push(await sqlite.fixture(), await postgres.fixture());
    for (const f of fixtures) await (await f.open()).close();
  });
  afterAll(() => Promise.all(fixtures.map((f) => f.dispose())));

  it('migrates both to the same tables, columns, indexes and ledgers', async () => {
    const [lite, pgFixture] = fixtures as [BackendFixture, BackendFixture];
    const a = sqliteSchema(join(lite.dataDir, DB_FILE));
    const b = await postgresSchema(pgFixture.databaseUrl!);
    expect(a.columns.length).toBeGreaterThan(30);
    expect(b.columns).toEqual(a.columns);
    expect(b.indexes).toEqual(a.indexes);
    expect(b.ledgers).toEqual(a.ledgers);
  });
});
