/**
 * Server-side verification of a challenge submission: replay the moves from the puzzle's start
 * board through the engine and compute everything that is ranked (score, moves, objects the
 * collections examined) plus the step kinds of the share string. Nothing a client claims is read.
 *
 * Contracts: pure; the board master (shared/board/master.ts) replays and scores, as for rooms and
 * /api/verify. A move the rules refuse, or any move after the goal is met (`board/solved`), is an
 * error naming the move's index. A replay that ends before
 * the goal is met is a valid result with `solved: false` and 0 points. Time and hints cannot be
 * measured for a replay, so they count as 0 for everyone.
 */
import { master } from '../board/master.ts';
import { hashState } from '../engine/index.ts';
import type { Puzzle } from '../puzzles/format.ts';
import type { StepKind } from './steps.ts';
import { stepOf } from './steps.ts';

interface ChallengeResult {
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

interface ReplayRefusal {
  code: string;
  message: string;
  moveIndex: number;
}

export type ReplayOutcome =
  { ok: true; result: ChallengeResult } | { ok: false; error: ReplayRefusal };

/** Replays `moves` on the challenge puzzle through the board master and scores the final board. */
export function replayChallenge(puzzle: Puzzle, moves: readonly string[]): ReplayOutcome {
  const steps: StepKind[] = [];
  const replayed = master.replay(puzzle, moves, (before, outcome) =>
    steps.push(stepOf(before.engine, outcome.kind, outcome.events)),
  );
  if (!replayed.ok) {
    const { code, message, moveIndex } = replayed;
    return { ok: false, error: { code, message, moveIndex } };
  }
  const s = master.score(replayed.match, 0);
  return {
    ok: true,
    result: {
      solved: s.solved,
      moves: s.moves,
      par: s.par,
      stars: s.stars,
      score: s.points,
      examined: s.examined,
      steps,
      stateHash: hashState(replayed.match.board.engine),
    },
  };
}
