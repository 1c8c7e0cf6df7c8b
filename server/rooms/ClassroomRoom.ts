/**
 * `classroom`: a teacher hosts, every student plays their own board of the class puzzle, and
 * live rounds (issue 8) run on top: lobby, puzzle / predict rounds, reveal, podium, report.
 * Thin adapter: zod checks shapes, LiveBoard/rules and shared/live decide, mirrors feed the schema.
 * Visibility: `seats` and `liveSeats` are view fields; a student's StateView holds only their own
 * seat, board and row, a teacher's (host or co-teacher) holds every seat and row. Seats persist
 * after a disconnect (greyed: connected=false) until the room is disposed or the student is kicked.
 *
 * Who sits where (issue 14): the teacher seat goes only to the join presenting the `hostKey` the
 * matchmaker put in the creator's options (server/http/matchmakeGuard.ts), once; co-teachers
 * present the co-teacher key. The 250-student cap counts seats with a session only: a seat whose
 * student left stays reclaimable by its own token but does not hold a place, and past twice the
 * cap the earliest such seat is dropped. A kicked student's token is refused from then on, and for
 * a few minutes no new student seat goes to a join from the kicked seat's address (kickCooldown.ts).
 */
import { Room, ServerError, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { LIVE_ERRORS } from '../../shared/live/errors.ts';
import {
  LIVE_MESSAGES,
  LiveAnswerMessage,
  LiveHintMessage,
  LiveHostMessage,
  LiveLinesMessage,
} from '../../shared/live/protocol.ts';
import {
  CLIENT_MESSAGES,
  ClassroomJoinOptions,
  LIMITS,
  HintMessage,
  MoveMessage,
  ResetMessage,
  ROOM_ERRORS,
  SEAT_TAKEN_CLOSE_CODE,
  SERVER_MESSAGES,
  SetPuzzleMessage,
  UndoMessage,
  type WelcomeMessage,
} from '../../shared/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { ClassroomLive } from '../live/classroomLive.ts';
import { LiveInfoState } from '../live/schema.ts';
import { ClassroomBoards } from './ClassroomBoards.ts';
import {
  allocateRoomCode,
  depsOf,
  PATCH_MS,
  holdSeat,
  type RoomDeps,
  parseOptions,
  puzzleOrThrow,
} from './deps.ts';
import { KickCooldown } from './kickCooldown.ts';
import type { BoardReply, LiveBoard } from './LiveBoard.ts';
import { ClassroomState, SeatState } from './schema.ts';
import { SeatRegistry, type Seat } from './seats.ts';

/** How long a kick keeps new seats from the kicked seat's address (kickCooldown.ts). */
const KICK_COOLDOWN_SECONDS = 180;

/** 250 students plus a few teachers (host and co-teachers). */
const CLASSROOM_MAX_CLIENTS = LIMITS.classroomStudents + 5;

export class ClassroomRoom extends Room<{ state: ClassroomState }> {
  static deps?: RoomDeps;
  override maxClients = CLASSROOM_MAX_CLIENTS;
  override maxMessagesPerSecond = 20;
  override state = new ClassroomState();
  readonly seats = new SeatRegistry();
  private boards!: ClassroomBoards;
  live!: ClassroomLive;
  /** The creator's key until the creator has joined; null afterwards. */
  private hostKey: string | null = null;
  private readonly kickedTokens = new Set<string>();
  private kicks!: KickCooldown;
  private evicting = false;

  override async onCreate(options: unknown): Promise<void> {
    const opts = parseOptions(ClassroomJoinOptions, options);
    const puzzle = puzzleOrThrow(depsOf(this).rules, opts.puzzleId);
    this.hostKey = opts.hostKey ?? null;
    this.kicks = new KickCooldown(KICK_COOLDOWN_SECONDS * 1000, () => this.now());
    this.setPatchRate(depsOf(this).patchMs ?? PATCH_MS);
    this.roomId = await allocateRoomCode();
    Object.assign(this.state, {
      code: this.roomId,
      puzzleId: puzzle.id,
      live: new LiveInfoState(),
    });
    this.boards = new ClassroomBoards(this, this.state, puzzle, () => this.roomId);
    this.live = new ClassroomLive(
      this,
      this.state.live,
      this.state.liveSeats,
      depsOf(this).liveReports,
    );
    this.onMessage(CLIENT_MESSAGES.move, MoveMessage, (c, m) =>
      this.onBoard(c, (b) => b.move(this.seatOf(c)!.id, m)),
    );
    this.onMessage(CLIENT_MESSAGES.undo, UndoMessage, (c, m) => this.onBoard(c, (b) => b.undo(m)));
    this.onMessage(CLIENT_MESSAGES.reset, ResetMessage, (c, m) =>
      this.onBoard(c, (b) => b.reset(m)),
    );
    // A hint is not progress on the board: the live round is not told (it has liveHint).
    this.onMessage(CLIENT_MESSAGES.hint, HintMessage, (c, m) =>
      this.onBoard(c, (b) => b.hint(m), false),
    );
    this.onMessage(CLIENT_MESSAGES.setPuzzle, SetPuzzleMessage, (c, m) =>
      this.onSetPuzzle(c, m.puzzleId),
    );
    this.onMessage(LIVE_MESSAGES.host, LiveHostMessage, (c, m) =>
      this.live.onHost(c, m as LiveHostMessage),
    );
    this.onMessage(LIVE_MESSAGES.answer, LiveAnswerMessage, (c, m) => this.live.onAnswer(c, m));
    this.onMessage(LIVE_MESSAGES.lines, LiveLinesMessage, (c, m) => this.live.onLines(c, m));
    this.onMessage(LIVE_MESSAGES.hint, LiveHintMessage, (c) => this.live.onHint(c));
  }

  override onJoin(client: Client, options: unknown): void {
    const opts = parseOptions(ClassroomJoinOptions, options);
    if (opts.token !== undefined && this.kickedTokens.has(opts.token))
      throw new ServerError(403, 'join/kicked: the teacher removed you from this class.');
    const existing = this.seats.withToken(opts.token);
    const creator = this.hostKey !== null && opts.hostKey === this.hostKey;
    if (creator) this.hostKey = null;
    const asTeacher = creator || opts.token === this.live.coTeacherKey;
    if (existing?.role === 'student' && existing.sessionId === null) this.ensureStudentPlace();
    if (existing === undefined && !asTeacher) this.refuseKickedAddress(opts.peer);
    const seat = existing ?? this.newSeat(client, asTeacher, opts.nickname);
    if (existing === undefined && !asTeacher) this.kicks.seated(seat.id, opts.peer);
    if (existing) this.takeOver(existing, client);
    client.view = new StateView();
    this.showVisibleSeats(client);
    this.seatState(seat).connected = true;
    client.send(SERVER_MESSAGES.welcome, {
      role: seat.role,
      seatId: seat.id,
      token: seat.token,
      code: this.roomId,
    } satisfies WelcomeMessage);
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
    // Undefined when onCreate refused its options (the room is disposed without ever opening).
    (this.live as ClassroomLive | undefined)?.session.dispose();
  }

  private newSeat(client: Client, asTeacher: boolean, nickname: string | undefined): Seat {
    const role = asTeacher ? 'host' : 'student';
    if (role === 'student') this.ensureStudentPlace();
    const seat = this.seats.create(
      role,
      nickname ?? (asTeacher ? 'Teacher' : 'Student'),
      client.sessionId,
    );
    if (role === 'student') {
      try {
        seat.nickname = this.live.admit(seat, nickname);
      } catch (refused) {
        this.seats.remove(seat);
        throw refused;
      }
    }
    this.state.seats.set(
      seat.id,
      Object.assign(new SeatState(), { id: seat.id, nickname: seat.nickname, role }),
    );
    if (role === 'student') {
      this.boards.create(seat.id, this.live.session.currentPuzzle());
      this.state.studentCount++;
    }
    this.clients
      .filter((c) => this.seatOf(c)?.role === 'host')
      .forEach((host) => this.showSeat(host, seat.id));
    return seat;
  }

  /** A locked class refuses every new seat anyway (`live/locked`, said the same to all). */
  private refuseKickedAddress(peer: string | undefined): void {
    if (this.live.session.live.settings.locked) return;
    const wait = this.kicks.wait(peer);
    if (wait > 0)
      throw new ServerError(
        403,
        `join/kicked_recently: a student was just removed from this class on this network; try again in ${wait} s.`,
      );
  }

  /** Throws when every student place is held; drops the earliest left seat past twice the cap. */
  private ensureStudentPlace(): void {
    if (this.seats.occupied('student') >= LIMITS.classroomStudents)
      throw new ServerError(403, 'join/full: this class is full.');
    const ghost = this.seats.oldestReleased('student');
    if (ghost === undefined || this.seats.count('student') < 2 * LIMITS.classroomStudents) return;
    this.evicting = true;
    try {
      this.live.session.apply({ role: 'host' }, { type: 'kick', studentId: ghost.id });
    } finally {
      this.evicting = false;
    }
  }

  private takeOver(seat: Seat, client: Client): void {
    const previous = this.seats.takeOver(seat, client.sessionId);
    this.clients.find((c) => c.sessionId === previous)?.leave(SEAT_TAKEN_CLOSE_CODE);
  }

  /** Boards are open in the lobby (warm-up) and in running puzzle rounds; moves there count as progress. */
  private onBoard(client: Client, op: (board: LiveBoard) => BoardReply, isProgress = true): void {
    const seat = this.seatOf(client);
    const live = seat && this.boards.get(seat.id);
    if (seat === undefined || live === undefined)
      return this.refuse(client, ROOM_ERRORS.noBoard, 'You have no board in this room.');
    if (!this.live.session.boardsOpen())
      return this.refuse(
        client,
        LIVE_ERRORS.wrongPhase,
        'Boards are closed right now.',
        live.current.moves.length,
      );
    const reply = this.boards.play(client, seat, live, op);
    if (reply.ok && isProgress) this.live.progress(seat, live.current.moves.length, reply.solved);
  }

  private refuse(client: Client, code: string, message: string, version = 0): void {
    client.send(SERVER_MESSAGES.rejected, { code, message, version });
  }

  private onSetPuzzle(client: Client, puzzleId: string): void {
    if (this.seats.ofSession(client.sessionId)?.role !== 'host')
      return this.refuse(client, ROOM_ERRORS.notHost, 'Only the teacher can do that.');
    const puzzle = depsOf(this).rules.puzzle(puzzleId);
    if (puzzle === undefined)
      return this.refuse(client, ROOM_ERRORS.unknownPuzzle, `No puzzle "${puzzleId}".`);
    this.replaceBoards(puzzle);
  }

  /** Every student's board restarts on `puzzle` (setPuzzle, or a live puzzle round starting). */
  replaceBoards(puzzle: Puzzle): void {
    this.boards.replaceAll(puzzle);
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

  private seatOf(client: Client): Seat | undefined {
    return this.seats.ofSession(client.sessionId);
  }

  // --- ClassroomPort (server/live/classroomLive.ts) ---
  /** A kicked student (or, while evicting, a seat whose student left long ago) is removed. */
  removeStudent(seat: Seat): void {
    if (!this.evicting) this.kickedTokens.add(seat.token);
    this.kicks.removed(seat.id, !this.evicting);
    this.seats.remove(seat);
    this.boards.delete(seat.id);
    this.state.seats.delete(seat.id);
    this.state.studentCount--;
  }

  now(): number {
    return (depsOf(this).now ?? Date.now)();
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
