/** Student-side transitions: join, kick, approve a refused name, board progress, answers, hints. */
import { ok, type Result } from '../engine/result.ts';
import { activeMs } from './clock.ts';
import { emptyCell, findStudent, updateCell, updateStudent } from './cells.ts';
import { LIVE_ERRORS, liveError, type LiveError } from './errors.ts';
import { roundInProgress } from './phases.ts';
import { checkNickname, generateNickname, uniqueNickname } from './nickname.ts';
import { rightLines } from './program.ts';
import { predictPoints, programPoints, puzzlePoints, speedBonus } from './scoring.ts';
import type { Cell, LiveEvent, LiveItem, LiveState, RoundClock } from './types.ts';

export type Step = Result<{ state: LiveState; events: LiveEvent[] }, LiveError>;

const MAX_HINTS = 3;
export const ANSWER_MAX = 100;

export function join(
  state: LiveState,
  studentId: string,
  typed: string | undefined,
  now: number,
): Step {
  if (findStudent(state, studentId))
    return liveError(LIVE_ERRORS.duplicateStudent, 'That seat already joined.');
  if (state.phase === 'ended' || state.phase === 'podium')
    return liveError(LIVE_ERRORS.ended, 'This session has ended.');
  if (state.settings.locked) return liveError(LIVE_ERRORS.locked, 'The teacher locked this class.');
  if (state.phase !== 'lobby' && !state.settings.allowLateJoin)
    return liveError(LIVE_ERRORS.lateJoinClosed, 'The game already started.');
  const checked = typed === undefined ? null : checkNickname(typed);
  const [generated, rng] = generateNickname(state.rng);
  const wanted = checked?.ok ? checked.nickname : generated;
  const nickname = uniqueNickname(
    wanted,
    state.students.map((s) => s.nickname),
  );
  const refused = checked !== null && !checked.ok && checked.code === 'nickname/refused';
  const cells: (Cell | null)[] = [];
  if (state.round !== null && roundInProgress(state.phase)) {
    while (cells.length < state.round.index) cells.push(null);
    cells.push(emptyCell(activeMs(state.round, now)));
  }
  const student = {
    id: studentId,
    nickname,
    pendingName: refused ? typed!.trim() : null,
    joinedAt: now,
    cells,
  };
  return ok({
    state: { ...state, rng: checked?.ok ? state.rng : rng, students: [...state.students, student] },
    events: [{ type: 'joined', studentId, nickname, filtered: refused }],
  });
}

export function kick(state: LiveState, studentId: string): Step {
  if (!findStudent(state, studentId))
    return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  return ok({
    state: { ...state, students: state.students.filter((s) => s.id !== studentId) },
    events: [{ type: 'kicked', studentId }],
  });
}

export function approveName(state: LiveState, studentId: string): Step {
  const student = findStudent(state, studentId);
  if (!student) return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  if (student.pendingName === null)
    return liveError(LIVE_ERRORS.nothingToApprove, 'No name waits for approval.');
  const others = state.students.filter((s) => s.id !== studentId).map((s) => s.nickname);
  const nickname = uniqueNickname(student.pendingName, others);
  const next = updateStudent(state, studentId, (s) => ({ ...s, nickname, pendingName: null }));
  return ok({ state: next, events: [{ type: 'renamed', studentId, nickname }] });
}

/** The running round and its item, or the refusal. */
function runningItem(
  state: LiveState,
  kind: LiveItem['kind'],
): Result<{ round: RoundClock; item: LiveItem }, LiveError> {
  const round = state.round;
  if (state.phase !== 'running' || round === null)
    return liveError(LIVE_ERRORS.wrongPhase, 'No round is running.');
  const item = state.items[round.index]!;
  if (item.kind !== kind) {
    if (kind === 'puzzle')
      return liveError(LIVE_ERRORS.notPuzzleRound, 'This round is not a puzzle.');
    if (kind === 'program')
      return liveError(LIVE_ERRORS.notProgramRound, 'This round is not a program.');
    return liveError(LIVE_ERRORS.notPredictRound, 'This round is not a question.');
  }
  return ok({ round, item });
}

function bonus(state: LiveState, round: RoundClock, elapsedMs: number): number {
  return state.settings.speedBonus ? speedBonus(elapsedMs, round.limitMs) : 0;
}

