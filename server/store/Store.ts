/**
 * Persistence port. Rooms and HTTP handlers talk to this interface only, so another backend
 * (PostgreSQL via DATABASE_URL, issue 10) can be added without touching them. Every method is async
 * even though node:sqlite is synchronous, because a network database will not be.
 */

/** One completed puzzle attempt, as computed by the server (never taken from a client). */
export interface ResultInput {
  /** Room code (6 digits) or '' for solo verification. */
  roomCode: string;
  roomKind: 'classroom' | 'team' | 'solo';
  /** Seat id inside the room ('' for solo). */
  seatId: string;
  nickname: string;
  puzzleId: string;
  /** The accepted moves (Python statements), in order. */
  moves: string[];
  solved: boolean;
  par: number;
  stars: number;
  score: number;
  /** hashState of the final board, to re-verify later. */
  stateHash: string;
  /** Milliseconds since the epoch. */
  completedAt: number;
}

export interface StoredResult extends Omit<ResultInput, 'moves'> {
  id: number;
  moveCount: number;
  moves: string[];
}

export interface ResultQuery {
  roomCode?: string;
  puzzleId?: string;
  seatId?: string;
}

/** One verified, solved challenge submission, as computed by the server from the replay. */
export interface ChallengeSubmission {
  challengeId: string;
  /** Upper-case class code, or '' when none was given. */
  classCode: string;
  /** Server-side hash of the device token (never the token itself). */
  device: string;
  nickname: string;
  score: number;
  /** The accepted moves (Python statements), kept to re-verify later. */
  moves: string[];
  /** Hash of `moves`: a run the device already sent for this challenge is not stored again. */
  runKey: string;
  examined: number;
  par: number;
  stars: number;
  stateHash: string;
  /** Milliseconds since the epoch. */
  submittedAt: number;
}

/** A device's best result on one board (global or one class). */
export interface ChallengeBest {
  device: string;
  nickname: string;
  score: number;
  moveCount: number;
  examined: number;
  stars: number;
  submittedAt: number;
}

/** One leaderboard: a challenge, globally (classCode '') or for one class. */
export interface BoardScope {
  challengeId: string;
  classCode: string;
}

export interface Store {
  /** Writes the result and its moves in one transaction; returns the new result id. */
  saveResult(result: ResultInput): Promise<number>;
  /** Results matching every given field, oldest first. */
  listResults(query: ResultQuery): Promise<StoredResult[]>;
  /**
   * Records a submission and, in the same transaction, makes it the device's best on the global
   * board (and on its class board when classCode is set) if it ranks strictly higher than the
   * stored best (shared/challenges/rank.ts). The device's nickname is updated either way.
   * `improved` is about the global board. Bounded (challengeSql.ts): a run the device already
   * sent for the challenge (same runKey) is not stored again (`stored: false`); a device keeps
   * its SUBMISSIONS_KEPT best runs per challenge; runs older than SUBMISSIONS_RETAINED_MS are
   * dropped.
   */
  recordChallengeSubmission(
    s: ChallengeSubmission,
  ): Promise<{ improved: boolean; stored: boolean }>;
  /** The runs kept for a device on a challenge, best first (moves and submission time). */
  challengeSubmissions(
    challengeId: string,
    device: string,
  ): Promise<{ moves: string[]; submittedAt: number }[]>;
  /** Best rows of a board in leaderboard order (shared/challenges/rank.ts), at most `limit`. */
  challengeTop(scope: BoardScope, limit: number): Promise<ChallengeBest[]>;
  /** A device's best row and 1-based rank on a board, or null if it has none there. */
  challengeStanding(
    scope: BoardScope,
    device: string,
  ): Promise<{ best: ChallengeBest; rank: number } | null>;
  /** Devices on a board. */
  challengeCount(scope: BoardScope): Promise<number>;
  /** Number of devices per best move count, ascending by moves. */
  challengeHistogram(scope: BoardScope): Promise<{ moves: number; count: number }[]>;
  close(): Promise<void>;
}
