/**
 * The default store: node:sqlite (built into Node ≥ 22.5), one file in the data directory.
 * WAL mode so readers (reports) never block the room writing a result.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  countOf,
  histogramOf,
  insertSubmission,
  offerBest,
  standingOf,
  submissionsOf,
  topOf,
} from './challengeSql.ts';
import { migrateSqlite } from './migrate.ts';
import { MAIN_SCHEMA } from './migrations.ts';
import type {
  BoardScope,
  ChallengeBest,
  ChallengeSubmission,
  ResultInput,
  ResultQuery,
  Store,
  StoredResult,
} from './Store.ts';

export const DB_FILE = 'heap-heroes.sqlite';

interface ResultRow {
  id: number;
  room_code: string;
  room_kind: string;
  seat_id: string;
  nickname: string;
  puzzle_id: string;
  solved: number;
  move_count: number;
  par: number;
  stars: number;
  score: number;
  state_hash: string;
  completed_at: number;
}

/** Opens (creating if needed) `<dataDir>/heap-heroes.sqlite` and applies pending migrations. */
export function openSqliteStore(dataDir: string): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(new DatabaseSync(join(dataDir, DB_FILE)));
}

export class SqliteStore implements Store {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
    );
    migrateSqlite(this.db, MAIN_SCHEMA);
  }

  /** Applied migration versions, ascending. */
  appliedMigrations(): number[] {
    const rows = this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    return rows.map((r) => Number(r.version));
  }

  async saveResult(r: ResultInput): Promise<number> {
    return this.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO results (room_code, room_kind, seat_id, nickname, puzzle_id, solved, move_count,
             par, stars, score, state_hash, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          r.roomCode,
          r.roomKind,
          r.seatId,
          r.nickname,
          r.puzzleId,
          r.solved ? 1 : 0,
          r.moves.length,
          r.par,
          r.stars,
          r.score,
          r.stateHash,
          r.completedAt,
        );
      const id = Number(info.lastInsertRowid);
      const insertMove = this.db.prepare(
        'INSERT INTO result_moves (result_id, idx, move) VALUES (?,?,?)',
      );
      r.moves.forEach((move, idx) => insertMove.run(id, idx, move));
      return id;
    });
  }

  async listResults(q: ResultQuery): Promise<StoredResult[]> {
    const filters = [
      ['room_code', q.roomCode],
      ['puzzle_id', q.puzzleId],
      ['seat_id', q.seatId],
    ].filter((f): f is [string, string] => f[1] !== undefined);
    const where = filters.map(([column]) => `${column} = ?`);
    const args = filters.map(([, value]) => value);
    const sql = `SELECT * FROM results ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    const rows = this.db.prepare(sql).all(...args) as unknown as ResultRow[];
    const movesOf = this.db.prepare(
      'SELECT move FROM result_moves WHERE result_id = ? ORDER BY idx',
    );
    return rows.map((row) =>
      toStored(
        row,
        movesOf.all(row.id).map((m) => String(m.move)),
      ),
    );
  }

  async recordChallengeSubmission(
    s: ChallengeSubmission,
  ): Promise<{ improved: boolean; stored: boolean }> {
    return this.transaction(() => {
      const stored = insertSubmission(this.db, s);
      const improved = offerBest(this.db, { challengeId: s.challengeId, classCode: '' }, s);
      if (s.classCode !== '')
        offerBest(this.db, { challengeId: s.challengeId, classCode: s.classCode }, s);
      return { improved, stored };
    });
  }

  async challengeSubmissions(
    challengeId: string,
    device: string,
  ): Promise<{ moves: string[]; submittedAt: number }[]> {
    return submissionsOf(this.db, challengeId, device);
  }

  async challengeTop(scope: BoardScope, limit: number): Promise<ChallengeBest[]> {
    return topOf(this.db, scope, limit);
  }

  async challengeStanding(
    scope: BoardScope,
    device: string,
  ): Promise<{ best: ChallengeBest; rank: number } | null> {
    return standingOf(this.db, scope, device);
  }

  async challengeCount(scope: BoardScope): Promise<number> {
    return countOf(this.db, scope);
  }

  async challengeHistogram(scope: BoardScope): Promise<{ moves: number; count: number }[]> {
    return histogramOf(this.db, scope);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  /** Runs `fn` in BEGIN IMMEDIATE … COMMIT; any throw rolls everything back and rethrows. */
  private transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const value = fn();
      this.db.exec('COMMIT');
      return value;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }
}

function toStored(row: ResultRow, moves: string[]): StoredResult {
  return {
    id: row.id,
    roomCode: row.room_code,
    roomKind: row.room_kind as StoredResult['roomKind'],
    seatId: row.seat_id,
    nickname: row.nickname,
    puzzleId: row.puzzle_id,
    solved: row.solved === 1,
    moveCount: row.move_count,
    moves,
    par: row.par,
    stars: row.stars,
    score: row.score,
    stateHash: row.state_hash,
    completedAt: row.completed_at,
  };
}
