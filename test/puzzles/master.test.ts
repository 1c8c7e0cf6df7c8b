import { describe, expect, it } from 'vitest';
import { createMaster, master, PUZZLE_RULES, versionOf } from '../../shared/board/master.ts';
import { lookupName, sizeOf } from '../../shared/engine/index.ts';
import { campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';

const level = (id: string): Puzzle => {
  const p = campaignPuzzle(id);
  if (!p) throw new Error(`no level ${id}`);
  return p;
};

const played = (p: Puzzle, moves: readonly string[]) => {
  const r = master.replay(p, moves);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.match;
};

describe('board master: scoring (one rule for every caller)', () => {
  it('charges the automatic collection of alarm-clock: 1198 points', () => {
    const match = played(level('alarm-clock'), ['del loop', 'x = []']);
    expect(match.board.examined).toEqual([1]);
    expect(match.board.collections).toEqual([]);
    expect(master.score(match, 0)).toEqual({
      solved: true,
      moves: 2,
      par: 2,
      stars: 3,
      points: 1000 - 2 + 200,
      examined: 1,
    });
  });

  it('counts the hints opened on the board, and the last one caps the stars at 2', () => {
    let match = played(level('alarm-clock'), ['del loop', 'x = []']);
    for (let i = 0; i < 3; i++) match = master.openHint(match) ?? match;
    expect(match.hintsUsed).toBe(3);
    expect(master.openHint(match)).toBe(null);
    const s = master.score(match, 0);
    expect([s.stars, s.points]).toEqual([2, 1000 - 2 - 300 + 200]);
  });

  it('scores an unsolved board 0', () => {
    const s = master.score(played(level('alarm-clock'), ['del loop']), 0);
    expect([s.solved, s.stars, s.points]).toEqual([false, 0, 0]);
  });
});

describe('board master: one front end for moves', () => {
  it('builds [1, 2, 3] as 88 bytes, as CPython 3.11 does', () => {
    const match = played(level('dicts-are-heavy'), ['x = [1, 2, 3]', 'y = []', 'z = [pts, pts]']);
    const size = (name: string): number => {
      const v = lookupName(match.board.engine, name);
      if (v?.t !== 'ref') throw new Error(name);
      return sizeOf(match.board.engine, v.id);
    };
    // python3 -c "import sys; pts = []; print(sys.getsizeof([1, 2, 3]), sys.getsizeof([]), sys.getsizeof([pts, pts]))"
    expect([size('x'), size('y'), size('z')]).toEqual([88, 56, 72]);
  });
});

describe('board master: refusals, undo, redo, reset', () => {
  const pair = level('holding-hands');

  it('refuses a stale move and any move after the goal, changing nothing', () => {
    const start = master.open(pair);
    const stale = master.play(start, 'del a', 3);
    expect(stale).toMatchObject({ ok: false, code: 'move/stale' });
    const done = played(pair, pair.solution);
    expect(done.goal.done).toBe(true);
    expect(master.play(done, 'gc.collect()')).toMatchObject({ ok: false, code: 'board/solved' });
    const replay = master.replay(pair, [...pair.solution, 'gc.collect()']);
    expect(replay).toMatchObject({ ok: false, code: 'board/solved', moveIndex: 3 });
    expect(versionOf(done)).toBe(pair.solution.length);
  });

  it('hands back the board each move was played on', () => {
    const start = master.open(pair);
    const startJson = JSON.stringify(start.board);
    const moved = master.play(start, 'del a', 0);
    if (!moved.ok) throw new Error(moved.message);
    expect(JSON.stringify(moved.before)).toBe(startJson);
    const seen: string[][] = [];
    master.replay(pair, ['del a', 'del b'], (before) => seen.push(before.moves));
    expect(seen).toEqual([[], ['del a']]);
  });

  it('passes the rules refusal through with its code', () => {
    const r = master.play(master.open(pair), 'del zzz');
    expect(r).toMatchObject({ ok: false, code: 'python/NameError' });
    const bad = master.replay(pair, ['del a', 'del a']);
    expect(bad.ok ? null : [bad.code, bad.moveIndex]).toEqual(['python/NameError', 1]);
  });

  it('undoes by replay, redoes the taken-back move, keeps hints over reset', () => {
    const two = played(pair, ['del a', 'del b']);
    const undone = master.undo(two, 2);
    if (!undone.ok) throw new Error(undone.message);
    expect(undone.match.board.moves).toEqual(['del a']);
    expect(undone.match.board.engine).toEqual(played(pair, ['del a']).board.engine);
    expect(undone.match.undone).toEqual(['del b']);
    expect(master.undo(two, 1)).toMatchObject({ ok: false, code: 'move/stale' });
    const redone = master.redo(undone.match);
    if (!redone.ok) throw new Error(redone.message);
    expect(redone.match.board).toEqual(two.board);
    expect(master.redo(redone.match)).toMatchObject({ ok: false, code: 'move/nothing_to_redo' });
    const hinted = master.openHint(redone.match)!;
    const reset = master.reset(hinted);
    expect([reset.board.moves, reset.hintsUsed]).toEqual([[], 1]);
    expect(master.undo(reset)).toMatchObject({ ok: false, code: 'move/nothing_to_undo' });
  });

  it('never plays on the shared start board: undo and reset start from a copy', () => {
    const start = PUZZLE_RULES.startBoard(pair);
    const snapshot = JSON.stringify(start);
    const calls: string[] = [];
    const watching = createMaster({
      ...PUZZLE_RULES,
      applyMove(puzzle, board, move) {
        if (board === start) calls.push(move);
        return PUZZLE_RULES.applyMove(puzzle, board, move);
      },
    });
    const two = watching.replay(pair, ['del a', 'del b']);
    if (!two.ok) throw new Error(two.message);
    watching.undo(two.match);
    watching.play(watching.reset(two.match), 'del a');
    expect(calls).toEqual([]);
    expect(JSON.stringify(start)).toBe(snapshot);
  });
});
