/**
 * Host commands per phase and open boards (shared/live/phases.ts, the one table the machine
 * refuses by and the teacher's screen offers buttons by), against the rules written out here.
 */
import { describe, expect, it } from 'vitest';
import {
  applyLive,
  boardsOpen,
  hostCommandOpen,
  newLiveState,
  type HostCommand,
  type LiveState,
  type Phase,
} from '../../shared/live/index.ts';
import { HOST, must, PUZZLE, QUESTION, run, SYSTEM } from './helpers.ts';

const T0 = 1_000_000;

/** A class with two rounds (a timed puzzle, then a question) walked to each phase. */
function statesByPhase(): Record<Phase, LiveState> {
  const lobby = run(newLiveState(7), T0, [
    [HOST, { type: 'setItems', items: [PUZZLE, QUESTION] }],
    [SYSTEM, { type: 'join', studentId: 's1', nickname: 'Ada' }],
  ]);
  const step = (s: LiveState, cmd: HostCommand) => must(s, HOST, cmd, T0).state;
  const running = step(lobby, { type: 'start', seconds: 60 });
  const paused = step(running, { type: 'pause' });
  const reveal = step(running, { type: 'skip' });
  const between = step(reveal, { type: 'next' });
  const podium = step(between, { type: 'end' });
  const ended = step(podium, { type: 'end' });
  return { lobby, running, paused, reveal, between, podium, ended };
}

const COMMANDS = [
  { type: 'setItems', items: [PUZZLE] },
  { type: 'start', seconds: 60 },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'extend', seconds: 30 },
  { type: 'skip' },
  { type: 'next' },
  { type: 'end' },
  { type: 'configure', settings: {} },
] as const satisfies readonly HostCommand[];

/** Accepted in each phase (extend: a timed round). */
const OPEN: Record<Phase, readonly string[]> = {
  lobby: ['setItems', 'start', 'end', 'configure'],
  running: ['pause', 'extend', 'skip', 'end', 'configure'],
  paused: ['resume', 'extend', 'skip', 'end', 'configure'],
  reveal: ['setItems', 'next', 'end', 'configure'],
  between: ['setItems', 'start', 'end', 'configure'],
  podium: ['end', 'configure'],
  ended: [],
};

describe('host commands per phase', () => {
  const states = statesByPhase();
  for (const [phase, state] of Object.entries(states) as [Phase, LiveState][]) {
    it(`in ${phase}, the machine and the teacher's buttons (one table) open the same commands`, () => {
      expect(state.phase).toBe(phase);
      const accepted = COMMANDS.filter((cmd) => {
        const r = applyLive(state, HOST, cmd, T0);
        return r.ok || r.error.code !== 'live/wrong_phase';
      }).map((c) => c.type);
      expect(accepted).toEqual(OPEN[phase]);
      expect(COMMANDS.filter((c) => hostCommandOpen(c.type, phase)).map((c) => c.type)).toEqual(
        OPEN[phase],
      );
    });
  }

  it('opens boards in the lobby and in running puzzle rounds only', () => {
    const open = Object.keys(states).flatMap((phase) =>
      ['puzzle', 'predict'].filter((kind) => boardsOpen(phase, kind)).map((k) => `${phase}:${k}`),
    );
    expect(open).toEqual(['lobby:puzzle', 'lobby:predict', 'running:puzzle']);
  });
});
