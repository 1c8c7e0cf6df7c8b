/**
 * One-way mirror of the pure LiveState into schema state: `live` (public) and `liveSeats` (view
 * filtered per seat). Only what the rules allow to be public is written: the predict answer and
 * the distribution after the reveal, points once their round is revealed, the top 5 on the podium.
 */
import type { MapSchema } from '@colyseus/schema';
import {
  answerDistribution,
  linesRight,
  replayOf,
  podium,
  playedRounds,
  revealedRounds,
  standings,
  statusCounts,
  statusOf,
  pastStatus,
  type LiveItem,
  type LiveState,
} from '../../shared/live/index.ts';
import {
  AnswerCount,
  LiveCellState,
  LiveSeatState,
  PodiumEntry,
  type LiveInfoState,
} from './schema.ts';
import { remainingMs } from '../../shared/live/clock.ts';

/** Replaces an array's contents only when they differ (schema arrays send every change). */
function syncArray<T>(
  target: {
    length: number;
    splice(start: number, count: number): unknown;
    push(...items: T[]): unknown;
  },
  items: T[],
  same: (i: number) => boolean,
): void {
  if (target.length === items.length && items.every((_, i) => same(i))) return;
  target.splice(0, target.length);
  target.push(...items);
}

export function mirrorInfo(info: LiveInfoState, state: LiveState, now: number): void {
  const round = state.round;
  const item: LiveItem | undefined = round === null ? undefined : state.items[round.index];
  const revealed = round !== null && revealedRounds(state) > round.index;
  info.phase = state.phase;
  info.round = round === null ? 0 : round.index + 1;
  info.rounds = state.items.length;
  const ids = state.items.map((x) => x.id);
  syncArray(info.items, ids, (i) => info.items[i] === ids[i]);
  info.kind = item?.kind ?? '';
  info.itemId = item?.id ?? '';
  info.timed = round?.limitMs != null;
  info.remainingMs = round === null ? 0 : (remainingMs(round, now) ?? 0);
  Object.assign(info, {
    locked: state.settings.locked,
    allowLateJoin: state.settings.allowLateJoin,
    speedBonus: state.settings.speedBonus,
    roundSeconds: state.settings.roundSeconds ?? 0,
  });
  const counts = statusCounts(state, now);
  Object.assign(info, {
    students: state.students.length,
    notStarted: counts.not_started,
    working: counts.working,
    stuck: counts.stuck,
    solved: counts.solved,
    answered: counts.answered,
  });
  const choices = item?.kind === 'predict' ? [...item.choices] : [];
  syncArray(info.choices, choices, (i) => info.choices[i] === choices[i]);
  info.answer = revealed && item?.kind === 'predict' ? item.answer : '';
  const dist = revealed ? answerDistribution(state) : [];
  syncArray(
    info.distribution,
    dist.map((d) => Object.assign(new AnswerCount(), d)),
    (i) =>
      info.distribution[i]?.answer === dist[i]!.answer &&
      info.distribution[i]?.count === dist[i]!.count,
  );
  mirrorProgram(info, item, revealed ? state : null);
  const top = state.phase === 'podium' || state.phase === 'ended' ? podium(state) : [];
  syncArray(
    info.podium,
    top.map((p) =>
      Object.assign(new PodiumEntry(), { nickname: p.nickname, points: p.points, rank: p.rank }),
    ),
    (i) =>
      info.podium[i]?.nickname === top[i]!.nickname && info.podium[i]?.points === top[i]!.points,
  );
}

/**
 * A program round: source and blank count while it runs; what it printed only once revealed.
 * Any round with a replay (replay.ts): its source, stops and step once revealed.
 */
function mirrorProgram(
  info: LiveInfoState,
  item: LiveItem | undefined,
  revealed: LiveState | null,
): void {
  const program = item?.kind === 'program' ? item : null;
  const replay = revealed ? replayOf(item) : null;
  info.program = program?.source ?? replay?.source ?? '';
  info.printed = program?.expected.length ?? 0;
  const shown = revealed && program;
  const outputs = shown ? [...program.expected] : [];
  syncArray(info.outputs, outputs, (i) => info.outputs[i] === outputs[i]);
  const right = shown ? linesRight(revealed) : [];
  syncArray(info.linesRight, right, (i) => info.linesRight[i] === right[i]);
  const prints = shown ? [...program.printSteps] : [];
  syncArray(info.printSteps, prints, (i) => info.printSteps[i] === prints[i]);
  const stops = replay ? [...replay.stops] : [];
  syncArray(info.stops, stops, (i) => info.stops[i] === stops[i]);
  info.steps = replay?.steps ?? 0;
  info.replayStep = replay ? revealed!.replayStep : 0;
}

/**
 * Mirrors the students' rows; returns the rows it created (the room shows them to their viewers).
 * With `only`, just those students' rows are rewritten (a board move or a hint): ranks and points
 * cannot change while a round runs (only revealed rounds count), and the 1-second tick rewrites
 * every row anyway (statuses turning "stuck"). Without it, every row, ranks included.
 */
export function mirrorSeats(
  seats: MapSchema<LiveSeatState>,
  state: LiveState,
  now: number,
  only?: ReadonlySet<string>,
): LiveSeatState[] {
  const created: LiveSeatState[] = [];
  const ranks = only ? null : new Map(standings(state).map((s) => [s.studentId, s]));
  for (const student of state.students) {
    if (only && !only.has(student.id)) continue;
    let row = seats.get(student.id);
    if (row === undefined) {
      row = Object.assign(new LiveSeatState(), { id: student.id });
      seats.set(student.id, row);
      created.push(row);
    }
    mirrorRow(row, state, student, now);
    const standing = ranks?.get(student.id);
    if (standing) Object.assign(row, { points: standing.points, rank: standing.rank });
  }
  if (only) return created;
  const present = new Set(state.students.map((s) => s.id));
  [...seats.keys()].filter((id) => !present.has(id)).forEach((id) => seats.delete(id));
  return created;
}

function mirrorRow(
  row: LiveSeatState,
  state: LiveState,
  student: LiveState['students'][number],
  now: number,
): void {
  const revealedUpTo = revealedRounds(state);
  const played = playedRounds(state);
  const status = statusOf(state, student, now);
  Object.assign(row, {
    nickname: student.nickname,
    pendingName: student.pendingName ?? '',
    status,
  });
  for (let i = 0; i < played; i++) {
    const item = state.items[i]!;
    const cell = student.cells[i] ?? null;
    const revealed = i < revealedUpTo;
    if (row.cells.length <= i) row.cells.push(new LiveCellState());
    Object.assign(row.cells[i]!, {
      status: i === state.round!.index ? status : pastStatus(item, cell),
      moves: cell?.moves ?? 0,
      par: item.kind === 'puzzle' ? item.par : 0,
      hints: cell?.hintsUsed ?? 0,
      points: revealed ? (cell?.points ?? 0) : 0,
      correct: revealed ? (cell?.correct ? 1 : 0) : -1,
      answer: cell?.answer ?? cell?.lines?.join('\n') ?? '',
    });
  }
}
