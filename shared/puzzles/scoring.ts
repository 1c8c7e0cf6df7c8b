/**
 * Scoring, pure arithmetic. Two scores that never mix (as Wayground keeps accuracy apart from
 * session points):
 * - the **game score** of a solved puzzle: stars from moves against par, points that pay for each
 *   collection (proportional to the objects it examined: the cycle collector is work, refcount
 *   frees are free), for hints opened and, gently, for time;
 * - the **learning score**: the share of predict questions answered correctly.
 * Time is passed in by the caller (seconds); nothing here reads a clock.
 */

const SCORING = {
  base: 1000,
  /** Points per move beyond par. */
  perExtraMove: 50,
  /** Points per object a collection examined (trace.young.length). Refcount frees cost 0. */
  perObjectExamined: 2,
  /** Points per hint tier opened. */
  perHint: 100,
  /** Bonus that drains one point per second after `graceSecondsPerMove * par` seconds. */
  timeBonusMax: 200,
  graceSecondsPerMove: 20,
  /** A solved puzzle never scores below this. */
  floor: 100,
} as const;

export interface PlayRecord {
  solved: boolean;
  par: number;
  moves: number;
  /** Objects examined by each collection that ran, explicit or automatic. */
  examined: readonly number[];
  /** Hint tiers opened, 0..3. */
  hintsUsed: number;
  /** Seconds the player took (supplied by the caller). */
  seconds: number;
}

export interface GameScore {
  stars: 0 | 1 | 2 | 3;
  points: number;
  breakdown: {
    base: number;
    extraMoves: number;
    collections: number;
    hints: number;
    timeBonus: number;
  };
}

/**
 * Stars: 3 at par (or better), 2 within half of par again (at least one move), 1 otherwise.
 * Opening the last hint (the answer) caps the stars at 2.
 */
export function starsFor(
  solved: boolean,
  moves: number,
  par: number,
  hintsUsed: number,
): 0 | 1 | 2 | 3 {
  if (!solved) return 0;
  const raw = moves <= par ? 3 : moves <= par + Math.max(1, Math.ceil(par / 2)) ? 2 : 1;
  return hintsUsed >= 3 && raw === 3 ? 2 : raw;
}

/** The game score of one play. Unsolved plays score 0 points and 0 stars. */
export function scorePlay(r: PlayRecord): GameScore {
  const stars = starsFor(r.solved, r.moves, r.par, r.hintsUsed);
  const grace = SCORING.graceSecondsPerMove * r.par;
  const breakdown = {
    base: r.solved ? SCORING.base : 0,
    extraMoves: 0 - SCORING.perExtraMove * Math.max(0, r.moves - r.par),
    collections: 0 - SCORING.perObjectExamined * r.examined.reduce((a, b) => a + b, 0),
    hints: 0 - SCORING.perHint * Math.min(3, Math.max(0, r.hintsUsed)),
    timeBonus: Math.max(0, SCORING.timeBonusMax - Math.max(0, Math.floor(r.seconds) - grace)),
  };
  if (!r.solved) return { stars, points: 0, breakdown: { ...breakdown, timeBonus: 0 } };
  const sum = Object.values(breakdown).reduce((a, b) => a + b, 0);
  return { stars, points: Math.max(SCORING.floor, sum), breakdown };
}

export interface Accuracy {
  answered: number;
  correct: number;
  /** Whole percent, 0 when nothing was answered. */
  percent: number;
}

/** The learning score: accuracy over predict answers, kept apart from game points. */
export function accuracy(answers: readonly { correct: boolean }[]): Accuracy {
  const correct = answers.filter((a) => a.correct).length;
  const answered = answers.length;
  return {
    answered,
    correct,
    percent: answered === 0 ? 0 : Math.round((100 * correct) / answered),
  };
}
