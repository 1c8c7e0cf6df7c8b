/**
 * The Store on PostgreSQL (DATABASE_URL): the same tables, behaviour and migration versions as
 * SqliteStore, so rooms and routes cannot tell them apart. Several server processes may share one
 * database: migrations take an advisory lock, challenge submissions lock per device.
 */
import type {
  BoardScope,
  ChallengeBest,
  ChallengeSubmission,
  ResultInput,
  ResultQuery,
  Store,
  StoredResult,
} from '../Store.ts';
import {
  countOf,
  histogramOf,
  insertSubmission,
  lockDevice,
  offerBest,
  standingOf,
  submissionsOf,
  topOf,
} from './challengeSql.ts';
import { MAIN_SCHEMA } from '../migrations.ts';
import { appliedVersions, migratePostgres, type PgDb, type Row } from './db.ts';

/** Applies pending migrations on `db` and returns the store. `db` may be shared (see close()). */
export async function openPostgresStore(db: PgDb, ownsDb = false): Promise<PostgresStore> {
  await migratePostgres(db, MAIN_SCHEMA);
  return new PostgresStore(db, ownsDb);
}

export class PostgresStore implements Store {
  private readonly db: PgDb;
  private readonly ownsDb: boolean;

  constructor(db: PgDb, ownsDb: boolean) {
    this.db = db;
    this.ownsDb = ownsDb;
  }

  /** Applied migration versions, ascending. */
  appliedMigrations(): Promise<number[]> {
    return appliedVersions(this.db, MAIN_SCHEMA.ledger);
  }

  async saveResult(r: ResultInput): Promise<number> {
    return this.db.transaction(async (q) => {
      const [row] = await q(
        `INSERT INTO results (room_code, room_kind, seat_id, nickname, puzzle_id, solved, move_count,
           par, stars, score, state_hash, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id`,
        [
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
        ],
      );
      const id = Number(row!.id);
      for (const [idx, move] of r.moves.entries())
        await q('INSERT INTO result_moves (result_id, idx, move) VALUES (?,?,?)', [id, idx, move]);
      return id;
    });
  }

  async listResults(query: ResultQuery): Promise<StoredResult[]> {
    const filters = [
      ['room_code', query.roomCode],
      ['puzzle_id', query.puzzleId],
      ['seat_id', query.seatId],
    ].filter((f): f is [string, string] => f[1] !== undefined);
    const where = filters.map(([column]) => `${column} = ?`);
    const sql = `SELECT * FROM results ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    const rows = await this.db.query(
      sql,
      filters.map(([, value]) => value),
    );
    if (rows.length === 0) return [];
    const moves = await this.db.query(
      'SELECT result_id, move FROM result_moves WHERE result_id = ANY(?::int[]) ORDER BY result_id, idx',
      [rows.map((r) => Number(r.id))],
    );
    const byResult = new Map<number, string[]>();
    for (const m of moves) {
      const id = Number(m.result_id);
      byResult.set(id, [...(byResult.get(id) ?? []), String(m.move)]);
    }
    return rows.map((row) => toStored(row, byResult.get(Number(row.id)) ?? []));
  }

  async recordChallengeSubmission(
    s: ChallengeSubmission,
  ): Promise<{ improved: boolean; stored: boolean }> {
    return this.db.transaction(async (q) => {
      await lockDevice(q, s);
      const stored = await insertSubmission(q, s);
      const improved = await offerBest(q, { challengeId: s.challengeId, classCode: '' }, s);
      if (s.classCode !== '')
        await offerBest(q, { challengeId: s.challengeId, classCode: s.classCode }, s);
      return { improved, stored };
    });
  }

  challengeSubmissions(
    challengeId: string,
    device: string,
  ): Promise<{ moves: string[]; submittedAt: number }[]> {
    return submissionsOf(this.db.query, challengeId, device);
  }

  challengeTop(scope: BoardScope, limit: number): Promise<ChallengeBest[]> {
    return topOf(this.db.query, scope, limit);
  }

  challengeStanding(
    scope: BoardScope,
    device: string,
  ): Promise<{ best: ChallengeBest; rank: number } | null> {
    return standingOf(this.db.query, scope, device);
  }

  challengeCount(scope: BoardScope): Promise<number> {
    return countOf(this.db.query, scope);
  }

  challengeHistogram(scope: BoardScope): Promise<{ moves: number; count: number }[]> {
    return histogramOf(this.db.query, scope);
  }

  /** Ends the pool only when this store owns it; a shared pool is ended by its Storage. */
  async close(): Promise<void> {
    if (this.ownsDb) await this.db.end();
  }
}

function toStored(row: Row, moves: string[]): StoredResult {
  return {
    id: Number(row.id),
    roomCode: String(row.room_code),
    roomKind: row.room_kind as StoredResult['roomKind'],
    seatId: String(row.seat_id),
    nickname: String(row.nickname),
    puzzleId: String(row.puzzle_id),
    solved: Number(row.solved) === 1,
    moveCount: Number(row.move_count),
    moves,
    par: Number(row.par),
    stars: Number(row.stars),
    score: Number(row.score),
    stateHash: String(row.state_hash),
    completedAt: Number(row.completed_at),
  };
}
