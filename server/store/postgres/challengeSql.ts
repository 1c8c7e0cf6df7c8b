/**
 * The challenge boards on PostgreSQL: the same statements as server/store/challengeSql.ts (shared
 * ORDER / ABOVE / toBest), run through a `Query`. COUNT and BIGINT come back as strings; toBest
 * and Number() turn them into numbers.
 */
import { isImprovement } from '../../../shared/challenges/rank.ts';
import {
  ABOVE,
  INSERT_SUBMISSION,
  ORDER,
  PRUNE_DEVICE,
  PRUNE_OLD,
  pruneArgs,
  submissionArgs,
  SUBMISSIONS_OF,
  toBest,
  toSubmission,
} from '../challengeSql.ts';
import type { BoardScope, ChallengeBest, ChallengeSubmission } from '../Store.ts';
import type { Query, Row } from './db.ts';

type BestRow = Parameters<typeof toBest>[0];
const best = (row: Row): ChallengeBest => toBest(row as unknown as BestRow);

/**
 * Serialises submissions of one device to one challenge across processes for the rest of the
 * transaction, so the read-compare-upsert in offerBest cannot interleave.
 */
export async function lockDevice(q: Query, s: ChallengeSubmission): Promise<void> {
  await q('SELECT pg_advisory_xact_lock(hashtext(?))', [`challenge:${s.challengeId}:${s.device}`]);
}

/** Stores the submission unless the device already sent that run; prunes. True when stored. */
export async function insertSubmission(q: Query, s: ChallengeSubmission): Promise<boolean> {
  const inserted = await q(`${INSERT_SUBMISSION} RETURNING 1 AS stored`, submissionArgs(s));
  const prune = pruneArgs(s);
  if (inserted.length > 0) await q(PRUNE_DEVICE, prune.device);
  await q(PRUNE_OLD, prune.old);
  return inserted.length > 0;
}

export async function submissionsOf(
  q: Query,
  challengeId: string,
  device: string,
): Promise<{ moves: string[]; submittedAt: number }[]> {
  return (await q(SUBMISSIONS_OF, [challengeId, device])).map(toSubmission);
}

/** Upserts the device's best on one board if the submission beats it; renames either way. */
export async function offerBest(
  q: Query,
  scope: BoardScope,
  s: ChallengeSubmission,
): Promise<boolean> {
  const key = [scope.challengeId, scope.classCode, s.device];
  const [row] = await q(
    'SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND device = ?',
    key,
  );
  const next = { score: s.score, moves: s.moves.length, examined: s.examined };
  const old = row ? best(row) : null;
  if (
    old &&
    !isImprovement(next, { score: old.score, moves: old.moveCount, examined: old.examined })
  ) {
    await q(
      'UPDATE challenge_best SET nickname = ? WHERE challenge_id = ? AND class_code = ? AND device = ?',
      [s.nickname, ...key],
    );
    return false;
  }
  await q(
    `INSERT INTO challenge_best (challenge_id, class_code, device, nickname, score, move_count, examined, stars, submitted_at)
     VALUES (?,?,?,?,?,?,?,?,?)
     ON CONFLICT (challenge_id, class_code, device) DO UPDATE SET nickname = excluded.nickname, score = excluded.score,
       move_count = excluded.move_count, examined = excluded.examined, stars = excluded.stars, submitted_at = excluded.submitted_at`,
    [...key, s.nickname, s.score, s.moves.length, s.examined, s.stars, s.submittedAt],
  );
  return true;
}

export async function topOf(q: Query, scope: BoardScope, limit: number): Promise<ChallengeBest[]> {
  const rows = await q(
    `SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? ORDER BY ${ORDER} LIMIT ?`,
    [scope.challengeId, scope.classCode, limit],
  );
  return rows.map(best);
}

export async function standingOf(
  q: Query,
  scope: BoardScope,
  device: string,
): Promise<{ best: ChallengeBest; rank: number } | null> {
  const [row] = await q(
    'SELECT * FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND device = ?',
    [scope.challengeId, scope.classCode, device],
  );
  if (!row) return null;
  const b = best(row);
  const [above] = await q(
    `SELECT COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ? AND ${ABOVE}`,
    [
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
    ],
  );
  return { best: b, rank: Number(above?.n ?? 0) + 1 };
}

export async function countOf(q: Query, scope: BoardScope): Promise<number> {
  const [row] = await q(
    'SELECT COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ?',
    [scope.challengeId, scope.classCode],
  );
  return Number(row?.n ?? 0);
}

export async function histogramOf(
  q: Query,
  scope: BoardScope,
): Promise<{ moves: number; count: number }[]> {
  const rows = await q(
    `SELECT move_count, COUNT(*) AS n FROM challenge_best WHERE challenge_id = ? AND class_code = ?
     GROUP BY move_count ORDER BY move_count`,
    [scope.challengeId, scope.classCode],
  );
  return rows.map((r) => ({ moves: Number(r.move_count), count: Number(r.n) }));
}
