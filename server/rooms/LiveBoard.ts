/**
 * One authoritative board inside a room: a board-master match (shared/board/master.ts), who made
 * each move, and its schema mirror. The master decides (stale version, solved, undo, hints, score);
 * this class only keeps the match and its mirror in step and shapes the replies of the protocol.
 */
import { createMaster, versionOf, type Master, type Match } from '../../shared/board/master.ts';
import { BOARD_ERRORS } from '../../shared/board/errors.ts';
import type { BoardScore } from '../../shared/board/score.ts';
import type { Board } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import type {
  AppliedMessage,
  HintMessage,
  MoveMessage,
  RejectedMessage,
  ResetMessage,
  UndoMessage,
} from '../../shared/protocol.ts';
import type { Rules } from '../game/rules.ts';
import { mirrorBoard, type MoveAuthor } from './mirror.ts';
import { BoardState } from './schema.ts';

export type BoardReply =
  | { ok: true; applied: AppliedMessage | null; solved: boolean }
  | { ok: false; rejected: RejectedMessage };

type Refused = { ok: false; code: string; message: string };

export class LiveBoard {
  readonly state = new BoardState();
  readonly puzzle: Puzzle;
  private readonly rules: Rules;
  /** In place: each move updates the match's engine state (and its digest) incrementally. */
  private readonly master: Master<null>;
  private match: Match;
  private authors: MoveAuthor[] = [];
  /** Wall-clock start of the current attempt (reset restarts it); time is measured here. */
  private startedAt = Date.now();

  constructor(rules: Rules, puzzle: Puzzle) {
    this.rules = rules;
    this.master = createMaster(rules, { inPlace: true });
    this.puzzle = puzzle;
    this.match = this.master.open(puzzle);
    this.commit(this.match, []);
  }

  get current(): Board {
    return this.match.board;
  }

  get solved(): boolean {
    return this.state.solved;
  }

  get moveAuthors(): readonly MoveAuthor[] {
    return this.authors;
  }

  move(by: string, msg: MoveMessage): BoardReply {
    const played = this.master.play(this.match, msg.move, msg.expectedVersion);
    if (!played.ok) return this.refuse(played, msg.seq);
    const { outcome } = played;
    this.commit(played.match, [...this.authors, { by, kind: outcome.kind }], msg.seq);
    const applied: AppliedMessage = {
      ...(msg.seq === undefined ? {} : { seq: msg.seq }),
      by,
      move: msg.move,
      kind: outcome.kind,
      version: versionOf(played.match),
      output: outcome.output,
      events: outcome.events,
    };
    return { ok: true, applied, solved: played.match.goal.done };
  }

  undo(msg: UndoMessage): BoardReply {
    const undone = this.master.undo(this.match, msg.expectedVersion);
    if (!undone.ok) return this.refuse(undone, msg.seq);
    this.commit(undone.match, this.authors.slice(0, -1), msg.seq);
    return { ok: true, applied: null, solved: undone.match.goal.done };
  }

  reset(msg: ResetMessage): BoardReply {
    this.startedAt = Date.now();
    this.commit(this.master.reset(this.match), [], msg.seq);
    return { ok: true, applied: null, solved: false };
  }

  /** Opens the next hint tier; it counts against this board's score. */
  hint(msg: HintMessage): BoardReply {
    const opened = this.master.openHint(this.match);
    if (opened === null) return this.refuse(NO_HINT, msg.seq);
    this.match = opened;
    if (msg.seq !== undefined) this.state.lastSeq = msg.seq;
    return { ok: true, applied: null, solved: opened.goal.done };
  }

  /** The score of the board now, with the time of the current attempt and the hints opened. */
  score(): BoardScore {
    return this.master.score(this.match, Math.floor((Date.now() - this.startedAt) / 1000));
  }

  /** hashState of the authoritative engine state: the canonical hash stored with a result. */
  hash(): string {
    return this.rules.hashState(this.match.board.engine);
  }

  private commit(match: Match, authors: MoveAuthor[], seq?: number): void {
    this.match = match;
    this.authors = authors;
    mirrorBoard(this.state, {
      board: match.board,
      goal: match.goal,
      stateDigest: this.rules.stateDigest(match.board.engine),
      authors,
      ...(seq === undefined ? {} : { lastSeq: seq }),
    });
  }

  private refuse(refused: Refused, seq: number | undefined): BoardReply {
    if (seq !== undefined) this.state.lastSeq = seq;
    const rejected: RejectedMessage = {
      ...(seq === undefined ? {} : { seq }),
      code: refused.code,
      message: refused.message,
      version: versionOf(this.match),
    };
    return { ok: false, rejected };
  }
}

const NO_HINT: Refused = { ok: false, code: BOARD_ERRORS.noHint, message: 'Every hint is open.' };
