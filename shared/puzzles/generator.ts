/**
 * Seeded puzzle generator for the daily and weekly challenges.
 *
 * Contract: `generatePuzzle(seed, difficulty)` is a pure function of its arguments (all draws come
 * from the engine's seeded PRNG) and always returns a valid, solvable puzzle whose par is the
 * solver's optimum. Solvable by construction: the goal is read off the heap after a random walk of
 * legal moves, so the walk itself is a solution and the solver can only find one as short or
 * shorter. Candidates that fail (goal empty, search truncated) are redrawn from the same stream.
 */
import { nextRandom, seedRng } from '../engine/index.ts';
import type { EngineState } from '../engine/index.ts';
import { advance, prepare } from './board.ts';
import { dailySeed, weeklySeed } from './calendar.ts';
import type { Board, MoveKind } from './contract.ts';
import type { Concept, GoalClause, Puzzle } from './format.ts';
import { parsePuzzle } from './format.ts';
import { noGarbage } from './goals.ts';
import { candidateMoves, vocabularyOf } from './movegen.ts';
import { resolvePath } from './paths.ts';
import { solve } from './solver.ts';
import { generatedTexts } from './texts.ts';

export type Difficulty = 1 | 2 | 3;

const NAMES = ['a', 'b', 'c', 'd', 'e'];
const ATTRS = ['next', 'prev'];
const ALLOWED: Record<Difficulty, MoveKind[]> = {
  1: ['delName', 'rebindNone', 'collect'],
  2: ['delName', 'rebindNone', 'deleteRef', 'collect'],
  3: ['delName', 'rebindNone', 'deleteRef', 'collect'],
};
const MAX_ATTEMPTS = 40;

/** A PRNG stream: the engine's mulberry32 state, advanced by each draw. */
interface Stream {
  s: number;
}

function draw(r: Stream, n: number): number {
  const [v, next] = nextRandom(r.s);
  r.s = next;
  return Math.floor(v * n);
}

const pick = <T>(r: Stream, xs: readonly T[]): T => xs[draw(r, xs.length)] as T;

/** A random setup program: objects with names, links between them, some names dropped. */
function randomSetup(r: Stream, d: Difficulty): string {
  const n = 2 + d;
  const names = NAMES.slice(0, n);
  const kinds = names.map(() => (draw(r, 10) < 7 ? 'Node' : 'list'));
  const lines = [
    'gc.disable()',
    ...names.map((x, i) => (kinds[i] === 'Node' ? `${x} = Node()` : `${x} = []`)),
  ];
  for (let e = 0; e < n + d - 2; e++) {
    const src = draw(r, n);
    const dst = draw(r, n);
    const [s, t] = [names[src] as string, names[dst] as string];
    lines.push(kinds[src] === 'Node' ? `${s}.${pick(r, ATTRS)} = ${t}` : `${s}.append(${t})`);
  }
  for (const x of names.slice(1)) if (draw(r, 10) < 2 + d) lines.push(`del ${x}`);
  return `${lines.join('\n')}\n`;
}

/** Setup paths (names and one step from them) to each object, first found wins. */
function pathsToObjects(s: EngineState): Map<number, string> {
  const out = new Map<number, string>();
  const names = Object.keys(s.globals).sort();
  for (const n of names) {
    const v = s.globals[n];
    if (v?.t === 'ref' && !out.has(v.id)) out.set(v.id, n);
  }
  for (const n of names) {
    for (const step of ATTRS.map((a) => `${n}.${a}`).concat(
      [0, 1, 2, 3].map((i) => `${n}[${i}]`),
    )) {
      const v = resolvePath(s, step);
      if (v?.t === 'ref' && !out.has(v.id)) out.set(v.id, step);
    }
  }
  return out;
}

function draft(seed: number, d: Difficulty, setup: string, goal: GoalClause[]): Puzzle {
  return parsePuzzle({
    id: generatedId(seed, d),
    chapter: 0,
    concepts: ['refcount'],
    ...generatedTexts(seed, []),
    setup,
    allowed: ALLOWED[d],
    goal,
    par: 1,
    solution: ['gc.collect()'],
  });
}

/** Play `steps` random legal moves; the board they reach. */
function randomWalk(r: Stream, puzzle: Puzzle, steps: number): Board {
  const prep = prepare(puzzle);
  const voc = vocabularyOf(puzzle, prep);
  let board = prep.start;
  for (let i = 0; i < steps; i++) {
    const moves = candidateMoves(puzzle.allowed, voc, board.engine);
    for (let tries = 0; tries < 4 && moves.length > 0; tries++) {
      const res = advance(puzzle, board, pick(r, moves), false);
      if (res.ok) {
        board = res.value.board;
        break;
      }
    }
  }
  return board;
}

