/**
 * The two storage backends as test fixtures. SQLite: a fresh temp directory per fixture.
 * PostgreSQL (when HH_TEST_DATABASE_URL is set): a fresh schema per fixture, selected through the
 * URL's `options=-c search_path=…`, dropped afterwards, so parallel test files never collide.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type Storage } from '../../server/store/open.ts';

export const TEST_DATABASE_URL = process.env.HH_TEST_DATABASE_URL ?? '';
export const TEST_REDIS_URL = process.env.HH_TEST_REDIS_URL ?? '';

export interface BackendFixture {
  /** Options for openStore / the server (same data each time: reopen = open again). */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  open(): Promise<Storage>;
  /** Removes the directory / drops the schema. */
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  available: boolean;
  fixture(): Promise<BackendFixture>;
}

function sqliteFixture(): BackendFixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'hh-scale-'));
  return {
    dataDir,
    databaseUrl: undefined,
    open: () => openStore({ dataDir }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Creates an empty schema and returns a URL whose connections use it. */
export async function freshPgSchema(
  baseUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `hh_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}

async function postgresFixture(): Promise<BackendFixture> {
  const schema = await freshPgSchema(TEST_DATABASE_URL);
  const dataDir = mkdtempSync(join(tmpdir(), 'hh-scale-pg-'));
  return {
    dataDir,
    databaseUrl: schema.url,
    open: () => openStore({ dataDir, databaseUrl: schema.url }),
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await schema.drop();
    },
  };
}

export const BACKENDS: readonly Backend[] = [
  { name: 'sqlite', available: true, fixture: async () => sqliteFixture() },
  { name: 'postgres', available: TEST_DATABASE_URL !== '', fixture: postgresFixture },
];

/** Prints (once per file) why a variant is skipped, so a green run never hides it. */
export function warnIfSkipped(backend: Backend, what: string): void {
  if (!backend.available) {
    console.warn(
      `[test/scale] HH_TEST_DATABASE_URL is not set: skipping ${what} on PostgreSQL (run scripts/ci-services.sh).`,
    );
  }
}
