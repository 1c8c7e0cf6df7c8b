/**
 * One factory for persistence: PostgreSQL when a database URL is given (DATABASE_URL), else
 * SQLite in the data directory. Both backends have the same schema, migrations and behaviour;
 * rooms and routes only ever see the `Store` and `LiveReportStore` interfaces.
 */
import { openLiveReportStore, type LiveReportStore } from '../live/reportStore.ts';
import { PgDb } from './postgres/db.ts';
import { openPostgresLiveReportStore } from './postgres/PostgresLiveReportStore.ts';
import { openPostgresStore } from './postgres/PostgresStore.ts';
import { openSqliteStore } from './SqliteStore.ts';
import type { Store } from './Store.ts';

export interface StoreOptions {
  /** Directory of the SQLite file (used when there is no databaseUrl). */
  dataDir: string;
  /** postgres://user:password@host:port/db — selects PostgreSQL. Empty or absent: SQLite. */
  databaseUrl?: string | undefined;
}

export interface Storage {
  readonly backend: 'sqlite' | 'postgres';
  readonly store: Store;
  readonly liveReports: LiveReportStore;
  /** Closes both stores (and the pool); safe to call more than once. */
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Storage> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  const store = openSqliteStore(options.dataDir);
  const liveReports = openLiveReportStore(options.dataDir);
  return {
    backend: 'sqlite',
    store,
    liveReports,
    close: async () => void (await Promise.all([store.close(), liveReports.close()])),
  };
}

async function openPostgres(databaseUrl: string): Promise<Storage> {
  const db = new PgDb(databaseUrl);
  try {
    const store = await openPostgresStore(db);
    const liveReports = await openPostgresLiveReportStore(db);
    return { backend: 'postgres', store, liveReports, close: () => db.end() };
  } catch (e) {
    await db.end();
    throw e;
  }
}
