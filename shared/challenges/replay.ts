/**
 * Server-side verification of a challenge submission: replay the moves from the puzzle's start
 * board through the engine and compute everything that is ranked (score, moves, objects the
 * collections examined) plus the step kinds of the share string. Nothing a client claims is read.
 *
 * Contracts: pure. A move the rules refuse, or any move after the goal is met (`board/solved`,
 * the same check as the rooms), is an error naming the move's index. A replay that ends before
 * the goal is met is a valid result with `solved: false` and 0 points. Time and hints cannot be
 * measured for a replay, so they count as 0 for everyone.
 */
import { hashState } from '../engine/index.ts';
import { applyMove, goalStatus, startBoard } from '../puzzles/board.ts';
import type { Board } from '../puzzles/contract.ts';
import type { Puzzle } from '../puzzles/format.ts';
import { scorePlay } from '../puzzles/scoring.ts';
import type { StepKind } from './steps.ts';
import { stepOf } from './steps.ts';

export interface ChallengeResult {
  solved: boolean;
  /** Number of accepted moves. */
  moves: number;
  par: number;
  stars: 0 | 1 | 2 | 3;
  /** Game score (shared/puzzles/scoring.ts); 0 unless solved. */
  score: number;
  /** Objects examined by every collection, summed (a tie-break: less work ranks higher). */
  examined: number;
  /** One per move, for the share string. */
  steps: StepKind[];
  /** hashState of the final board, to re-verify later. */
  stateHash: string;
}

export interface ReplayRefusal {
  code: string;
  message: string;
  moveIndex: number;
}

export type ReplayOutcome =
  { ok: true; result: ChallengeResult } | { ok: false; error: ReplayRefusal };

export const SOLVED_CODE = 'board/solved';

/** Replays `moves` on the challenge puzzle and scores the final board. */
export function replayChallenge(puzzle: Puzzle, moves: readonly string[]): ReplayOutcome {
  let board: Board = startBoard(puzzle);
  const steps: StepKind[] = [];
  const examined: number[] = [];
  for (const [moveIndex, move] of moves.entries()) {
    if (goalStatus(puzzle, board).done) {
      return {
        ok: false,
        error: {
          code: SOLVED_CODE,
          message: 'The puzzle was already solved before this move.',
          moveIndex,
        },
      };
    }
    const r = applyMove(puzzle, board, move);
    if (!r.ok)
      return { ok: false, error: { code: r.error.code, message: r.error.message, moveIndex } };
    steps.push(stepOf(board.engine, r.value.kind, r.value.events));
    for (const t of r.value.traces) examined.push(t.young.length);
    board = r.value.board;
  }
  return { ok: true, result: scoreBoard(puzzle, board, steps, examined) };
}

/** Every collection is charged, explicit or automatic (as verifyPlay in shared/puzzles/verify.ts). */
function scoreBoard(
  puzzle: Puzzle,
  board: Board,
  steps: StepKind[],
  examinedEach: number[],
): ChallengeResult {
  const solved = goalStatus(puzzle, board).done;
  const s = scorePlay({
    solved,
    par: puzzle.par,
    moves: board.moves.length,
    examined: examinedEach,
    hintsUsed: 0,
    seconds: 0,
  });
  return {
    solved,
    moves: board.moves.length,
    par: puzzle.par,
    stars: s.stars,
    score: s.points,
    examined: examinedEach.reduce((a, b) => a + b, 0),
    steps,
    stateHash: hashState(board.engine),
  };
}
