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

export interface Store {
  /** Writes the result and its moves in one transaction; returns the new result id. */
  saveResult(result: ResultInput): Promise<number>;
  /** Results matching every given field, oldest first. */
  listResults(query: ResultQuery): Promise<StoredResult[]>;
  close(): Promise<void>;
}
