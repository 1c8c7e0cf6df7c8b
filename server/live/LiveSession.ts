/**
 * The classroom's live-round controller: holds the pure LiveState, applies commands with the
 * server's `now`, mirrors the result into schema state and turns events into effects through
 * hooks the room provides (fresh boards for a puzzle round, closing a kicked student's socket,
 * saving the report). Rules live in shared/live; this class only wires them to the room.
 *
 * Timers: while a round runs, a 1-second refresh mirrors the countdown and "stuck" statuses and
 * sends `tick`; a timeout at the exact deadline reveals on time.
 */
import type { Delayed } from '@colyseus/timer';
import type { MapSchema } from '@colyseus/schema';
import {
  applyLive,
  boardsOpen,
  buildReport,
  deadlineOf,
  hostCommandOpen,
  LIVE_ERRORS,
  liveError,
  newLiveState,
  puzzleRoundRunning,
  type Actor,
  type LiveCommand,
  type LiveError,
  type LiveEvent,
  type LiveItem,
  type LiveReport,
  type LiveState,
  type Replay,
} from '../../shared/live/index.ts';
import type { LiveHostMessage } from '../../shared/live/protocol.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { ok, type Result } from '../../shared/engine/result.ts';
import { resolveSet, roundById, type CatalogError, type LiveRound } from './catalog.ts';
import { mirrorInfo, mirrorSeats } from './mirror.ts';
import type { ProgramCheck } from './programCheck.ts';
import type { LiveInfoState, LiveSeatState } from './schema.ts';

export interface LiveHooks {
  now(): number;
  clock: {
    setTimeout(fn: () => void, ms: number): Delayed;
    setInterval(fn: () => void, ms: number): Delayed;
  };
  /** A puzzle round starts: every student gets a fresh board of `puzzle`. */
  startPuzzle(puzzle: Puzzle): void;
  /** A student was removed: close their socket, forget their seat. */
  kicked(studentId: string): void;
  renamed(studentId: string, nickname: string): void;
  /** A student's row appeared: show it to teachers and to that student. */
  rowCreated(row: LiveSeatState): void;
  /** A predict question's replay for its reveal (recorded off the event loop). */
  replayOf(questionId: string): Promise<Replay | null>;
  /** The report changed (after a reveal, on the podium): persist it. */
  persist(report: LiveReport): void;
}

export type LiveOutcome =
  | { ok: true; events: LiveEvent[] }
  | { ok: false; error: LiveError | { code: string; message: string } };

export class LiveSession {
  private state: LiveState;
  /** The puzzle of every puzzle round resolved so far, by item id (the order is state.items). */
  private readonly puzzles = new Map<string, Puzzle>();
  private readonly info: LiveInfoState;
  private readonly seats: MapSchema<LiveSeatState>;
  private readonly hooks: LiveHooks;
  private readonly seed: number;
  private refreshTimer: Delayed | null = null;
  private deadlineTimer: Delayed | null = null;
  private checking = false;

  constructor(
    info: LiveInfoState,
    seats: MapSchema<LiveSeatState>,
    hooks: LiveHooks,
    seed: number,
  ) {
    this.info = info;
    this.seats = seats;
    this.hooks = hooks;
    this.seed = seed;
    this.state = newLiveState(seed);
    this.mirror();
  }

  get live(): LiveState {
    return this.state;
  }

  /** Boards may move in the lobby (warm-up on the class puzzle) and in running puzzle rounds. */
  boardsOpen(): boolean {
    return boardsOpen(this.state.phase, this.currentKind());
  }

  /** In a running puzzle round, moves count toward the round (progress, finished). */
  roundRunning(): boolean {
    return puzzleRoundRunning(this.state.phase, this.currentKind());
  }

  private currentKind(): string | undefined {
    return this.state.round === null ? undefined : this.state.items[this.state.round.index]?.kind;
  }

  currentPuzzle(): Puzzle | undefined {
    return this.puzzleOf(this.state.round?.index);
  }

  apply(actor: Actor, cmd: LiveCommand): LiveOutcome {
    const result = applyLive(this.state, actor, cmd, this.hooks.now());
    if (!result.ok) return result;
    this.state = result.value.state;
    for (const event of result.value.events) this.effect(event);
    this.mirror(rowsTouched(result.value.events));
    this.schedule();
    return { ok: true, events: result.value.events };
  }

  /** A teacher message; a set or an added round is resolved through the catalog first. */
  host(actor: Actor, msg: LiveHostMessage): LiveOutcome {
    if (msg.cmd === 'setSet')
      return this.withRounds(
        actor,
        () => resolveSet(msg.set, this.seed),
        (items): LiveCommand =>
          msg.append
            ? { type: 'editItems', edit: { op: 'append', items } }
            : { type: 'setItems', items },
      );
    if (msg.cmd === 'playlist' && msg.edit.op === 'add') {
      const id = msg.edit.id;
      return this.withRounds(
        actor,
        () => roundsOf(roundById(id, this.seed)),
        ([item]) => ({ type: 'editItems', edit: { op: 'add', item: item! } }),
      );
    }
    if (msg.cmd === 'playlist' && msg.edit.op === 'addProgram')
      throw new Error('a program is checked first (addProgram)');
    return this.apply(actor, toCommand(msg));
  }