/** The goal the walk's board meets: what it freed and kept, plus extra clauses by difficulty. */
function goalFromWalk(start: EngineState, end: Board, d: Difficulty): GoalClause[] | null {
  const freed: string[] = [];
  const alive: string[] = [];
  for (const [id, path] of pathsToObjects(start))
    (end.engine.objects[id] ? alive : freed).push(path);
  if (freed.length === 0) return null;
  const goal: GoalClause[] = [{ kind: 'freed', refs: freed }];
  if (alive.length > 0) goal.push({ kind: 'alive', refs: alive });
  if (d >= 2 && noGarbage(end.engine)) goal.push({ kind: 'noGarbage' });
  if (d === 3 && end.collections.length === 0) goal.push({ kind: 'noCollect' });
  return goal;
}

function conceptsOf(solution: readonly string[], setup: string): Concept[] {
  const concepts: Concept[] = ['refcount'];
  if (/\.(next|prev) =|append/.test(setup)) concepts.push('containers');
  if (solution.includes('gc.collect()')) concepts.push('cycles', 'gc-collect');
  if (solution.some((m) => m.startsWith('del '))) concepts.push('del');
  if (solution.some((m) => m.endsWith(' = None'))) concepts.push('rebind-none');
  return concepts;
}

/** A solvable puzzle for a seed and difficulty (see the module contract). */
/** A generated puzzle's id: `gen-<seed>-<difficulty>`. */
const generatedId = (seed: number, d: Difficulty): string => `gen-${seed}-${d}`;
const GENERATED_ID = /^gen-(\d{1,10})-([123])$/;

/** The generated puzzle `id` names (see generatedId), or undefined when it names none. */
export function generatedPuzzleOf(id: string): Puzzle | undefined {
  const m = GENERATED_ID.exec(id);
  return m ? generatePuzzle(Number(m[1]), Number(m[2]) as Difficulty) : undefined;
}

export function generatePuzzle(seed: number, difficulty: Difficulty): Puzzle {
  const r: Stream = { s: seedRng(((seed >>> 0) ^ Math.imul(difficulty, 0x9e3779b1)) >>> 0) };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const setup = randomSetup(r, difficulty);
    const probe = draft(seed, difficulty, setup, [{ kind: 'noGarbage' }]);
    const walk = randomWalk(r, probe, 1 + difficulty);
    const goal = goalFromWalk(prepare(probe).start.engine, walk, difficulty);
    if (!goal) continue;
    const candidate = draft(seed, difficulty, setup, goal);
    const s = solve(candidate, { maxDepth: walk.moves.length, maxBoards: 4000 });
    if (s.optimal === null || s.moves === null || s.optimal === 0) continue;
    return parsePuzzle({
      ...candidate,
      concepts: conceptsOf(s.moves, setup),
      ...generatedTexts(seed, s.moves),
      par: s.optimal,
      solution: s.moves,
    });
  }
  throw new Error(`no puzzle for seed ${seed} after ${MAX_ATTEMPTS} attempts`);
}

/**
 * Par ranges of the challenges: a weekly challenge is always harder than any daily one (a daily
 * is solved in exactly 2 moves, a weekly takes 3 or more, on a bigger heap).
 */
export const CHALLENGE_PAR = { daily: { min: 2, max: 2 }, weekly: { min: 3, max: 8 } } as const;
const CHALLENGE_TRIES = 24;

/**
 * The first puzzle from `seed`, `seed + 1`, … whose par is in `range` (the one closest to it when
 * none of CHALLENGE_TRIES is): still a pure function of its arguments, so the same for everyone.
 */
function puzzleWithPar(
  seed: number,
  difficulty: Difficulty,
  range: { min: number; max: number },
): Puzzle {
  let best: { puzzle: Puzzle; gap: number } | null = null;
  for (let i = 0; i < CHALLENGE_TRIES; i++) {
    const puzzle = generatePuzzle((seed + i) >>> 0, difficulty);
    const gap = Math.max(range.min - puzzle.par, puzzle.par - range.max, 0);
    if (gap === 0) return puzzle;
    if (best === null || gap < best.gap) best = { puzzle, gap };
  }
  return best!.puzzle;
}

/** The daily challenge for a UTC date 'YYYY-MM-DD' (difficulty 2, par CHALLENGE_PAR.daily). */
export function dailyPuzzle(utcDate: string): Puzzle {
  return puzzleWithPar(dailySeed(utcDate), 2, CHALLENGE_PAR.daily);
}

/** The weekly challenge for an ISO week 'YYYY-Www' (difficulty 3, par CHALLENGE_PAR.weekly). */
export function weeklyPuzzle(isoWeek: string): Puzzle {
  return puzzleWithPar(weeklySeed(isoWeek), 3, CHALLENGE_PAR.weekly);
}
