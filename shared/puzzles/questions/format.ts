/**
 * Predict questions ("what does this print?", "which objects survive this line?"), for live rounds
 * and level intros. The answer is never stored: predict.ts computes it with the engine through the
 * Python runner, and a test checks it against real CPython.
 */
import { z } from 'zod';
import { CONCEPTS, SETUP_PATH, TextSchema } from '../format.ts';

const QuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    concepts: z.array(z.enum(CONCEPTS)).min(1),
    /**
     * `print`: the answer is everything `program` prints (lines joined by '\n').
     * `survivors`: `program` sets up, `lines` are "the line(s)"; the answer lists which of the
     * objects `ask` names (setup paths, resolved at the end of `program`) are still alive after
     * `lines`, in `ask` order, joined by ', ', or 'none'.
     */
    kind: z.enum(['print', 'survivors']),
    prompt: TextSchema,
    /** Python subset after the preamble (PREAMBLE: gc is enabled, Node and Slot exist). */
    program: z.string().min(1),
    /** Survivors only: 1 to 3 statements run after the program. */
    lines: z.array(z.string().min(1)).max(3).default([]),
    /** Survivors only: the objects asked about; instances, so CPython can watch them weakly. */
    ask: z.array(z.string().regex(SETUP_PATH)).default([]),
    /** Wrong answers for multiple choice, in the answer's format. */
    distractors: z.array(z.string().min(1)).min(2).max(5),
    /** Shown after the reveal. */
    explain: TextSchema,
  })
  .refine((q) => (q.kind === 'survivors') === (q.ask.length > 0 && q.lines.length > 0), {
    message: 'survivors questions have `ask` and `lines`; print questions have neither',
  });

export type Question = z.infer<typeof QuestionSchema>;
export type QuestionInput = z.input<typeof QuestionSchema>;

export const NONE_SURVIVE = 'none';

/** A survivors answer: the surviving names in `ask` order joined by ', ', or NONE_SURVIVE. */
export function survivorsAnswer(alive: readonly string[]): string {
  return alive.length ? alive.join(', ') : NONE_SURVIVE;
}

/** Validate a list of questions; ids unique. */
export function parseQuestions(data: readonly unknown[]): Question[] {
  const qs = data.map((d) => QuestionSchema.parse(d));
  const ids = new Set(qs.map((q) => q.id));
  if (ids.size !== qs.length) throw new Error('duplicate question id');
  return qs;
}
