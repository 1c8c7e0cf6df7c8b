/**
 * The challenge endpoints' logic, free of Express: look a challenge up, check its window, verify a
 * submission by replaying it (shared/challenges/replay.ts) and store it, build a leaderboard.
 * Every client mistake is a Failure (4xx status, code, message), never a throw.
 */
import { createHash } from 'node:crypto';
import type {
  ChallengeView,
  LeaderboardEntry,
  PublicPuzzle,
  LeaderboardResponse,
  SubmitResponse,
} from '../../shared/challenges/api.ts';
import { CHALLENGE_ERRORS, LEADERBOARD_SIZE } from '../../shared/challenges/api.ts';
import type { Challenge } from '../../shared/challenges/catalog.ts';
import { challengeById } from '../../shared/challenges/catalog.ts';
import { parseChallengeId, windowStatus } from '../../shared/challenges/ids.ts';
import { replayChallenge } from '../../shared/challenges/replay.ts';
import { shareString } from '../../shared/challenges/share.ts';
import type { BoardScope, ChallengeBest, Store } from '../store/Store.ts';
import { checkNickname } from '../../shared/live/nickname.ts';

export interface Failure {
  status: number;
  code: string;
  message: string;
  moveIndex?: number;
}

export const isFailure = (x: object): x is Failure => 'status' in x && 'code' in x;

/** Device tokens are secrets of a browser: boards store and compare only this hash. */
export const deviceHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex').slice(0, 32);

/** Identifies a run (its move list) among a device's submissions to one challenge. */
const runKey = (moves: readonly string[]): string =>
  createHash('sha256').update(JSON.stringify(moves)).digest('hex').slice(0, 32);

/**
 * Days after its window closed that a challenge keeps its puzzle and board online. It bounds the
 * ids anyone can make the server generate to ~14 (all fit the catalog's memo table).
 */
const ARCHIVE_DAYS = 10;

/**
 * A challenge that has opened by `now` and closed at most ARCHIVE_DAYS ago (closed ones still have
 * a puzzle and a board). The id and its window are checked before the puzzle is generated (tens of
 * ms, up to a second): a future or long-past date costs nothing.
 */
export function openedChallenge(id: string, now: number): Challenge | Failure {
  const parsed = parseChallengeId(id);
  if (parsed === null)
    return { status: 404, code: CHALLENGE_ERRORS.unknown, message: `No challenge "${id}".` };
  if (windowStatus(parsed, now) === 'not_open')
    return {
      status: 403,
      code: CHALLENGE_ERRORS.notOpen,
      message: 'This challenge has not started yet.',
    };
  if (now - parsed.closesAt > ARCHIVE_DAYS * 86_400_000)
    return { status: 410, code: CHALLENGE_ERRORS.closed, message: 'This challenge is over.' };
  return challengeById(id)!;
}

/** What a player needs to play: everything but the reference solution. */
export function viewOf(c: Challenge): ChallengeView {
  const puzzle: PublicPuzzle & { solution?: unknown } = { ...c.puzzle };
  delete puzzle.solution;
  return {
    id: c.id,
    kind: c.kind,
    period: c.period,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    puzzle,
  };
}

export interface SubmitInput {
  nickname: string;
  deviceToken: string;
  moves: string[];
  classCode?: string | undefined;
}

export async function submit(
  store: Store,
  id: string,
  input: SubmitInput,
  now: number,
): Promise<SubmitResponse | Failure> {
  const c = openedChallenge(id, now);
  if (isFailure(c)) return c;
  if (windowStatus(c, now) === 'closed')
    return { status: 410, code: CHALLENGE_ERRORS.closed, message: 'This challenge is over.' };
  const nick = checkNickname(input.nickname);
  if (!nick.ok) {
    // The leaderboard's API codes predate the shared policy; the rule and its message are shared.
    const profane = nick.code === 'nickname/refused';
    return {
      status: profane ? 422 : 400,
      code: profane ? CHALLENGE_ERRORS.nicknameProfane : CHALLENGE_ERRORS.nicknameInvalid,
      message: nick.message,
    };
  }
  const replay = replayChallenge(c.puzzle, input.moves);
  if (!replay.ok) return { status: 422, ...replay.error };
  const r = replay.result;
  const response = {
    challengeId: c.id,
    result: {
      solved: r.solved,
      moves: r.moves,
      par: r.par,
      stars: r.stars,
      score: r.score,
      examined: r.examined,
    },
    steps: r.steps,
  };
  if (!r.solved)
    return {
      ...response,
      improved: false,
      rank: null,
      share: shareString({ challengeId: c.id, ...r }),
    };
  const device = deviceHash(input.deviceToken);
  const { improved } = await store.recordChallengeSubmission({
    challengeId: c.id,
    classCode: input.classCode ?? '',
    device,
    nickname: nick.nickname,
    score: r.score,
    moves: input.moves,
    runKey: runKey(input.moves),
    examined: r.examined,
    par: r.par,
    stars: r.stars,
    stateHash: r.stateHash,
    submittedAt: now,
  });
  const scope = { challengeId: c.id, classCode: '' };
  const standing = await store.challengeStanding(scope, device);
  const rank = standing ? { rank: standing.rank, of: await store.challengeCount(scope) } : null;
  return {
    ...response,
    improved,
    rank,
    share: shareString({ challengeId: c.id, ...r, ...(rank ? { rank } : {}) }),
  };
}

const entryOf = (b: ChallengeBest, rank: number, you: string | null): LeaderboardEntry => ({
  rank,
  nickname: b.nickname,
  score: b.score,
  moves: b.moveCount,
  stars: b.stars,
  you: b.device === you,
});

export async function leaderboard(
  store: Store,
  id: string,
  q: { device?: string | undefined; class?: string | undefined },
  now: number,
): Promise<LeaderboardResponse | Failure> {
  const c = openedChallenge(id, now);
  if (isFailure(c)) return c;
  const scope: BoardScope = { challengeId: c.id, classCode: q.class ?? '' };
  const device = q.device === undefined ? null : deviceHash(q.device);
  const top = await store.challengeTop(scope, LEADERBOARD_SIZE);
  const standing = device === null ? null : await store.challengeStanding(scope, device);
  return {
    challengeId: c.id,
    classCode: q.class ?? null,
    par: c.puzzle.par,
    total: await store.challengeCount(scope),
    entries: top.map((b, i) => entryOf(b, i + 1, device)),
    you: standing ? entryOf(standing.best, standing.rank, device) : null,
    histogram: await store.challengeHistogram(scope),
  };
}
