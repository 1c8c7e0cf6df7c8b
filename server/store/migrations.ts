/**
 * Schema migrations, applied in order inside one transaction each. Append new entries; never edit
 * an applied one (the version number is recorded in `schema_migrations`). Plain SQL that SQLite and
 * PostgreSQL both accept, so a Postgres store can reuse the list.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'results',
    sql: `
      CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        room_code TEXT NOT NULL,
        room_kind TEXT NOT NULL,
        seat_id TEXT NOT NULL,
        nickname TEXT NOT NULL,
        puzzle_id TEXT NOT NULL,
        solved INTEGER NOT NULL,
        move_count INTEGER NOT NULL,
        par INTEGER NOT NULL,
        stars INTEGER NOT NULL,
        score INTEGER NOT NULL,
        state_hash TEXT NOT NULL,
        completed_at INTEGER NOT NULL
      );
      CREATE INDEX results_room ON results (room_code, puzzle_id);
      CREATE TABLE result_moves (
        result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        move TEXT NOT NULL,
        PRIMARY KEY (result_id, idx)
      );
    `,
  },
  {
    version: 2,
    name: 'challenges',
    // Timestamps are BIGINT (ms since the epoch overflow a PostgreSQL INTEGER). Boards are keyed by
    // (challenge, class, device) with class '' for the global board, so an upsert keeps one best row.
    sql: `
      CREATE TABLE challenge_submissions (
        challenge_id TEXT NOT NULL,
        class_code TEXT NOT NULL,
        device TEXT NOT NULL,
        nickname TEXT NOT NULL,
        score INTEGER NOT NULL,
        move_count INTEGER NOT NULL,
        examined INTEGER NOT NULL,
        par INTEGER NOT NULL,
        stars INTEGER NOT NULL,
        state_hash TEXT NOT NULL,
        moves TEXT NOT NULL,
        submitted_at BIGINT NOT NULL
      );
      CREATE INDEX challenge_submissions_device ON challenge_submissions (challenge_id, device);
      CREATE TABLE challenge_best (
        challenge_id TEXT NOT NULL,
        class_code TEXT NOT NULL,
        device TEXT NOT NULL,
        nickname TEXT NOT NULL,
        score INTEGER NOT NULL,
        move_count INTEGER NOT NULL,
        examined INTEGER NOT NULL,
        stars INTEGER NOT NULL,
        submitted_at BIGINT NOT NULL,
        PRIMARY KEY (challenge_id, class_code, device)
      );
      CREATE INDEX challenge_best_order
        ON challenge_best (challenge_id, class_code, score DESC, move_count, examined, submitted_at, device);
    `,
  },
];
