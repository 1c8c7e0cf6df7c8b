import { describe, expect, it } from 'vitest';
import { defaultRules as rules } from '../../server/game/activeRules.ts';
import { createMaster } from '../../shared/board/master.ts';
import { mirrorBoard, slotsOf } from '../../server/rooms/mirror.ts';
import { BoardState } from '../../server/rooms/schema.ts';
import type { Board } from '../../shared/puzzles/contract.ts';
import type { Value } from '../../shared/engine/index.ts';
import { CAMPAIGN } from '../../shared/puzzles/campaign/index.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { TEST_PUZZLE_ID } from './helpers.ts';

let puzzle: Puzzle = rules.puzzle(TEST_PUZZLE_ID)!;
const boardAfter = (moves: readonly string[]): Board => {
  const r = createMaster(rules).replay(puzzle, moves);
  if (!r.ok) throw new Error(r.code);
  return r.match.board;
};
const mirror = (target: BoardState, board: Board, by = 's1') =>
  mirrorBoard(target, {
    board,
    goal: rules.goalStatus(puzzle, board),
    stateDigest: rules.stateDigest(board.engine),
    authors: board.moves.map(() => ({ by, kind: 'k' })),
  });

/** Everything the mirror holds, as plain data. */
function snapshot(s: BoardState) {
  const objects: Record<string, unknown> = {};
  s.objects.forEach((o, id) => {
    objects[id] = {
      id: o.id,
      kind: o.kind,
      cls: o.cls,
      rc: o.rc,
      gen: o.gen,
      weak: o.weak,
      dict: o.dict,
      slots: [...o.slots].map((x) => [x.label, x.tag, x.v]),
    };
  });
  return {
    puzzleId: s.puzzleId,
    version: s.version,
    stateDigest: s.stateDigest,
    gcEnabled: s.gcEnabled,
    solved: s.solved,
    objects,
    globals: [...s.globals].map((x) => [x.label, x.tag, x.v]),
    frames: [...s.frames].map((f) => [f.fn, [...f.locals].map((x) => [x.label, x.tag, x.v])]),
    moves: [...s.moves].map((m) => [m.move, m.by]),
    goals: [...s.goals].map((g) => [g.id, g.met]),
  };
}

const triple = (label: string, v: Value) => [
  label,
  v.t,
  v.t === 'ref' ? v.id : v.t === 'int' ? v.v : 0,
];

/** What the mirror must hold for a board, computed from the engine state directly. */
function expected(board: Board, by = 's1') {
  const objects: Record<string, unknown> = {};
  for (const o of Object.values(board.engine.objects)) {
    objects[String(o.id)] = {
      id: o.id,
      kind: o.kind,
      cls: o.kind === 'instance' ? o.cls : '',
      rc: o.rc,
      gen: o.gen ?? -1,
      weak:
        o.kind === 'weakref' ? (o.referent ?? -1) : o.kind === 'instance' ? (o.weakref ?? -1) : -1,
      dict: o.kind === 'instance' ? (o.dict ?? -1) : -1,
      slots: slotsOf(o).map((x) => [x.label, x.tag, x.v]),
    };
  }
  const goal = rules.goalStatus(puzzle, board);
  return {
    puzzleId: board.puzzleId,
    version: board.moves.length,
    stateDigest: rules.stateDigest(board.engine),
    gcEnabled: board.engine.gc.enabled,
    solved: goal.done,
    objects,
    globals: Object.entries(board.engine.globals).map(([n, v]) => triple(n, v)),
    frames: board.engine.frames.map((f) => [
      f.fn,
      f.varnames.filter((n) => f.locals[n]).map((n) => triple(n, f.locals[n]!)),
    ]),
    moves: board.moves.map((m) => [m, by]),
    goals: goal.clauses.map((c) => [c.id, c.met]),
  };
}

describe('mirrorBoard', () => {
  it('mirrors the start board exactly', () => {
    const target = new BoardState();
    const start = rules.startBoard(puzzle);
    mirror(target, start);
    expect(snapshot(target)).toEqual(expected(start));
    expect(Object.keys(snapshot(target).objects).length).toBeGreaterThan(0);
  });

  it.each(CAMPAIGN.map((p) => [p.id, p] as const))(
    'follows every solution prefix of %s, forwards and back, in place',
    (_id, p) => {
      puzzle = p;
      const target = new BoardState();
      const prefixes = puzzle.solution.map((_m, i) => puzzle.solution.slice(0, i + 1));
      for (const moves of [...prefixes, ...prefixes.slice().reverse(), []]) {
        const board = boardAfter(moves);
        mirror(target, board);
        expect(snapshot(target)).toEqual(expected(board));
      }
      puzzle = rules.puzzle(TEST_PUZZLE_ID)!;
    },
  );

  it('keeps unchanged objects as the same schema instances (small patches)', () => {
    const target = new BoardState();
    mirror(target, boardAfter([]));
    const before = new Map<string, unknown>();
    target.objects.forEach((o, id) => before.set(id, o));
    mirror(target, boardAfter(puzzle.solution.slice(0, 1)));
    target.objects.forEach((o, id) => {
      if (before.has(id)) expect(o).toBe(before.get(id));
    });
  });

  it('rewrites the move log after an undo or a different move (authors included)', () => {
    const target = new BoardState();
    mirror(target, boardAfter(puzzle.solution.slice(0, 2)), 'a');
    mirror(target, boardAfter(puzzle.solution.slice(0, 1)), 'b');
    expect([...target.moves].map((m) => [m.move, m.by])).toEqual([[puzzle.solution[0], 'b']]);
  });
});
