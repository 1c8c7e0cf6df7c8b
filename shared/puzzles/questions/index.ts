/**
 * The predict questions and their answers. Answers are computed, never stored: the program runs
 * through the Python runner over the engine (the same code that plays the game), and a test holds
 * every answer against real CPython 3.11.
 */
import type { Result } from '../../engine/index.ts';
import { err, nextRandom, ok, seedRng } from '../../engine/index.ts';
import type { MoveError } from '../contract.ts';
import { fnv1a } from '../calendar.ts';
import { resolvePath } from '../paths.ts';
import { execStatement, runSetup } from '../run.ts';
import type { Question } from './format.ts';
import { NONE_SURVIVE, parseQuestions, survivorsAnswer } from './format.ts';
import { PRINT_COLLECT } from './print-collect.ts';
import { PRINT_REFCOUNTS } from './print-refcounts.ts';
import { SURVIVORS } from './survivors.ts';

export { NONE_SURVIVE, survivorsAnswer, type Question };

export const QUESTIONS: readonly Question[] = parseQuestions([
  ...PRINT_REFCOUNTS,
  ...PRINT_COLLECT,
  ...SURVIVORS,
]);

/** The correct answer, computed by the engine (see format.ts for the two answer formats). */
export function answerOf(q: Question): Result<string, MoveError> {
  if (q.kind === 'print') {
    const run = runSetup(q.program);
    return run.ok ? ok(run.value.output.join('\n')) : run;
  }
  const run = runSetup(q.program);
  if (!run.ok) return run;
  const ids: number[] = [];
  for (const path of q.ask) {
    const v = resolvePath(run.value.state, path);
    if (!v || v.t !== 'ref')
      return err({ code: 'question/bad_ask', message: `${path} is not an object` });
    ids.push(v.id);
  }
  let state = run.value.state;
  for (const line of q.lines) {
    const after = execStatement(run.value.ctx, state, line);
    if (!after.ok) return after;
    state = after.value.state;
  }
  const alive = q.ask.filter((_, i) => state.objects[ids[i] as number] !== undefined);
  return ok(survivorsAnswer(alive));
}

/** The answer and distractors in a stable shuffled order for this question and seed. */
export function choicesOf(q: Question, answer: string, seed: number): string[] {
  const out = [answer, ...q.distractors.filter((d) => d !== answer)];
  let rng = seedRng(seed ^ fnv1a(q.id));
  for (let i = out.length - 1; i > 0; i--) {
    const [r, next] = nextRandom(rng);
    rng = next;
    const j = Math.floor(r * (i + 1));
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}
