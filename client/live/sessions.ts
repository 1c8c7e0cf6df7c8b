/**
 * Sessions over a live class room, for the Puzzle scene. The Puzzle scene disposes its session when
 * it closes; these sessions then only stop listening (the class connection stays open), because
 * the room outlives every round.
 *
 * - `studentBoard`: the student's own board (RoomSession semantics); hints also go to the server
 *   so the teacher's dashboard counts them (and the last hint caps the stars, as the rules say).
 * - `watchBoard`: a teacher watching one student's board, read-only: every move is refused locally.
 */
import { puzzleById } from '../../shared/puzzles/byId.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { t } from '../i18n/index.ts';
import { RoomSession, type RoomLike } from '../session/RoomSession.ts';
import type { SubmitResult } from '../session/Session.ts';
import type { LiveConnection, LiveState } from './connection.ts';
import { holdReason } from './hold.ts';

/** Forwards to the room while active; `leave` only detaches this view from the room. */
function detachableRoom(conn: LiveConnection): RoomLike {
  let active = true;
  return {
    send: (type, payload) => {
      if (active) conn.room.send(type, payload);
    },
    onMessage: (type, cb) =>
      conn.room.onMessage(type, (p: never) => {
        if (active) cb(p);
      }),
    onStateChange: (cb) =>
      conn.room.onStateChange((s) => {
        if (active) cb(s as never);
      }),
    leave: () => {
      active = false;
    },
  };
}

const movesOfSeat =
  (seatId: string) =>
  (state: never): string[] | null => {
    const board = (state as LiveState).seats.get(seatId)?.board;
    return board ? [...board.moves].map((m) => m.move) : null;
  };

class LiveBoardSession extends RoomSession {
  private readonly conn: LiveConnection;
  readonly exit: () => void;

  constructor(conn: LiveConnection, puzzle: Puzzle, seatId: string, exit: () => void) {
    super(detachableRoom(conn), puzzle, movesOfSeat(seatId));
    this.conn = conn;
    this.exit = exit;
  }

  /** A paused round (or a dropped link) takes no move: refused with the reason, not silently lost. */
  override submit(statement: string): Promise<SubmitResult> {
    const held = holdReason(this.conn);
    if (held === null) return super.submit(statement);
    return Promise.resolve({ ok: false, statement, error: { code: 'live/paused', message: held } });
  }

  override nextHint(): ReturnType<RoomSession['nextHint']> {
    const hint = super.nextHint();
    if (hint) this.conn.askHint();
    return hint;
  }
}

class WatchSession extends RoomSession {
  readonly readOnly = true;

  override submit(statement: string): Promise<SubmitResult> {
    return Promise.resolve({
      ok: false,
      statement,
      error: { code: 'live/read_only', message: t('live.readOnly') },
    });
  }

  override async undo(): Promise<boolean> {
    return false;
  }

  override async reset(): Promise<void> {}

  override nextHint(): null {
    return null;
  }
}

/**
 * The current class puzzle on this student's own board, or null outside puzzle rounds. `exit` is
 * where the board's "← Levels" button goes: back to the class screen, never the solo campaign.
 */
export function studentBoard(conn: LiveConnection, exit: () => void): RoomSession | null {
  const puzzle = puzzleById(conn.state.puzzleId);
  if (!puzzle) return null;
  const session = new LiveBoardSession(conn, puzzle, conn.seatId, exit);
  conn.room.onStateChange.invoke(conn.state); // replay the moves already on the board (a refresh mid-round)
  return session;
}

/** A student's board, read-only, for the teacher. */
export function watchBoard(conn: LiveConnection, seatId: string): RoomSession | null {
  const board = conn.state.seats.get(seatId)?.board;
  const puzzle = board ? puzzleById(board.puzzleId) : undefined;
  if (!puzzle) return null;
  const session = new WatchSession(detachableRoom(conn), puzzle, movesOfSeat(seatId));
  conn.room.onStateChange.invoke(conn.state);
  return session;
}
