/**
 * One authoritative board inside a room: the Board (plain JSON, from the rules), who made each
 * move, and its schema mirror. Moves, undo and reset go through here; the rules decide, this class
 * only keeps the board and its mirror in step and shapes the replies of the protocol.
 */
import type { Board } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import type {
  AppliedMessage,
  MoveMessage,
  RejectedMessage,
  ResetMessage,
  UndoMessage,
} from '../../shared/protocol.ts';
import { playMove, resetBoard, undoMove, versionOf, type PlayResult } from '../game/play.ts';
import type { Rules } from '../game/rules.ts';
import { mirrorBoard, type MoveAuthor } from './mirror.ts';
import { BoardState } from './schema.ts';

export type BoardReply =
  | { ok: true; applied: AppliedMessage | null; solved: boolean }
  | { ok: false; rejected: RejectedMessage };

export class LiveBoard {
  readonly state = new BoardState();
  readonly puzzle: Puzzle;
  private readonly rules: Rules;
  private board: Board;
  private authors: MoveAuthor[] = [];
  /** Wall-clock start of the current attempt (reset restarts it); time is measured here. */
  private startedAt = Date.now();

  constructor(rules: Rules, puzzle: Puzzle) {
    this.rules = rules;
    this.puzzle = puzzle;
    const start = resetBoard(rules, puzzle);
    this.board = start.board;
    this.commit(start, []);
  }

  get current(): Board {
    return this.board;
  }

  get solved(): boolean {
    return this.state.solved;
  }

  get moveAuthors(): readonly MoveAuthor[] {
    return this.authors;
  }

  move(by: string, msg: MoveMessage): BoardReply {
    const played = playMove(this.rules, this.puzzle, this.board, msg.move, msg.expectedVersion);
    if (!played.ok || played.outcome === undefined) return this.refuse(played, msg.seq);
    const { outcome } = played;
    this.commit(played, [...this.authors, { by, kind: outcome.kind }], msg.seq);
    const applied: AppliedMessage = {
      ...(msg.seq === undefined ? {} : { seq: msg.seq }),
      by,
      move: msg.move,
      kind: outcome.kind,
      version: versionOf(played.board),
      output: outcome.output,
      events: outcome.events,
    };
    return { ok: true, applied, solved: played.goal.done };
  }

  undo(msg: UndoMessage): BoardReply {
    const played = undoMove(this.rules, this.puzzle, this.board, msg.expectedVersion);
    if (!played.ok) return this.refuse(played, msg.seq);
    this.commit(played, this.authors.slice(0, -1), msg.seq);
    return { ok: true, applied: null, solved: played.goal.done };
  }

  reset(msg: ResetMessage): BoardReply {
    this.startedAt = Date.now();
    this.commit(resetBoard(this.rules, this.puzzle), [], msg.seq);
    return { ok: true, applied: null, solved: false };
  }

  secondsPlayed(): number {
    return Math.floor((Date.now() - this.startedAt) / 1000);
  }

  /** hashState of the authoritative engine state (mirrored as `state.stateHash`). */
  hash(): string {
    return this.rules.hashState(this.board.engine);
  }

  private commit(
    played: Extract<PlayResult, { ok: true }>,
    authors: MoveAuthor[],
    seq?: number,
  ): void {
    this.board = played.board;
    this.authors = authors;
    mirrorBoard(this.state, {
      board: played.board,
      goal: played.goal,
      stateHash: this.rules.hashState(played.board.engine),
      authors,
      ...(seq === undefined ? {} : { lastSeq: seq }),
    });
  }

  private refuse(played: PlayResult, seq: number | undefined): BoardReply {
    const { code, message } = played.ok ? { code: 'move/unknown', message: 'No move.' } : played;
    if (seq !== undefined) this.state.lastSeq = seq;
    const rejected: RejectedMessage = {
      ...(seq === undefined ? {} : { seq }),
      code,
      message,
      version: versionOf(this.board),
    };
    return { ok: false, rejected };
  }
}
