/**
 * The live-round state machine: lobby → running ⇄ paused → reveal → between → … → podium → ended.
 *
 * `applyLive(state, actor, command, now)` → `{ state, events }` or a `live/...` error. It never
 * mutates its input; a refused command changes nothing. Authorization is a rule too: host
 * commands from anyone but a teacher are refused with `live/not_host`.
 */
import { seedRng } from '../engine/rng.ts';
import { ok } from '../engine/result.ts';
import { allFinished } from './cells.ts';
import {
  endClock,
  extendClock,
  pauseClock,
  remainingMs,
  resumeClock,
  startClock,
} from './clock.ts';
import {
  HOST_COMMANDS,
  STUDENT_COMMANDS,
  type Actor,
  type HostCommand,
  type LiveCommand,
} from './commands.ts';
import { LIVE_ERRORS, liveError } from './errors.ts';
import { editPlaylist, playedRounds, replaceUpcoming } from './playlist.ts';
import { hostCommandOpen, roundInProgress } from './phases.ts';
import { replayOf, type Replay } from './replay.ts';
import {
  answer,
  answerProgram,
  approveName,
  hint,
  join,
  kick,
  progress,
  type Step,
} from './students.ts';
import {
  DEFAULT_SETTINGS,
  type LiveEvent,
  type LiveItem,
  type LiveSettings,
  type LiveState,
  type Phase,
} from './types.ts';

export type LiveResult = Step;

export const SECONDS_RANGE = { min: 10, max: 3600 } as const;
export const EXTEND_MAX_SECONDS = 600;

export function newLiveState(seed: number, settings: Partial<LiveSettings> = {}): LiveState {
  return {
    phase: 'lobby',
    settings: { ...DEFAULT_SETTINGS, ...settings },
    items: [],
    round: null,
    students: [],
    rng: seedRng(seed),
    replayStep: 0,
  };
}

export function applyLive(
  state: LiveState,
  actor: Actor,
  cmd: LiveCommand,
  now: number,
): LiveResult {
  const type = cmd.type;
  if ((HOST_COMMANDS as readonly string[]).includes(type) && actor.role !== 'host') {
    return liveError(LIVE_ERRORS.notHost, 'Only the teacher can do that.');
  }
  if ((STUDENT_COMMANDS as readonly string[]).includes(type) && actor.role !== 'student') {
    return liveError(LIVE_ERRORS.notStudent, 'Only students answer.');
  }
  const studentId = actor.role === 'student' ? actor.studentId : '';
  switch (cmd.type) {
    case 'answer':
      return withAutoReveal(answer(state, studentId, cmd.answer, now), now);
    case 'answerLines':
      return withAutoReveal(answerProgram(state, studentId, cmd.lines, now), now);
    case 'hint':
      return hint(state, studentId);
    case 'join':
    case 'progress':
    case 'tick':
    case 'attachReplay':
      if (actor.role !== 'system')
        return liveError(LIVE_ERRORS.notSystem, 'Only the server sends that.');
      if (cmd.type === 'join') return join(state, cmd.studentId, cmd.nickname, now);
      if (cmd.type === 'attachReplay') return attachReplay(state, cmd.replay);
      if (cmd.type === 'progress')
        return withAutoReveal(progress(state, cmd.studentId, cmd.moves, cmd.solved, now), now);
      return tick(state, now);
    default:
      return hostCommand(state, cmd, now);
  }
}

function hostCommand(state: LiveState, cmd: HostCommand, now: number): LiveResult {
  switch (cmd.type) {
    case 'configure':
      return configure(state, cmd.settings);
    case 'setItems': {
      if (!hostCommandOpen('setItems', state.phase)) return wrongPhase(FIXED_LESSON);
      const items = replaceUpcoming(state.items, cmd.items, playedRounds(state));
      return items.ok ? withItems(state, items.value) : items;
    }
    case 'editItems': {
      if (!hostCommandOpen('setItems', state.phase)) return wrongPhase(FIXED_LESSON);
      const items = editPlaylist(state.items, cmd.edit, playedRounds(state));
      return items.ok ? withItems(state, items.value) : items;
    }
    case 'kick':
      return kick(state, cmd.studentId);
    case 'approveName':
      return approveName(state, cmd.studentId);
    case 'start':
      return start(
        state,
        cmd.seconds === undefined ? state.settings.roundSeconds : cmd.seconds,
        now,
      );
    case 'pause':
      if (!hostCommandOpen('pause', state.phase)) return wrongPhase('No round is running.');
      return moved(state, 'paused', { round: pauseClock(state.round!, now) }, { type: 'paused' });
    case 'resume':
      if (!hostCommandOpen('resume', state.phase)) return wrongPhase('The round is not paused.');
      return moved(
        state,
        'running',
        { round: resumeClock(state.round!, now) },
        { type: 'resumed' },
      );
    case 'extend':
      return extend(state, cmd.seconds);
    case 'skip':
      if (!hostCommandOpen('skip', state.phase)) return wrongPhase('No round is running.');
      return reveal(state, now, 'skip');
    case 'next':
      return next(state);
    case 'end':
      return end(state, now);
    case 'replay':
      return replay(state, cmd.step);
  }
}

/**
 * A predict question's replay arrives at its reveal (recording it is the server's cost, paid only
 * for questions a class reaches): kept on the round, the replay starts at its first stop.
 */
function attachReplay(state: LiveState, replay: Replay): LiveResult {
  const index = state.round?.index ?? -1;
  const item = state.items[index];
  if (state.phase !== 'reveal' || item?.kind !== 'predict' || item.replay)
    return liveError(LIVE_ERRORS.noReplay, 'No question reveal waits for its replay.');
  const items = state.items.map((x, i) => (i === index ? { ...item, replay } : x));
  const step = replay.stops[0] ?? 0;
  return moved(state, 'reveal', { items, replayStep: step }, { type: 'replayed', step });
}

