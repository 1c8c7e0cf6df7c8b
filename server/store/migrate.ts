/**
 * The one migration runner, for both backends. It is written once, without I/O: `migrationSteps`
 * yields each statement to run and receives the rows of the ones that read; `migrateSqlite`
 * (node:sqlite, synchronous) and `migratePostgres` (postgres/db.ts, a pooled client under an
 * advisory lock) only execute what it yields.
 *
 * Contract: creates the ledger table if needed, then applies every migration of the list whose
 * version the ledger lacks, in order, each with its ledger row in one transaction; a failing
 * migration rolls back and the error propagates (later migrations do not run).
 */
import type { DatabaseSync } from 'node:sqlite';
import { DIALECTS, sqlFor, type Dialect, type MigrationList } from './migrations.ts';

type Row = Record<string, unknown>;

/** One statement; `?` placeholders bind `args` (the Postgres driver renumbers them). */
export interface Step {
  sql: string;
  args?: readonly unknown[];
  /** The statement returns rows the runner needs. */
  reads?: true;
}

export type MigrationSteps = Generator<Step, void, Row[]>;

export function* migrationSteps(
  list: MigrationList,
  dialect: Dialect,
  now: number,
): MigrationSteps {
  const { ledger, named } = list;
  const words = DIALECTS[dialect];
  const nameColumn = named ? 'name TEXT NOT NULL, ' : '';
  yield {
    sql: `CREATE TABLE IF NOT EXISTS ${ledger} (version INTEGER PRIMARY KEY, ${nameColumn}applied_at ${words.epochMs} NOT NULL)`,
  };
  const rows = yield { sql: `SELECT version FROM ${ledger}`, reads: true };
  const applied = new Set(rows.map((r) => Number(r.version)));
  for (const m of list.migrations) {
    if (applied.has(m.version)) continue;
    yield { sql: words.begin };
    try {
      yield { sql: sqlFor(m.sql, dialect) };
      yield named
        ? {
            sql: `INSERT INTO ${ledger} (version, name, applied_at) VALUES (?, ?, ?)`,
            args: [m.version, m.name, now],
          }
        : {
            sql: `INSERT INTO ${ledger} (version, applied_at) VALUES (?, ?)`,
            args: [m.version, now],
          };
      yield { sql: 'COMMIT' };
    } catch (e) {
      yield { sql: 'ROLLBACK' };
      throw e;
    }
  }
}

/** Drives the steps with a synchronous executor; an executor error is thrown into the runner. */
function driveSync(steps: MigrationSteps, run: (step: Step) => Row[]): void {
  let next = steps.next();
  while (!next.done) {
    let rows: Row[];
    try {
      rows = run(next.value);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(rows);
  }
}

/** The same, with an asynchronous executor. */
export async function driveAsync(
  steps: MigrationSteps,
  run: (step: Step) => Promise<Row[]>,
): Promise<void> {
  let next = steps.next();
  while (!next.done) {
    let rows: Row[];
    try {
      rows = await run(next.value);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(rows);
  }
}

/** Applies `list` to a SQLite database. */
export function migrateSqlite(db: DatabaseSync, list: MigrationList): void {
  driveSync(migrationSteps(list, 'sqlite', Date.now()), (step) => {
    if (step.reads) return db.prepare(step.sql).all() as Row[];
    if (step.args) db.prepare(step.sql).run(...(step.args as (string | number)[]));
    else db.exec(step.sql);
    return [];
  });
}