export function progress(
  state: LiveState,
  studentId: string,
  moves: number,
  solved: boolean,
  now: number,
): Step {
  const running = runningItem(state, 'puzzle');
  if (!running.ok) return running;
  const { round, item } = running.value;
  const student = findStudent(state, studentId);
  if (!student) return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  if (student.cells[round.index]?.finished)
    return liveError(LIVE_ERRORS.alreadySolved, 'Already solved.');
  const at = activeMs(round, now);
  const par = item.kind === 'puzzle' ? item.par : 0;
  const next = updateCell(state, studentId, round.index, (c) => {
    const base = { ...c, moves, lastProgressMs: at };
    if (!solved) return base;
    return {
      ...base,
      finished: true,
      correct: true,
      elapsedMs: at,
      points: puzzlePoints(moves, par, c.hintsUsed) + bonus(state, round, at),
    };
  });
  const events: LiveEvent[] = [
    solved ? { type: 'finished', studentId, index: round.index } : { type: 'progress', studentId },
  ];
  return ok({ state: next, events });
}

export function answer(state: LiveState, studentId: string, given: string, now: number): Step {
  const running = runningItem(state, 'predict');
  if (!running.ok) return running;
  const { round, item } = running.value;
  if (!findStudent(state, studentId))
    return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  if (findStudent(state, studentId)!.cells[round.index]?.finished)
    return liveError(LIVE_ERRORS.alreadyAnswered, 'You already answered.');
  const normalized = given.trim().slice(0, ANSWER_MAX);
  const correct = item.kind === 'predict' && normalized === item.answer;
  const at = activeMs(round, now);
  const next = updateCell(state, studentId, round.index, (c) => ({
    ...c,
    finished: true,
    correct,
    answer: normalized,
    lastProgressMs: at,
    elapsedMs: at,
    points: predictPoints(correct) + (correct ? bonus(state, round, at) : 0),
  }));
  return ok({ state: next, events: [{ type: 'finished', studentId, index: round.index }] });
}

export function hint(state: LiveState, studentId: string): Step {
  const running = runningItem(state, 'puzzle');
  if (!running.ok) return running;
  const { round } = running.value;
  const student = findStudent(state, studentId);
  if (!student) return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  const cell = student.cells[round.index] ?? emptyCell();
  if (cell.finished) return liveError(LIVE_ERRORS.alreadySolved, 'Already solved.');
  if (cell.hintsUsed >= MAX_HINTS) return liveError(LIVE_ERRORS.noHintsLeft, 'No hints left.');
  const tier = cell.hintsUsed + 1;
  const next = updateCell(state, studentId, round.index, (c) => ({ ...c, hintsUsed: tier }));
  return ok({ state: next, events: [{ type: 'hint', studentId, tier }] });
}

/**
 * A program round's answers: one typed line per printed line, all sent at once (a blank left
 * empty is a wrong line). Each right line earns its share of the round's points; the speed bonus
 * only goes to a program predicted whole.
 */
export function answerProgram(
  state: LiveState,
  studentId: string,
  given: readonly string[],
  now: number,
): Step {
  const running = runningItem(state, 'program');
  if (!running.ok) return running;
  const { round, item } = running.value;
  if (item.kind !== 'program') return liveError(LIVE_ERRORS.notProgramRound, 'Not a program.');
  const student = findStudent(state, studentId);
  if (!student) return liveError(LIVE_ERRORS.unknownStudent, 'No such student.');
  if (student.cells[round.index]?.finished)
    return liveError(LIVE_ERRORS.alreadyAnswered, 'You already answered.');
  if (given.length !== item.expected.length || given.some((g) => g.length > ANSWER_MAX))
    return liveError(
      LIVE_ERRORS.badAnswers,
      `Send one line for each of the ${item.expected.length} printed lines.`,
    );
  const lines = given.map((g) => g.trim());
  const right = rightLines(item.expected, lines).filter(Boolean).length;
  const whole = right === item.expected.length;
  const at = activeMs(round, now);
  const next = updateCell(state, studentId, round.index, (c) => ({
    ...c,
    finished: true,
    correct: whole,
    lines,
    lastProgressMs: at,
    elapsedMs: at,
    points: programPoints(right, item.expected.length) + (whole ? bonus(state, round, at) : 0),
  }));
  return ok({ state: next, events: [{ type: 'finished', studentId, index: round.index }] });
}
