import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite } from '../../server/store/migrate.ts';
import { MAIN_SCHEMA, type MigrationList } from '../../server/store/migrations.ts';
import { openSqliteStore } from '../../server/store/SqliteStore.ts';
import type { ResultInput } from '../../server/store/Store.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'hh-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const result = (over: Partial<ResultInput> = {}): ResultInput => ({
  roomCode: '123456',
  roomKind: 'classroom',
  seatId: 's1',
  nickname: 'Weak Ref Otter',
  puzzleId: 'p1',
  moves: ['del a', 'gc.collect()'],
  solved: true,
  par: 2,
  stars: 3,
  score: 1180,
  stateHash: 'abc',
  completedAt: 1_700_000_000_000,
  ...over,
});

describe('SqliteStore', () => {
  it('applies every migration once, and again on reopen applies none', async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    expect(first.appliedMigrations()).toEqual(MAIN_SCHEMA.migrations.map((m) => m.version));
    await first.close();
    const second = openSqliteStore(dir);
    expect(second.appliedMigrations()).toEqual(MAIN_SCHEMA.migrations.map((m) => m.version));
    await second.close();
  });

  it('stores a result with its moves and reads it back after a reopen', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const id = await store.saveResult(result());
    await store.close();
    const reopened = openSqliteStore(dir);
    const rows = await reopened.listResults({ roomCode: '123456' });
    expect(rows).toEqual([{ ...result(), id, moveCount: 2 }]);
    await reopened.close();
  });

  it('filters by room, puzzle and seat', async () => {
    const store = openSqliteStore(tempDir());
    await store.saveResult(result());
    await store.saveResult(result({ seatId: 's2', puzzleId: 'p2' }));
    await store.saveResult(result({ roomCode: '654321' }));
    expect((await store.listResults({ roomCode: '123456' })).map((r) => r.seatId)).toEqual([
      's1',
      's2',
    ]);
    expect((await store.listResults({ puzzleId: 'p2' })).map((r) => r.seatId)).toEqual(['s2']);
    expect((await store.listResults({ roomCode: '654321', seatId: 's1' })).length).toBe(1);
    await store.close();
  });

  it('writes nothing when any part of the transaction fails', async () => {
    const store = openSqliteStore(tempDir());
    // A move that SQLite cannot bind fails after the results row was inserted.
    const bad = result({ moves: ['del a', { not: 'a string' } as unknown as string] });
    await expect(store.saveResult(bad)).rejects.toThrow();
    expect(await store.listResults({})).toEqual([]);
    await store.close();
  });
});

describe('migration runner', () => {
  const list = (second: string): MigrationList => ({
    ledger: 'test_migrations',
    named: true,
    migrations: [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (id {autoId}, at {epochMs} NOT NULL);' },
      { version: 2, name: 'two', sql: second },
    ],
  });
  const tables = (db: DatabaseSync): string[] =>
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => String(r.name));
  const ledger = (db: DatabaseSync) =>
    db
      .prepare('SELECT version, name FROM test_migrations ORDER BY version')
      .all()
      .map((r) => [r.version, r.name]);

  it('rolls a failing migration back, records only what applied, and resumes there', () => {
    const db = new DatabaseSync(join(tempDir(), 'm.sqlite'));
    const broken = 'CREATE TABLE two (id INTEGER); INSERT INTO nowhere VALUES (1);';
    expect(() => migrateSqlite(db, list(broken))).toThrow(/nowhere/);
    expect(tables(db)).toEqual(['one', 'test_migrations']);
    expect(ledger(db)).toEqual([[1, 'one']]);
    migrateSqlite(db, list('CREATE TABLE two (id INTEGER);'));
    migrateSqlite(db, list('CREATE TABLE two (id INTEGER);'));
    expect(tables(db)).toEqual(['one', 'test_migrations', 'two']);
    expect(ledger(db)).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    db.close();
  });
});