function replay(state: LiveState, step: number): LiveResult {
  if (!hostCommandOpen('replay', state.phase)) return wrongPhase('Reveal the round first.');
  const replay = replayOf(state.items[state.round!.index]);
  if (replay === null)
    return liveError(LIVE_ERRORS.noReplay, 'This round has no program to step through.');
  if (!Number.isInteger(step) || step < 0 || step >= replay.steps)
    return liveError(LIVE_ERRORS.noReplay, `The run has steps 1–${replay.steps}.`);
  return moved(state, 'reveal', { replayStep: step }, { type: 'replayed', step });
}

const wrongPhase = (message: string): LiveResult => liveError(LIVE_ERRORS.wrongPhase, message);

const FIXED_LESSON = 'The lesson can change before a round starts and between rounds.';

const withItems = (state: LiveState, items: readonly LiveItem[]): LiveResult =>
  ok({ state: { ...state, items: [...items] }, events: [{ type: 'items', count: items.length }] });

function moved(
  state: LiveState,
  phase: Phase,
  patch: Partial<LiveState>,
  ...events: LiveEvent[]
): LiveResult {
  return ok({ state: { ...state, ...patch, phase }, events });
}

const validSeconds = (s: number | null): boolean =>
  s === null || (Number.isInteger(s) && s >= SECONDS_RANGE.min && s <= SECONDS_RANGE.max);

function configure(state: LiveState, patch: Partial<LiveSettings>): LiveResult {
  if (!hostCommandOpen('configure', state.phase)) return wrongPhase('The session has ended.');
  const settings = { ...state.settings, ...patch };
  if (!validSeconds(settings.roundSeconds) || !validSeconds(settings.stuckSeconds)) {
    return liveError(
      LIVE_ERRORS.badSeconds,
      `Seconds must be whole, ${SECONDS_RANGE.min}–${SECONDS_RANGE.max}.`,
    );
  }
  return ok({ state: { ...state, settings }, events: [{ type: 'settings', settings }] });
}

function start(state: LiveState, seconds: number | null, now: number): LiveResult {
  if (!hostCommandOpen('start', state.phase))
    return wrongPhase('A round can start from the lobby or between rounds.');
  if (state.items.length === 0)
    return liveError(LIVE_ERRORS.noItems, 'Pick at least one puzzle or question.');
  const index = state.round === null ? 0 : state.round.index + 1;
  const item = state.items[index];
  if (item === undefined) return liveError(LIVE_ERRORS.noMoreRounds, 'That was the last round.');
  if (!validSeconds(seconds))
    return liveError(
      LIVE_ERRORS.badSeconds,
      `Seconds must be whole, ${SECONDS_RANGE.min}–${SECONDS_RANGE.max}.`,
    );
  return moved(
    state,
    'running',
    { round: startClock(index, now, seconds) },
    { type: 'roundStarted', index, item },
  );
}

function extend(state: LiveState, seconds: number): LiveResult {
  if (!hostCommandOpen('extend', state.phase)) return wrongPhase('No round is running.');
  if (state.round!.limitMs === null)
    return liveError(LIVE_ERRORS.untimed, 'This round has no timer.');
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > EXTEND_MAX_SECONDS) {
    return liveError(LIVE_ERRORS.badSeconds, `Extend by 1–${EXTEND_MAX_SECONDS} whole seconds.`);
  }
  const round = extendClock(state.round!, seconds);
  return moved(state, state.phase, { round }, { type: 'extended', limitMs: round.limitMs! });
}

function reveal(
  state: LiveState,
  now: number,
  reason: 'skip' | 'time' | 'all_finished',
): LiveResult {
  const round = endClock(state.round!, now);
  return moved(
    state,
    'reveal',
    { round, replayStep: replayOf(state.items[round.index])?.stops[0] ?? 0 },
    { type: 'revealed', index: round.index, reason },
  );
}

function tick(state: LiveState, now: number): LiveResult {
  if (state.phase !== 'running' || remainingMs(state.round!, now) !== 0)
    return ok({ state, events: [] });
  return reveal(state, now, 'time');
}

function next(state: LiveState): LiveResult {
  if (!hostCommandOpen('next', state.phase)) return wrongPhase('Reveal the round first.');
  const index = state.round!.index;
  if (index + 1 >= state.items.length) return moved(state, 'podium', {}, { type: 'podium' });
  return moved(state, 'between', {}, { type: 'between', index });
}

function end(state: LiveState, now: number): LiveResult {
  if (!hostCommandOpen('end', state.phase)) return wrongPhase('The session has already ended.');
  if (state.phase === 'podium') return moved(state, 'ended', {}, { type: 'ended' });
  const running = roundInProgress(state.phase);
  const round = running ? endClock(state.round!, now) : state.round;
  const events: LiveEvent[] = running
    ? [{ type: 'revealed', index: round!.index, reason: 'skip' }, { type: 'podium' }]
    : [{ type: 'podium' }];
  return moved(state, 'podium', { round }, ...events);
}

/** After a finishing answer or solve: when everybody is done, the round reveals by itself. */
function withAutoReveal(step: LiveResult, now: number): LiveResult {
  if (!step.ok) return step;
  const { state, events } = step.value;
  if (state.phase !== 'running' || !allFinished(state, state.round!.index)) return step;
  const revealed = reveal(state, now, 'all_finished');
  return revealed.ok
    ? ok({ state: revealed.value.state, events: [...events, ...revealed.value.events] })
    : revealed;
}
