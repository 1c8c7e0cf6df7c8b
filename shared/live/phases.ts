/**
 * The live-round rules that the server decides and the clients show, written once: when a round
 * is under way, when boards are open, and in which phases each phase-bound teacher command may be
 * sent (the machine refuses it elsewhere; the teacher's screen offers it only there). Phases come
 * as strings because the clients read them from mirrored state.
 */
import type { HostCommand } from './commands.ts';
import type { Phase } from './types.ts';

/** A round is under way: its clock runs or is paused. */
export function roundInProgress(phase: string): boolean {
  return phase === 'running' || phase === 'paused';
}

/** A puzzle round is running: moves count toward it, and students' boards open themselves. */
export function puzzleRoundRunning(phase: string, kind: string | undefined): boolean {
  return phase === 'running' && kind === 'puzzle';
}

/** Students may move their boards: in the lobby (warm-up) and in running puzzle rounds. */
export function boardsOpen(phase: string, kind: string | undefined): boolean {
  return phase === 'lobby' || puzzleRoundRunning(phase, kind);
}

type PhaseBound = Extract<
  HostCommand['type'],
  | 'setItems'
  | 'start'
  | 'pause'
  | 'resume'
  | 'extend'
  | 'skip'
  | 'next'
  | 'end'
  | 'configure'
  | 'replay'
>;

const ALL_BUT_ENDED: readonly Phase[] = [
  'lobby',
  'running',
  'paused',
  'reveal',
  'between',
  'podium',
];

/** Where each phase-bound command is accepted (`extend` also needs a timed round). */
const OPEN_IN: Record<PhaseBound, readonly Phase[]> = {
  setItems: ['lobby', 'reveal', 'between'],
  start: ['lobby', 'between'],
  pause: ['running'],
  resume: ['paused'],
  extend: ['running', 'paused'],
  skip: ['running', 'paused'],
  next: ['reveal'],
  replay: ['reveal'],
  end: ALL_BUT_ENDED,
  configure: ALL_BUT_ENDED,
};

export function hostCommandOpen(cmd: PhaseBound, phase: string): boolean {
  return (OPEN_IN[cmd] as readonly string[]).includes(phase);
}
