/**
 * The challenge boards in SQL (SQLite here; the statements are plain SQL that PostgreSQL accepts
 * too, with `?` placeholders rewritten to `$n`). Order everywhere: score DESC, move_count ASC,
 * examined ASC, submitted_at ASC, device ASC (shared/challenges/rank.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import { isImprovement } from '../../shared/challenges/rank.ts';
import type { BoardScope, ChallengeBest, ChallengeSubmission } from './Store.ts';

export const ORDER = 'score DESC, move_count ASC, examined ASC, submitted_at ASC, device ASC';

/** Rows that rank strictly above a given (score, moves, examined, submitted_at, device). */
export const ABOVE = `(score > ? OR (score = ? AND (move_count < ? OR (move_count = ? AND (examined < ? OR
  (examined = ? AND (submitted_at < ? OR (submitted_at = ? AND device < ?))))))))`;

interface BestRow {
  device: string;
  nickname: string;
  score: number;
  move_count: number;
  examined: number;
  stars: number;
  submitted_at: number;
}

export const toBest = (r: BestRow): ChallengeBest => ({
  device: r.device,
  nickname: r.nickname,
  score: Number(r.score),
  moveCount: Number(r.move_count),
  examined: Number(r.examined),
  stars: Number(r.stars),
  submittedAt: Number(r.submitted_at),
});

/** Runs a device keeps per challenge (its best ones, in ORDER): enough to re-verify its boards. */
export const SUBMISSIONS_KEPT = 10;
/** Runs older than this are dropped: boards close at most 17 days after they open. */
const SUBMISSIONS_RETAINED_MS = 30 * 86_400_000;

/** A run the device already sent for the challenge (same run_key) is not stored again. */
export const INSERT_SUBMISSION = `INSERT INTO challenge_submissions (challenge_id, class_code, device, nickname,
  score, move_count, examined, par, stars, state_hash, moves, submitted_at, run_key)
  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (challenge_id, device, run_key) DO NOTHING`;

/** Keeps a device's SUBMISSIONS_KEPT best runs on a challenge (args: id, device, id, device, kept). */
export const PRUNE_DEVICE = `DELETE FROM challenge_submissions WHERE challenge_id = ? AND device = ? AND run_key IN
  (SELECT run_key FROM challenge_submissions WHERE challenge_id = ? AND device = ? AND run_key IS NOT NULL
   ORDER BY ${ORDER} LIMIT 1000000 OFFSET ?)`;

/** Drops every run submitted before the given time. */
export const PRUNE_OLD = 'DELETE FROM challenge_submissions WHERE submitted_at < ?';

export const SUBMISSIONS_OF = `SELECT moves, submitted_at FROM challenge_submissions
  WHERE challenge_id = ? AND device = ? ORDER BY ${ORDER}`;

/** Arguments of INSERT_SUBMISSION. */
export const submissionArgs = (s: ChallengeSubmission): (string | number)[] => [
  s.challengeId,
  s.classCode,
  s.device,
  s.nickname,
  s.score,
  s.moves.length,
  s.examined,
  s.par,
  s.stars,
  s.stateHash,
  JSON.stringify(s.moves),
  s.submittedAt,
  s.runKey,
];

/** Arguments of PRUNE_DEVICE and PRUNE_OLD for a submission just recorded. */
export const pruneArgs = (s: ChallengeSubmission) => ({
  device: [s.challengeId, s.device, s.challengeId, s.device, SUBMISSIONS_KEPT],
  old: [s.submittedAt - SUBMISSIONS_RETAINED_MS],
});

export const toSubmission = (r: Record<string, unknown>) => ({
  moves: JSON.parse(String(r.moves)) as string[],
  submittedAt: Number(r.submitted_at),
});

/** Stores the submission unless the device already sent that run; prunes. True when stored. */
export function insertSubmission(db: DatabaseSync, s: ChallengeSubmission): boolean {
  const stored = db.prepare(INSERT_SUBMISSION).run(...submissionArgs(s)).changes > 0;
  const prune = pruneArgs(s);
  if (stored) db.prepare(PRUNE_DEVICE).run(...prune.device);
  db.prepare(PRUNE_OLD).run(...prune.old);
  return stored;
}

export function submissionsOf(
  db: DatabaseSync,
  challengeId: string,
  device: string,
): { moves: string[]; submittedAt: number }[] {
  return db.prepare(SUBMISSIONS_OF).all(challengeId, device).map(toSubmission);
}

/** Upserts the device's best on one board if the submission beats it; renames either way. */
export function offerBest(db: DatabaseSync, scope: BoardScope, s: ChallengeSubmission): boolean {
  const key = [scope.challengeId, scope.classCode, s.device];
  const row = db
    .prepare(
      'SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND device = ?',
    )
    .get(...key) as BestRow | undefined;
  const next = { score: s.score, moves: s.moves.length, examined: s.examined };
  const old = row ? toBest(row) : null;
  if (
    old &&
    !isImprovement(next, { score: old.score, moves: old.moveCount, examined: old.examined })
  ) {
    db.prepare(
      'UPDATE challenge_best SET nickname = ? WHERE challenge_id = ? AND class_code = ? AND device = ?',
    ).run(s.nickname, ...key);
    return false;
  }
  db.prepare(
    `INSERT INTO challenge_best (challenge_id, class_code, device, nickname, score, move_count, examined, stars, submitted_at)
     VALUES (?,?,?,?,?,?,?,?,?)
     ON CONFLICT (challenge_id, class_code, device) DO UPDATE SET nickname = excluded.nickname, score = excluded.score,
       move_count = excluded.move_count, examined = excluded.examined, stars = excluded.stars, submitted_at = excluded.submitted_at`,
  ).run(...key, s.nickname, s.score, s.moves.length, s.examined, s.stars, s.submittedAt);
  return true;
}

export function topOf(db: DatabaseSync, scope: BoardScope, limit: number): ChallengeBest[] {
  const rows = db
    .prepare(
      `SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? ORDER BY ${ORDER} LIMIT ?`,
    )
    .all(scope.challengeId, scope.classCode, limit) as unknown as BestRow[];
  return rows.map(toBest);
}

export function standingOf(
  db: DatabaseSync,
  scope: BoardScope,
  device: string,
): { best: ChallengeBest; rank: number } | null {
  const row = db
    .prepare(
      'SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND device = ?',
    )
    .get(scope.challengeId, scope.classCode, device) as BestRow | undefined;
  if (!row) return null;
  const b = toBest(row);
  const above = db
    .prepare(
      `SELECT COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND ${ABOVE}`,
    )
    .get(
      scope.challengeId,
      scope.classCode,
      b.score,
      b.score,
      b.moveCount,
      b.moveCount,
      b.examined,
      b.examined,
      b.submittedAt,
      b.submittedAt,
      b.device,
    ) as { n: number };
  return { best: b, rank: Number(above.n) + 1 };
}

export function countOf(db: DatabaseSync, scope: BoardScope): number {
  const row = db
    .prepare('SELECT COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ?')
    .get(scope.challengeId, scope.classCode) as { n: number };
  return Number(row.n);
}

export function histogramOf(
  db: DatabaseSync,
  scope: BoardScope,
): { moves: number; count: number }[] {
  const rows = db
    .prepare(
      `SELECT move_count, COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ?
       GROUP BY move_count ORDER BY move_count`,
    )
    .all(scope.challengeId, scope.classCode) as { move_count: number; n: number }[];
  return rows.map((r) => ({ moves: Number(r.move_count), count: Number(r.n) }));
}
