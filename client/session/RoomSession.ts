/**
 * A Session played in a server room (@colyseus/sdk). The room is the authority: moves and hints
 * go out as messages, and the board shown is the board master's replay of the move list the room
 * mirrors — the same shared master the server runs — so events and gc traces can be animated here.
 *
 * Contracts: `submit` resolves when the room answers `applied` or `rejected` for its `seq`;
 * undo/reset resolve at the next state patch. Joining, seats and tokens live in client/live/connection.ts.
 */
import { master, type Match } from '../../shared/board/master.ts';
import type { Action } from '../../shared/engine/actions.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import { heapBytes } from '../../shared/engine/sizes.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { CLIENT_MESSAGES, SERVER_MESSAGES } from '../../shared/protocol.ts';
import type { AppliedMessage, RejectedMessage } from '../../shared/protocol.ts';
import { puzzleInfo } from './LocalSession.ts';
import {
  inspectBoard,
  puzzleFunctions,
  setupProgramOf,
  statementActions,
  type InspectResult,
} from './puzzleQueries.ts';
import type { PuzzleInfo, Session, Snapshot, SubmitResult } from './Session.ts';

/** The part of a Colyseus Room this session uses (a fake in tests). */
export interface RoomLike {
  send(type: string, payload: unknown): void;
  onMessage(type: string, cb: (payload: never) => void): unknown;
  onStateChange(cb: (state: never) => void): unknown;
  leave(consented?: boolean): unknown;
}

export class RoomSession implements Session {
  readonly mode = 'room' as const;
  readonly puzzle: PuzzleInfo;
  private readonly source: Puzzle;
  private match: Match;
  private seq = 0;
  private readonly pending = new Map<number, (r: SubmitResult) => void>();
  private readonly waiting: (() => void)[] = [];
  private readonly listeners = new Set<(s: Snapshot) => void>();
  private readonly room: RoomLike;

  /** `movesOf(state)` reads this player's accepted moves from the mirrored room state. */
  constructor(room: RoomLike, puzzle: Puzzle, movesOf: (state: never) => string[] | null) {
    this.room = room;
    this.source = puzzle;
    this.puzzle = puzzleInfo(puzzle);
    this.match = master.open(puzzle);
    room.onMessage(SERVER_MESSAGES.applied, (m: AppliedMessage) => this.applied(m));
    room.onMessage(SERVER_MESSAGES.rejected, (m: RejectedMessage) => this.rejected(m));
    room.onStateChange((state: never) => this.reconcile(movesOf(state)));
  }

  private applied(m: AppliedMessage): void {
    const resolve = m.seq === undefined ? undefined : this.pending.get(m.seq);
    if (!resolve || m.seq === undefined) return;
    this.pending.delete(m.seq);
    const played = master.play(this.match, m.move);
    if (!played.ok) {
      const { code, message } = played;
      return resolve({ ok: false, statement: m.move, error: { code, message } });
    }
    this.match = played.match;
    this.notify();
    resolve({ ok: true, statement: m.move, outcome: played.outcome, before: played.before.engine });
  }

  private rejected(m: RejectedMessage): void {
    const resolve = m.seq === undefined ? undefined : this.pending.get(m.seq);
    if (!resolve || m.seq === undefined) return;
    this.pending.delete(m.seq);
    resolve({ ok: false, statement: '', error: { code: m.code, message: m.message } });
  }

  /** Follow the room's move list (undo, reset, a teammate's move): replay when it differs. */
  private reconcile(moves: string[] | null): void {
    if (moves && moves.join('\n') !== this.match.board.moves.join('\n')) {
      const replayed = master.replay(this.source, moves);
      if (replayed.ok) {
        this.match = { ...replayed.match, hintsUsed: this.match.hintsUsed };
        this.notify();
      }
    }
    this.waiting.splice(0).forEach((w) => w());
  }

  snapshot(): Snapshot {
    const { board, goal, hintsUsed } = this.match;
    return {
      board,
      goal,
      canUndo: board.moves.length > 0,
      canRedo: false,
      hintsUsed,
      heapBytes: heapBytes(board.engine),
    };
  }

  submit(statement: string): Promise<SubmitResult> {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.room.send(CLIENT_MESSAGES.move, {
        move: statement.trim(),
        seq,
        expectedVersion: this.match.board.moves.length,
      });
    });
  }

  private nextPatch(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async undo(): Promise<boolean> {
    if (this.match.board.moves.length === 0) return false;
    const before = this.match.board.moves.length;
    const patch = this.nextPatch();
    this.room.send(CLIENT_MESSAGES.undo, { seq: ++this.seq, expectedVersion: before });
    await patch;
    return this.match.board.moves.length < before;
  }

  /** Rooms keep no redo stack: a taken-back move is simply played again. */
  async redo(): Promise<boolean> {
    return false;
  }

  async reset(): Promise<void> {
    const patch = this.nextPatch();
    this.room.send(CLIENT_MESSAGES.reset, { seq: ++this.seq });
    await patch;
  }

  async inspect(statement: string): Promise<InspectResult> {
    return inspectBoard(this.source, this.match.board, statement);
  }

  actionsOf(before: EngineState, statement: string): readonly Action[] {
    return statementActions(this.source, before, statement);
  }

  functions(): string[] {
    return puzzleFunctions(this.source);
  }

  setupProgram(): string {
    return setupProgramOf(this.source);
  }

  /** Opens the hint here and tells the room, which counts it against the board's score. */
  nextHint(): { tier: number; total: number; text: PuzzleInfo['hints'][number] } | null {
    const opened = master.openHint(this.match);
    if (opened === null) return null;
    this.match = opened;
    this.room.send(CLIENT_MESSAGES.hint, { seq: ++this.seq });
    this.notify();
    const hints = this.source.hints;
    return { tier: opened.hintsUsed, total: hints.length, text: hints[opened.hintsUsed - 1]! };
  }

  onChange(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  dispose(): void {
    this.listeners.clear();
    void this.room.leave(true);
  }
}
