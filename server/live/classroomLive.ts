/**
 * Live rounds inside the `classroom` room: the LiveSession plus what only a room can do — decide
 * teacher vs student seats, admit joins through the rules, swap boards when a puzzle round starts,
 * close a kicked student's socket, keep view visibility of the per-student rows, persist reports.
 * The room calls in here; the rules themselves are in shared/live.
 */
import { randomBytes } from 'node:crypto';
import { ServerError, type Client } from '@colyseus/core';
import type { Actor } from '../../shared/live/index.ts';
import {
  KICKED_CLOSE_CODE,
  LIVE_MESSAGES,
  type LiveAnswerMessage,
  type LiveHostMessage,
  type LiveLinesMessage,
  type LiveRejectedMessage,
  type LiveTeacherMessage,
} from '../../shared/live/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import type { LiveReportStore } from './reportStore.ts';
import { LiveSession, type LiveOutcome } from './LiveSession.ts';
import {
  checkProgramOffThread,
  questionReplayOffThread,
  type ProgramCheck,
} from './programCheck.ts';
import type { LiveSeatState } from './schema.ts';
import type { Seat, SeatRegistry } from '../rooms/seats.ts';

/** What the live wiring needs from the classroom room. */
export interface ClassroomPort {
  readonly roomId: string;
  readonly clock: ConstructorParameters<typeof LiveSession>[2]['clock'];
  /** Wall clock of the round timers (RoomDeps.now: tests move it instead of sleeping). */
  now(): number;
  readonly seats: SeatRegistry;
  readonly clients: Iterable<Client>;
  replaceBoards(puzzle: Puzzle): void;
  removeStudent(seat: Seat): void;
  renameSeat(seat: Seat, nickname: string): void;
}

export class ClassroomLive {
  readonly session: LiveSession;
  /** Join with `{ token: coTeacherKey }` to get a teacher seat. */
  readonly coTeacherKey = randomBytes(24).toString('base64url');
  readonly reportId = randomBytes(12).toString('base64url');
  private readonly room: ClassroomPort;
  private readonly reports: LiveReportStore | undefined;
  private readonly rows: ConstructorParameters<typeof LiveSession>[1];
  private readonly check: ProgramCheck;

  constructor(
    room: ClassroomPort,
    info: ConstructorParameters<typeof LiveSession>[0],
    rows: ConstructorParameters<typeof LiveSession>[1],
    reports: LiveReportStore | undefined,
    check: ProgramCheck = checkProgramOffThread,
  ) {
    this.check = check;
    this.room = room;
    this.reports = reports;
    this.rows = rows;
    this.session = new LiveSession(
      info,
      rows,
      {
        now: () => room.now(),
        clock: room.clock,
        startPuzzle: (puzzle) => room.replaceBoards(puzzle),
        kicked: (id) => this.kick(id),
        renamed: (id, nickname) => {
          const seat = this.seatById(id);
          if (seat) room.renameSeat(seat, nickname);
        },
        rowCreated: (row) => this.showRow(row),
        persist: () => this.persist(),
        replayOf: questionReplayOffThread,
      },
      randomBytes(4).readUInt32LE(0),
    );
  }

  /** Admits a new student seat through the rules (lock, late join, nickname filter); throws to refuse the join. */
  admit(seat: Seat, nickname: string | undefined): string {
    const joined = this.session.apply(
      { role: 'system' },
      { type: 'join', studentId: seat.id, ...(nickname === undefined ? {} : { nickname }) },
    );
    if (!joined.ok) throw new ServerError(403, joined.error.code);
    return this.session.live.students.find((s) => s.id === seat.id)!.nickname;
  }

  actorOf(seat: Seat): Actor {
    return seat.role === 'host' ? { role: 'host' } : { role: 'student', studentId: seat.id };
  }

