/** Drives the pure live machine in tests: every step must be accepted unless checked otherwise. */
import {
  applyLive,
  type Actor,
  type LiveCommand,
  type LiveEvent,
  type LiveItem,
  type LiveState,
} from '../../shared/live/index.ts';

export const HOST: Actor = { role: 'host' };
export const SYSTEM: Actor = { role: 'system' };
export const student = (studentId: string): Actor => ({ role: 'student', studentId });

export const PUZZLE: LiveItem = {
  kind: 'puzzle',
  id: 'p1',
  concepts: ['cycles', 'gc-collect'],
  par: 3,
};
export const QUESTION: LiveItem = {
  kind: 'predict',
  id: 'q1',
  concepts: ['refcount'],
  choices: ['1', '2', '3'],
  answer: '2',
};

/** Applies a command that must succeed; returns the new state and its events. */
export function must(
  state: LiveState,
  actor: Actor,
  cmd: LiveCommand,
  now: number,
): { state: LiveState; events: LiveEvent[] } {
  const r = applyLive(state, actor, cmd, now);
  if (!r.ok) throw new Error(`refused ${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** The error code of a command that must be refused (and the state it was refused on). */
export function refusal(state: LiveState, actor: Actor, cmd: LiveCommand, now: number): string {
  const r = applyLive(state, actor, cmd, now);
  if (r.ok) throw new Error(`accepted ${cmd.type}`);
  return r.error.code;
}

/** Applies many commands at the same `now`. */
export function run(state: LiveState, now: number, steps: [Actor, LiveCommand][]): LiveState {
  return steps.reduce((s, [actor, cmd]) => must(s, actor, cmd, now).state, state);
}
