/**
 * `team`: 2–6 players act on one shared board. Moves apply in arrival order (a client may still
 * send `expectedVersion` to refuse its move if someone else moved first). Every player sees the
 * whole state; `applied` is broadcast and every mirrored move names its mover (`by`).
 * A player who leaves (or does not come back within the grace period) loses the seat; the moves
 * they made stay in the log.
 */
import { Room, ServerError, type Client } from '@colyseus/core';
import {
  CLIENT_MESSAGES,
  HintMessage,
  LIMITS,
  MoveMessage,
  ResetMessage,
  SEAT_TAKEN_CLOSE_CODE,
  SERVER_MESSAGES,
  TeamJoinOptions,
  UndoMessage,
  type WelcomeMessage,
} from '../../shared/protocol.ts';
import { checkNickname } from '../../shared/live/nickname.ts';
import {
  allocateRoomCode,
  depsOf,
  PATCH_MS,
  holdSeat,
  parseOptions,
  puzzleOrThrow,
  recordCompletion,
  type RoomDeps,
} from './deps.ts';
import { LiveBoard, type BoardReply } from './LiveBoard.ts';
import { SeatState, TeamState } from './schema.ts';
import { SeatRegistry, type Seat } from './seats.ts';

/** The shared policy's nickname; a team has no teacher to approve a name the word list caught. */
function teamNickname(typed: string | undefined): string | undefined {
  if (typed === undefined) return undefined;
  const checked = checkNickname(typed);
  if (!checked.ok) throw new ServerError(400, `${checked.code}: ${checked.message}`);
  return checked.nickname;
}

export class TeamRoom extends Room<{ state: TeamState }> {
  static deps?: RoomDeps;
  /**
   * Twice the team: a dropped player's seat stays reserved for the reconnection window, and the
   * matchmaker counts reservations as clients. Without headroom, a player who reloads the page
   * (joins again with their token) in a full team was refused until the window ran out.
   * The real cap of LIMITS.teamPlayers seats is enforced in onJoin.
   */
  override maxClients = LIMITS.teamPlayers * 2;
  override maxMessagesPerSecond = 20;
  override state = new TeamState();
  private readonly seats = new SeatRegistry();
  private live!: LiveBoard;

  override async onCreate(options: unknown): Promise<void> {
    const opts = parseOptions(TeamJoinOptions, options);
    this.setPatchRate(depsOf(this).patchMs ?? PATCH_MS);
    this.live = new LiveBoard(depsOf(this).rules, puzzleOrThrow(depsOf(this).rules, opts.puzzleId));
    this.state.board = this.live.state;
    this.roomId = await allocateRoomCode();
    this.state.code = this.roomId;
    this.onMessage(CLIENT_MESSAGES.move, MoveMessage, (c, m) =>
      this.onBoard(c, (seat) => this.live.move(seat.id, m)),
    );
    this.onMessage(CLIENT_MESSAGES.undo, UndoMessage, (c, m) =>
      this.onBoard(c, () => this.live.undo(m)),
    );
    this.onMessage(CLIENT_MESSAGES.reset, ResetMessage, (c, m) =>
      this.onBoard(c, () => this.live.reset(m)),
    );
    this.onMessage(CLIENT_MESSAGES.hint, HintMessage, (c, m) =>
      this.onBoard(c, () => this.live.hint(m)),
    );
  }

  override onJoin(client: Client, options: unknown): void {
    const opts = parseOptions(TeamJoinOptions, options);
    let seat = this.seats.withToken(opts.token);
    if (seat) {
      const previous = this.seats.takeOver(seat, client.sessionId);
      this.clients.find((c) => c.sessionId === previous)?.leave(SEAT_TAKEN_CLOSE_CODE);
    } else {
      if (this.seats.all().length >= LIMITS.teamPlayers) throw new ServerError(403, 'team/full');
      seat = this.seats.create(
        'player',
        teamNickname(opts.nickname) ?? `Player ${this.seats.all().length + 1}`,
        client.sessionId,
      );
      const state = new SeatState();
      Object.assign(state, { id: seat.id, nickname: seat.nickname, role: 'player' });
      this.state.players.set(seat.id, state);
    }
    this.state.players.get(seat.id)!.connected = true;
    client.send(SERVER_MESSAGES.welcome, {
      role: 'player',
      seatId: seat.id,
      token: seat.token,
      code: this.roomId,
    } satisfies WelcomeMessage);
  }

  override onDrop(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat === undefined) return;
    this.state.players.get(seat.id)!.connected = false;
    holdSeat(this, client, this.seats);
  }

  override onReconnect(client: Client): void {
    this.seats.reconnected(client.sessionId);
    const seat = this.seats.ofSession(client.sessionId);
    if (seat) this.state.players.get(seat.id)!.connected = true;
  }

  override onLeave(client: Client): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat === undefined) return;
    this.seats.remove(seat);
    this.state.players.delete(seat.id);
  }

  private onBoard(client: Client, op: (seat: Seat) => BoardReply): void {
    const seat = this.seats.ofSession(client.sessionId);
    if (seat === undefined) return;
    const wasSolved = this.live.solved;
    const reply = op(seat);
    if (!reply.ok) return client.send(SERVER_MESSAGES.rejected, reply.rejected);
    if (reply.applied) this.broadcast(SERVER_MESSAGES.applied, reply.applied);
    if (reply.solved && !wasSolved)
      this.complete(seat).catch((e: unknown) => console.error('[team] storing result failed', e));
  }

  /** One stored result for the team: the finishing seat, and every player's nickname. */
  private async complete(finisher: Seat): Promise<void> {
    const nickname = this.seats
      .all()
      .map((s) => s.nickname)
      .join(', ');
    const meta = {
      roomCode: this.roomId,
      roomKind: 'team' as const,
      seatId: finisher.id,
      nickname,
    };
    const result = await recordCompletion(depsOf(this), this.live, meta);
    this.broadcast(SERVER_MESSAGES.completed, result);
  }

  /** The authoritative board (tests compare it with the mirror). */
  get board(): LiveBoard {
    return this.live;
  }
}