  onHost(client: Client, msg: LiveHostMessage): void {
    const seat = this.seatOf(client);
    if (seat === undefined) return;
    if (msg.cmd === 'playlist' && msg.edit.op === 'addProgram') {
      const added = this.session.addProgram(this.actorOf(seat), msg.edit.source, this.check);
      void added.then((outcome) => this.reply(client, msg.cmd, outcome));
      return;
    }
    this.reply(client, msg.cmd, this.session.host(this.actorOf(seat), msg));
  }

  onLines(client: Client, msg: LiveLinesMessage): void {
    const seat = this.seatOf(client);
    if (seat)
      this.reply(
        client,
        'answer',
        this.session.apply(this.actorOf(seat), { type: 'answerLines', lines: msg.lines }),
      );
  }

  onAnswer(client: Client, msg: LiveAnswerMessage): void {
    const seat = this.seatOf(client);
    if (seat)
      this.reply(
        client,
        'answer',
        this.session.apply(this.actorOf(seat), { type: 'answer', answer: msg.answer }),
      );
  }

  onHint(client: Client): void {
    const seat = this.seatOf(client);
    if (seat === undefined) return;
    const outcome = this.session.apply(this.actorOf(seat), { type: 'hint' });
    if (!outcome.ok) return this.reply(client, 'hint', outcome);
    const tier = outcome.events.find((e) => e.type === 'hint')?.tier ?? 1;
    client.send(LIVE_MESSAGES.hint, {
      tier,
      hint: this.session.currentPuzzle()?.hints[tier - 1] ?? null,
    });
  }

  /** A board changed during a running puzzle round: report progress to the rules. */
  progress(seat: Seat, moves: number, solved: boolean): void {
    if (this.session.roundRunning())
      this.session.apply(
        { role: 'system' },
        { type: 'progress', studentId: seat.id, moves, solved },
      );
  }

  /** Teachers see every row; a student sees only their own. */
  showRows(client: Client, seat: Seat): void {
    if (seat.role === 'host') {
      this.rows.forEach((row) => client.view?.add(row));
      client.send(LIVE_MESSAGES.teacher, {
        coTeacherKey: this.coTeacherKey,
        reportId: this.reportId,
      } satisfies LiveTeacherMessage);
    } else {
      const row = this.rows.get(seat.id);
      if (row) client.view?.add(row);
    }
  }

  private showRow(row: LiveSeatState): void {
    this.teacherClients().forEach((c) => c.view?.add(row));
    const seat = this.seatById(row.id);
    const client = seat && this.clientOf(seat);
    client?.view?.add(row);
  }

  private kick(studentId: string): void {
    const seat = this.seatById(studentId);
    if (seat === undefined) return;
    const client = this.clientOf(seat);
    this.room.removeStudent(seat);
    client?.send(LIVE_MESSAGES.kicked, {});
    client?.leave(KICKED_CLOSE_CODE);
  }

  private seatOf(client: Client): Seat | undefined {
    return this.room.seats.ofSession(client.sessionId);
  }

  private seatById(id: string): Seat | undefined {
    return this.room.seats.all().find((s) => s.id === id);
  }

  private clientOf(seat: Seat): Client | undefined {
    return [...this.room.clients].find((c) => c.sessionId === seat.sessionId);
  }

  private teacherClients(): Client[] {
    return [...this.room.clients].filter((c) => this.seatOf(c)?.role === 'host');
  }

  private reply(client: Client, cmd: string, outcome: LiveOutcome): void {
    if (!outcome.ok)
      client.send(LIVE_MESSAGES.rejected, {
        cmd,
        code: outcome.error.code,
        message: outcome.error.message,
      } satisfies LiveRejectedMessage);
  }

  private persist(): void {
    if (this.reports === undefined) return;
    const tokens = [
      ...this.room.seats
        .all()
        .filter((s) => s.role === 'host')
        .map((s) => s.token),
      this.coTeacherKey,
    ];
    this.reports
      .save(this.reportId, this.room.roomId, tokens, this.session.report(), Date.now())
      .catch((e: unknown) => console.error('[classroom] saving the live report failed', e));
  }
}
