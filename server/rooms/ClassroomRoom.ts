/**
 * `classroom`: a teacher hosts, every student plays their own board of the class puzzle.
 * Thin adapter: zod checks shapes, LiveBoard/rules decide, the mirror feeds the schema state.
 * Visibility: `seats` is a view field; a student's StateView holds only their own seat, a host's
 * holds every seat. Seats persist after a disconnect (greyed: connected=false) until the room is
 * disposed, so a refresh or a late return with the seat token resumes the same board.
 * Live-round controls (lobby, rounds, timers) arrive with issue 8 as further host messages.
 */
import { Room, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import {
  CLIENT_MESSAGES, ClassroomJoinOptions, LIMITS, MoveMessage, ResetMessage, ROOM_ERRORS,
  SEAT_TAKEN_CLOSE_CODE, SERVER_MESSAGES, SetPuzzleMessage, UndoMessage, type WelcomeMessage,
} from '../../shared/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { allocateRoomCode, depsOf, holdSeat, type RoomDeps, parseOptions, puzzleOrThrow, recordCompletion } from './deps.ts';
import { LiveBoard, type BoardReply } from './LiveBoard.ts';
import { ClassroomState, SeatState } from './schema.ts';
import { SeatRegistry, type Seat } from './seats.ts';

/** 250 students plus a few teachers (host and co-teachers). */
export const CLASSROOM_MAX_CLIENTS = LIMITS.classroomStudents + 5;

export class ClassroomRoom extends Room<{ state: ClassroomState }> {
  static deps?: RoomDeps;
  override maxClients = CLASSROOM_MAX_CLIENTS;
  override maxMessagesPerSecond = 20;
  override state = new ClassroomState();
  private readonly seats = new SeatRegistry();
  private readonly boards = new Map<string, LiveBoard>();
  private puzzle!: Puzzle;

  override async onCreate(options: unknown): Promise<void> {
    const opts = parseOptions(ClassroomJoinOptions, options);
    this.puzzle = puzzleOrThrow(depsOf(this).rules, opts.puzzleId);
    this.roomId = await allocateRoomCode();
    this.state.code = this.roomId;
    this.state.puzzleId = this.puzzle.id;
    this.onMessage(CLIENT_MESSAGES.move, MoveMessage, (c, m) => this.onBoard(c, (b, s) => b.move(s.id, m)));
    this.onMessage(CLIENT_MESSAGES.undo, UndoMessage, (c, m) => this.onBoard(c, (b) => b.undo(m)));
    this.onMessage(CLIENT_MESSAGES.reset, ResetMessage, (c, m) => this.onBoard(c, (b) => b.reset(m)));
    this.onMessage(CLIENT_MESSAGES.setPuzzle, SetPuzzleMessage, (c, m) => this.onSetPuzzle(c, m.puzzleId));
  }

  override onJoin(client: Client, options: unknown): void {
    const opts = parseOptions(ClassroomJoinOptions, options);
    const existing = this.seats.withToken(opts.token);
    const seat = existing ?? this.newSeat(client, opts.host === true && this.seats.count('host') === 0, opts.nickname);
    if (existing) this.takeOver(existing, client);
    client.view = new StateView();
    this.showVisibleSeats(client);
    this.seatState(seat).connected = true;
    client.send(SERVER_MESSAGES.welcome, { role: seat.role, seatId: seat.id, token: seat.token, code: this.roomId } satisfies WelcomeMessage);
  }

  override onDrop(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat === undefined) return; // taken over by another tab, or a failed join
    this.seatState(seat).connected = false;
    holdSeat(this, client, this.seats);
  }

  override onReconnect(client: Client): void {
    this.seats.reconnected(client.sessionId);
    const seat = this.seats.ofSession(client.sessionId);
    if (seat) this.seatState(seat).connected = true;
  }

  override onLeave(client: Client): void {
    const seat = this.seats.release(client.sessionId);
    if (seat) this.seatState(seat).connected = false;
  }

  private newSeat(client: Client, asHost: boolean, nickname: string | undefined): Seat {
    const role = asHost ? 'host' : 'student';
    if (role === 'student' && this.seats.count('student') >= LIMITS.classroomStudents) throw new Error('class is full');
    const seat = this.seats.create(role, nickname ?? (asHost ? 'Teacher' : 'Student'), client.sessionId);
    const state = new SeatState();
    Object.assign(state, { id: seat.id, nickname: seat.nickname, role });
    if (role === 'student') {
      const live = new LiveBoard(depsOf(this).rules, this.puzzle);
      this.boards.set(seat.id, live);
      state.board = live.state;
      this.state.studentCount++;
    }
    this.state.seats.set(seat.id, state);
    this.hosts().forEach((host) => this.showSeat(host, seat.id));
    return seat;
  }

  private takeOver(seat: Seat, client: Client): void {
    const previous = this.seats.takeOver(seat, client.sessionId);
    this.clients.find((c) => c.sessionId === previous)?.leave(SEAT_TAKEN_CLOSE_CODE);
  }

  private onBoard(client: Client, op: (board: LiveBoard, seat: Seat) => BoardReply): void {
    const seat = this.seats.ofSession(client.sessionId);
    const live = seat && this.boards.get(seat.id);
    if (seat === undefined || live === undefined) {
      client.send(SERVER_MESSAGES.rejected, { code: ROOM_ERRORS.noBoard, message: 'You have no board in this room.', version: 0 });
      return;
    }
    const wasSolved = live.solved;
    const reply = op(live, seat);
    if (!reply.ok) return client.send(SERVER_MESSAGES.rejected, reply.rejected);
    if (reply.applied) client.send(SERVER_MESSAGES.applied, reply.applied);
    if (reply.solved && !wasSolved) this.complete(client, seat, live).catch((e: unknown) => console.error("[classroom] storing result failed", e));
  }

  private async complete(client: Client, seat: Seat, live: LiveBoard): Promise<void> {
    const meta = { roomCode: this.roomId, roomKind: 'classroom' as const, seatId: seat.id, nickname: seat.nickname };
    const result = await recordCompletion(depsOf(this), live, meta);
    this.seatState(seat).score = result.score;
    client.send(SERVER_MESSAGES.completed, result);
  }

  private onSetPuzzle(client: Client, puzzleId: string): void {
    if (this.seats.ofSession(client.sessionId)?.role !== 'host') {
      return client.send(SERVER_MESSAGES.rejected, { code: ROOM_ERRORS.notHost, message: 'Only the teacher can do that.', version: 0 });
    }
    const puzzle = depsOf(this).rules.puzzle(puzzleId);
    if (puzzle === undefined) {
      return client.send(SERVER_MESSAGES.rejected, { code: ROOM_ERRORS.unknownPuzzle, message: `No puzzle "${puzzleId}".`, version: 0 });
    }
    this.puzzle = puzzle;
    this.state.puzzleId = puzzle.id;
    for (const seatId of this.boards.keys()) {
      const live = new LiveBoard(depsOf(this).rules, puzzle);
      this.boards.set(seatId, live);
      const seatState = this.state.seats.get(seatId)!;
      seatState.board = live.state;
      seatState.score = 0;
    }
    this.clients.forEach((c) => this.showVisibleSeats(c));
  }

  /** A host sees every seat, anyone else only their own. */
  private showVisibleSeats(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat?.role === 'host') this.seats.all().forEach((s) => this.showSeat(client, s.id));
    else if (seat) this.showSeat(client, seat.id);
  }

  private hosts(): Client[] {
    return this.clients.filter((c) => this.seats.ofSession(c.sessionId)?.role === 'host');
  }

  private showSeat(client: Client, seatId: string): void {
    const state = this.state.seats.get(seatId);
    if (state && client.view) client.view.add(state);
  }

  private seatState(seat: Seat): SeatState {
    return this.state.seats.get(seat.id)!;
  }

  /** The authoritative board of a seat (tests compare it with the mirror). */
  boardOf(seatId: string): LiveBoard | undefined {
    return this.boards.get(seatId);
  }
}
