/**
 * `classroom`: a teacher hosts, every student plays their own board of the class puzzle, and
 * live rounds (issue 8) run on top: lobby, puzzle / predict rounds, reveal, podium, report.
 * Thin adapter: zod checks shapes, LiveBoard/rules and shared/live decide, mirrors feed the schema.
 * Visibility: `seats` and `liveSeats` are view fields; a student's StateView holds only their own
 * seat, board and row, a teacher's (host or co-teacher) holds every seat and row. Seats persist
 * after a disconnect (greyed: connected=false) until the room is disposed or the student is kicked.
 */
import { Room, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { LIVE_ERRORS } from '../../shared/live/errors.ts';
import { LIVE_MESSAGES, LiveAnswerMessage, LiveHintMessage, LiveHostMessage } from '../../shared/live/protocol.ts';
import {
  CLIENT_MESSAGES, ClassroomJoinOptions, LIMITS, MoveMessage, ResetMessage, ROOM_ERRORS,
  SEAT_TAKEN_CLOSE_CODE, SERVER_MESSAGES, SetPuzzleMessage, UndoMessage, type WelcomeMessage,
} from '../../shared/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { ClassroomLive } from '../live/classroomLive.ts';
import { LiveInfoState } from '../live/schema.ts';
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
  readonly seats = new SeatRegistry();
  private readonly boards = new Map<string, LiveBoard>();
  private puzzle!: Puzzle;
  live!: ClassroomLive;

  override async onCreate(options: unknown): Promise<void> {
    const opts = parseOptions(ClassroomJoinOptions, options);
    this.puzzle = puzzleOrThrow(depsOf(this).rules, opts.puzzleId);
    this.roomId = await allocateRoomCode();
    Object.assign(this.state, { code: this.roomId, puzzleId: this.puzzle.id, live: new LiveInfoState() });
    this.live = new ClassroomLive(this, this.state.live, this.state.liveSeats, depsOf(this).liveReports);
    this.onMessage(CLIENT_MESSAGES.move, MoveMessage, (c, m) => this.onBoard(c, (b, s) => b.move(s.id, m)));
    this.onMessage(CLIENT_MESSAGES.undo, UndoMessage, (c, m) => this.onBoard(c, (b) => b.undo(m)));
    this.onMessage(CLIENT_MESSAGES.reset, ResetMessage, (c, m) => this.onBoard(c, (b) => b.reset(m)));
    this.onMessage(CLIENT_MESSAGES.setPuzzle, SetPuzzleMessage, (c, m) => this.onSetPuzzle(c, m.puzzleId));
    this.onMessage(LIVE_MESSAGES.host, LiveHostMessage, (c, m) => this.live.onHost(c, m as LiveHostMessage));
    this.onMessage(LIVE_MESSAGES.answer, LiveAnswerMessage, (c, m) => this.live.onAnswer(c, m));
    this.onMessage(LIVE_MESSAGES.hint, LiveHintMessage, (c) => this.live.onHint(c));
  }

  override onJoin(client: Client, options: unknown): void {
    const opts = parseOptions(ClassroomJoinOptions, options);
    const existing = this.seats.withToken(opts.token);
    const asTeacher = (opts.host === true && this.seats.count('host') === 0) || opts.token === this.live.coTeacherKey;
    const seat = existing ?? this.newSeat(client, asTeacher, opts.nickname);
    if (existing) this.takeOver(existing, client);
    client.view = new StateView();
    this.showVisibleSeats(client);
    this.seatState(seat).connected = true;
    client.send(SERVER_MESSAGES.welcome, { role: seat.role, seatId: seat.id, token: seat.token, code: this.roomId } satisfies WelcomeMessage);
  }

  override onDrop(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat === undefined) return; // taken over by another tab, kicked, or a failed join
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
    const state = seat && this.state.seats.get(seat.id);
    if (state) state.connected = false;
  }

  override onDispose(): void {
    this.live.session.dispose();
  }

  private newSeat(client: Client, asTeacher: boolean, nickname: string | undefined): Seat {
    const role = asTeacher ? 'host' : 'student';
    if (role === 'student' && this.seats.count('student') >= LIMITS.classroomStudents) throw new Error('class is full');
    const seat = this.seats.create(role, nickname ?? (asTeacher ? 'Teacher' : 'Student'), client.sessionId);
    if (role === 'student') {
      try {
        seat.nickname = this.live.admit(seat, nickname);
      } catch (refused) {
        this.seats.remove(seat);
        throw refused;
      }
    }
    const state = new SeatState();
    Object.assign(state, { id: seat.id, nickname: seat.nickname, role });
    if (role === 'student') {
      state.board = this.newBoard(seat.id, this.live.session.currentPuzzle() ?? this.puzzle).state;
      this.state.studentCount++;
    }
    this.state.seats.set(seat.id, state);
    this.teacherClients().forEach((host) => this.showSeat(host, seat.id));
    return seat;
  }

  private newBoard(seatId: string, puzzle: Puzzle): LiveBoard {
    const live = new LiveBoard(depsOf(this).rules, puzzle);
    this.boards.set(seatId, live);
    return live;
  }

  private takeOver(seat: Seat, client: Client): void {
    const previous = this.seats.takeOver(seat, client.sessionId);
    this.clients.find((c) => c.sessionId === previous)?.leave(SEAT_TAKEN_CLOSE_CODE);
  }

  private onBoard(client: Client, op: (board: LiveBoard, seat: Seat) => BoardReply): void {
    const seat = this.seats.ofSession(client.sessionId);
    const live = seat && this.boards.get(seat.id);
    if (seat === undefined || live === undefined) return this.refuse(client, ROOM_ERRORS.noBoard, 'You have no board in this room.');
    if (!this.live.session.boardsOpen()) return this.refuse(client, LIVE_ERRORS.wrongPhase, 'Boards are closed right now.', live.current.moves.length);
    const wasSolved = live.solved;
    const reply = op(live, seat);
    if (!reply.ok) return client.send(SERVER_MESSAGES.rejected, reply.rejected);
    if (reply.applied) client.send(SERVER_MESSAGES.applied, reply.applied);
    this.live.progress(seat, live.current.moves.length, reply.solved);
    if (reply.solved && !wasSolved) this.complete(client, seat, live).catch((e: unknown) => console.error('[classroom] storing result failed', e));
  }

  private refuse(client: Client, code: string, message: string, version = 0): void {
    client.send(SERVER_MESSAGES.rejected, { code, message, version });
  }

  private async complete(client: Client, seat: Seat, live: LiveBoard): Promise<void> {
    const meta = { roomCode: this.roomId, roomKind: 'classroom' as const, seatId: seat.id, nickname: seat.nickname };
    const result = await recordCompletion(depsOf(this), live, meta);
    const state = this.state.seats.get(seat.id);
    if (state) state.score = result.score;
    client.send(SERVER_MESSAGES.completed, result);
  }

  private onSetPuzzle(client: Client, puzzleId: string): void {
    if (this.seats.ofSession(client.sessionId)?.role !== 'host') return this.refuse(client, ROOM_ERRORS.notHost, 'Only the teacher can do that.');
    const puzzle = depsOf(this).rules.puzzle(puzzleId);
    if (puzzle === undefined) return this.refuse(client, ROOM_ERRORS.unknownPuzzle, `No puzzle "${puzzleId}".`);
    this.replaceBoards(puzzle);
  }

  /** Every student's board restarts on `puzzle` (setPuzzle, or a live puzzle round starting). */
  replaceBoards(puzzle: Puzzle): void {
    this.puzzle = puzzle;
    this.state.puzzleId = puzzle.id;
    for (const seatId of this.boards.keys()) {
      const seatState = this.state.seats.get(seatId)!;
      seatState.board = this.newBoard(seatId, puzzle).state;
      seatState.score = 0;
    }
    this.clients.forEach((c) => this.showVisibleSeats(c));
  }

  /** A host sees every seat and live row, anyone else only their own. */
  private showVisibleSeats(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat?.role === 'host') this.seats.all().forEach((s) => this.showSeat(client, s.id));
    else if (seat) this.showSeat(client, seat.id);
    if (seat) this.live.showRows(client, seat);
  }

  private showSeat(client: Client, seatId: string): void {
    const state = this.state.seats.get(seatId);
    if (state && client.view) client.view.add(state);
  }

  private seatState(seat: Seat): SeatState {
    return this.state.seats.get(seat.id)!;
  }

  // --- ClassroomPort (server/live/classroomLive.ts) ---
  seatOf = (client: Client): Seat | undefined => this.seats.ofSession(client.sessionId);
  clientOf = (seat: Seat): Client | undefined => this.clients.find((c) => c.sessionId === seat.sessionId);
  seatById = (id: string): Seat | undefined => this.seats.all().find((s) => s.id === id);
  teacherSeats = (): Seat[] => this.seats.all().filter((s) => s.role === 'host');
  teacherClients = (): Client[] => this.clients.filter((c) => this.seatOf(c)?.role === 'host');

  removeStudent(seat: Seat): void {
    this.seats.remove(seat);
    this.boards.delete(seat.id);
    this.state.seats.delete(seat.id);
    this.state.studentCount--;
  }

  renameSeat(seat: Seat, nickname: string): void {
    seat.nickname = nickname;
    this.seatState(seat).nickname = nickname;
  }

  /** The authoritative board of a seat (tests compare it with the mirror). */
  boardOf(seatId: string): LiveBoard | undefined {
    return this.boards.get(seatId);
  }
}