  /**
   * A teacher's program: checked (off the event loop, time-limited) only when the rules would
   * take a new round now, then added like any round. One check at a time per class.
   */
  async addProgram(actor: Actor, source: string, check: ProgramCheck): Promise<LiveOutcome> {
    const open = actor.role === 'host' && hostCommandOpen('setItems', this.state.phase);
    // Not a teacher, or not now: the rules give the refusal (no round is resolved for it).
    if (!open) return this.apply(actor, { type: 'editItems', edit: { op: 'remove', index: -1 } });
    if (this.checking)
      return liveError(LIVE_ERRORS.programRefused, 'Another program is being checked.');
    this.checking = true;
    try {
      const item = await check(source);
      if (!item.ok) return item;
      return this.apply(actor, { type: 'editItems', edit: { op: 'add', item: item.value } });
    } finally {
      this.checking = false;
    }
  }

  /** Resolves rounds (teachers only: anyone else is refused by the rules first), then applies. */
  private withRounds(
    actor: Actor,
    resolve: () => Result<LiveRound[], CatalogError>,
    command: (items: LiveItem[]) => LiveCommand,
  ): LiveOutcome {
    if (actor.role !== 'host') return this.apply(actor, { type: 'setItems', items: [] });
    const rounds = resolve();
    if (!rounds.ok) return rounds;
    const applied = this.apply(actor, command(rounds.value.map((r) => r.item)));
    if (applied.ok)
      for (const r of rounds.value) if (r.puzzle) this.puzzles.set(r.item.id, r.puzzle);
    return applied;
  }

  report(): LiveReport {
    return buildReport(this.state);
  }

  dispose(): void {
    this.refreshTimer?.clear();
    this.deadlineTimer?.clear();
  }

  private puzzleOf(index: number | undefined): Puzzle | undefined {
    const item = index === undefined ? undefined : this.state.items[index];
    return item?.kind === 'puzzle' ? this.puzzles.get(item.id) : undefined;
  }

  private effect(event: LiveEvent): void {
    switch (event.type) {
      case 'roundStarted': {
        const puzzle = this.puzzleOf(event.index);
        if (puzzle) this.hooks.startPuzzle(puzzle);
        return;
      }
      case 'kicked':
        return this.hooks.kicked(event.studentId);
      case 'renamed':
        return this.hooks.renamed(event.studentId, event.nickname);
      case 'revealed':
        this.attachReplay(event.index);
        return this.hooks.persist(this.report());
      case 'podium':
      case 'ended':
        return this.hooks.persist(this.report());
    }
  }

  /**
   * A predict question's reveal gets its replay, recorded off the event loop (hooks.replayOf);
   * it is attached if the class is still at that reveal when it arrives.
   */
  private attachReplay(index: number): void {
    const item = this.state.items[index];
    if (item?.kind !== 'predict' || item.replay || this.state.phase !== 'reveal') return;
    void this.hooks.replayOf(item.id).then((replay) => {
      const still = this.state.phase === 'reveal' && this.state.round?.index === index;
      if (replay && still) this.apply({ role: 'system' }, { type: 'attachReplay', replay });
    });
  }

  /** `only`: the events touched just these students' rows (see mirrorSeats). */
  private mirror(only?: ReadonlySet<string>): void {
    const now = this.hooks.now();
    mirrorInfo(this.info, this.state, now);
    mirrorSeats(this.seats, this.state, now, only).forEach((row) => this.hooks.rowCreated(row));
  }

  /** Refresh every second while a round runs; a timeout at the deadline of a timed round. */
  private schedule(): void {
    this.deadlineTimer?.clear();
    this.deadlineTimer = null;
    const running = this.state.phase === 'running';
    if (!running) {
      this.refreshTimer?.clear();
      this.refreshTimer = null;
      return;
    }
    this.refreshTimer ??= this.hooks.clock.setInterval(() => this.refresh(), 1000);
    const deadline = deadlineOf(this.state.round!, this.hooks.now());
    if (deadline !== null)
      this.deadlineTimer = this.hooks.clock.setTimeout(
        () => this.refresh(),
        Math.max(0, deadline - this.hooks.now()),
      );
  }

  private refresh(): void {
    this.apply({ role: 'system' }, { type: 'tick' });
  }
}

/**
 * The students whose rows alone changed, when every event is a board move, a finish or a hint
 * inside a running round (the per-move path: O(1) rows instead of the whole class); undefined
 * when anything else happened (phase changes, joins, reveals…), which rewrites every row.
 */
function rowsTouched(events: readonly LiveEvent[]): ReadonlySet<string> | undefined {
  const ids = new Set<string>();
  for (const e of events) {
    if (e.type !== 'progress' && e.type !== 'finished' && e.type !== 'hint') return undefined;
    ids.add(e.studentId);
  }
  return ids.size > 0 ? ids : undefined;
}

const roundsOf = (round: Result<LiveRound, CatalogError>): Result<LiveRound[], CatalogError> =>
  round.ok ? ok([round.value]) : round;

function toCommand(msg: Exclude<LiveHostMessage, { cmd: 'setSet' }>): LiveCommand {
  switch (msg.cmd) {
    case 'playlist':
      if (msg.edit.op === 'add' || msg.edit.op === 'addProgram')
        throw new Error('an added round is resolved first');
      return { type: 'editItems', edit: msg.edit };
    case 'replay':
      return { type: 'replay', step: msg.step };
    case 'configure': {
      const settings = Object.fromEntries(
        Object.entries(msg.settings).filter(([, v]) => v !== undefined),
      );
      return { type: 'configure', settings };
    }
    case 'kick':
      return { type: 'kick', studentId: msg.studentId };
    case 'approveName':
      return { type: 'approveName', studentId: msg.studentId };
    case 'start':
      return msg.seconds === undefined
        ? { type: 'start' }
        : { type: 'start', seconds: msg.seconds };
    case 'extend':
      return { type: 'extend', seconds: msg.seconds };
    default:
      return { type: msg.cmd };
  }
}
