/**
 * The runner and the board master in place: a statement runs on the board's own engine state
 * and a refused one is taken back from the engine's undo logs. Everything observable must be
 * what the copying runner gives (boards, hashState, stateDigest), with no copy per statement.
 */
import { describe, expect, it } from 'vitest';
import { createMaster, PUZZLE_RULES } from '../../shared/board/master.ts';
import { cloneState, hashState, stateDigest } from '../../shared/engine/index.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import { execStatement, runSetup } from '../../shared/puzzles/run.ts';

/** Statements that Python refuses on every level: before any action, or after some. */
const REFUSED = ['del nowhere', 'x = nowhere', 'gc.collect(7)'];

/** The reference solution with refused statements and a throwaway move woven in. */
function movesOf(solution: readonly string[]): string[] {
  const moves: string[] = [];
  solution.forEach((m, i) => moves.push(REFUSED[i % REFUSED.length]!, m, 'tmp = []', 'del tmp'));
  return moves;
}

describe('the runner in place', () => {
  const setup = runSetup(
    ['big = []', 'def boom(p):', '    q = [p]', '    r = []', '    s = p.missing'].join('\n'),
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const { ctx } = setup.value;

  it('runs an accepted statement on the state itself', () => {
    const state = cloneState(setup.value.state);
    const r = execStatement(ctx, state, 'x = [big, big]', { events: true, inPlace: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.state).toBe(state);
    const copied = execStatement(ctx, setup.value.state, 'x = [big, big]', { events: true });
    if (!copied.ok) throw new Error(copied.error.message);
    expect(state).toEqual(copied.value.state);
    expect(r.value.events).toEqual(copied.value.events);
  });

  it('takes back every action of a statement that fails half-way (call, two lists, then AttributeError)', () => {
    const state = cloneState(setup.value.state);
    const before = cloneState(state);
    const r = execStatement(ctx, state, 'boom(big)', { events: true, inPlace: true });
    expect(r.ok ? null : r.error.code).toBe('python/AttributeError');
    expect(state).toEqual(before);
    expect(hashState(state)).toBe(hashState(before));
    expect(stateDigest(state)).toBe(stateDigest(before));
    // The same state object carries on: the next statement sees the state before `boom`.
    const next = execStatement(ctx, state, 'y = []', { events: true, inPlace: true });
    expect(next.ok && next.value.state.nextId).toBe(before.nextId + 1);
  });
});

describe('the board master in place', () => {
  it.each(CAMPAIGN.map((p) => [p.id, p] as const))(
    '%s: the same boards, hashes and digests as the copying master, move by move',
    (_id, puzzle) => {
      const copying = createMaster();
      const inPlace = createMaster(PUZZLE_RULES, { inPlace: true });
      let a = copying.open(puzzle);
      let b = inPlace.open(puzzle);
      let refused = 0;
      for (const move of movesOf(puzzle.solution)) {
        if (a.goal.done) break;
        const pa = copying.play(a, move);
        const engineBefore = b.board.engine;
        const pb = inPlace.play(b, move);
        expect(pb.ok).toBe(pa.ok);
        if (!pa.ok || !pb.ok) {
          refused++;
          expect(pb).toEqual(pa);
          expect(b.board.engine).toEqual(a.board.engine);
          continue;
        }
        expect(pb.before).toBe(null);
        // No copy: the match's state object itself moved on.
        expect(pb.match.board.engine).toBe(engineBefore);
        expect(pb.match).toEqual(pa.match);
        expect(pb.outcome).toEqual(pa.outcome);
        a = pa.match;
        b = pb.match;
        expect(hashState(b.board.engine)).toBe(hashState(a.board.engine));
        // The digest kept on the in-place state from move to move = a fresh one.
        expect(stateDigest(b.board.engine)).toBe(stateDigest(cloneState(a.board.engine)));
      }
      expect(refused).toBeGreaterThan(0);
      expect(b.goal).toEqual(a.goal);
      const undone = inPlace.undo(b);
      const undoneCopy = copying.undo(a);
      expect(undone).toEqual(undoneCopy);
    },
  );
});
