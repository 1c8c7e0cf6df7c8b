/**
 * The students' boards of a classroom: one LiveBoard per student seat, all on the class puzzle.
 * Move / undo / reset go through `play`, which also answers the protocol (applied / rejected /
 * completed) and stores a solved result; the room decides only *whether* boards are open.
 */
import type { Client } from '@colyseus/core';
import { SERVER_MESSAGES } from '../../shared/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { depsOf, recordCompletion, type RoomDeps } from './deps.ts';
import { LiveBoard, type BoardReply } from './LiveBoard.ts';
import type { ClassroomState } from './schema.ts';
import type { Seat } from './seats.ts';

export class ClassroomBoards {
  private readonly boards = new Map<string, LiveBoard>();
  private readonly deps: RoomDeps;
  private readonly state: ClassroomState;
  private readonly roomCode: () => string;
  puzzle: Puzzle;

  constructor(room: object, state: ClassroomState, puzzle: Puzzle, roomCode: () => string) {
    this.deps = depsOf(room);
    this.state = state;
    this.puzzle = puzzle;
    this.roomCode = roomCode;
  }

  get(seatId: string): LiveBoard | undefined {
    return this.boards.get(seatId);
  }

  /** A fresh board of `puzzle` (default: the class puzzle) for a seat, mirrored into its SeatState. */
  create(seatId: string, puzzle: Puzzle = this.puzzle): LiveBoard {
    const live = new LiveBoard(this.deps.rules, puzzle);
    this.boards.set(seatId, live);
    const seatState = this.state.seats.get(seatId);
    if (seatState) seatState.board = live.state;
    return live;
  }

  delete(seatId: string): void {
    this.boards.delete(seatId);
  }

  /** Every student's board restarts on `puzzle` (setPuzzle, or a live puzzle round starting). */
  replaceAll(puzzle: Puzzle): void {
    this.puzzle = puzzle;
    this.state.puzzleId = puzzle.id;
    for (const seatId of this.boards.keys()) {
      this.create(seatId, puzzle);
      this.state.seats.get(seatId)!.score = 0;
    }
  }

  /** Runs one board operation and replies; returns the board after it when accepted. */
  play(
    client: Client,
    seat: Seat,
    live: LiveBoard,
    op: (board: LiveBoard) => BoardReply,
  ): BoardReply {
    const wasSolved = live.solved;
    const reply = op(live);
    if (!reply.ok) {
      client.send(SERVER_MESSAGES.rejected, reply.rejected);
      return reply;
    }
    if (reply.applied) client.send(SERVER_MESSAGES.applied, reply.applied);
    if (reply.solved && !wasSolved)
      this.complete(client, seat, live).catch((e: unknown) =>
        console.error('[classroom] storing result failed', e),
      );
    return reply;
  }

  private async complete(client: Client, seat: Seat, live: LiveBoard): Promise<void> {
    const meta = {
      roomCode: this.roomCode(),
      roomKind: 'classroom' as const,
      seatId: seat.id,
      nickname: seat.nickname,
    };
    const result = await recordCompletion(this.deps, live, meta);
    const state = this.state.seats.get(seat.id);
    if (state) state.score = result.score;
    client.send(SERVER_MESSAGES.completed, result);
  }
}
