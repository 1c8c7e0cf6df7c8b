/**
 * The puzzle format: plain data, validated with zod when a catalog is loaded.
 *
 * A puzzle is a setup program (Python subset, after the standard preamble of preamble.ts) that
 * builds the start heap, the kinds of move the player may make, and a declarative goal. Goals
 * name objects by a *setup path* (`a`, `a.next`, `box[0]`, `d['k']`), resolved to object ids once,
 * at the end of setup: "the object `a` named when the level started".
 */
import { z } from 'zod';
import { MOVE_KINDS } from './contract.ts';

/** The concepts the campaign teaches (issue 5); every one is covered by at least 2 levels. */
export const CONCEPTS = [
  'stack-heap', // names live in frames, objects live on the heap
  'refcount', // +1 on bind/store, -1 on del/rebind/remove
  'del', // `del name`
  'rebind-none', // `x = None`
  'containers', // lists, dicts and attributes hold references
  'cycles', // circular references refcounting cannot free
  'gc-collect', // gc.collect() and the number it returns
  'gc-thresholds', // gc.disable()/enable() and automatic collection thresholds
  'weakref', // weak references, breaking a cycle with one
  'frames', // locals die on return, returned objects survive
  'globals', // module-level names live until deleted
  'interning', // small ints -5..256 are shared and cost no heap
  'sizes-slots', // object sizes and __slots__
  'heap-meter', // watching heap bytes grow and shrink
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** A text in both game languages. */
export const TextSchema = z.object({ en: z.string().min(1), id: z.string().min(1) });
export type Text = z.infer<typeof TextSchema>;

/** `a`, `a.next`, `box[0]`, `d['k']`: a name and at most one step (the subset's own reach). */
export const SETUP_PATH = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*|\[\d+\]|\['[A-Za-z_]\w*'\])?$/;
const PathSchema = z.string().regex(SETUP_PATH);
const NameSchema = z.string().regex(/^[A-Za-z_]\w*$/);

/**
 * One clause of a goal. State clauses (`freed`, `alive`, `noGarbage`, `heapAtMost`, `objectCount`,
 * `bound`, `weakrefDead`, `gcEnabled`, `length`) are checked on the current board; history clauses
 * (`collectReturned`, `autoCollected`) become true once and stay true; limit clauses
 * (`maxDeletions`, `noCollect`) hold until the player breaks them.
 */
const GoalClauseSchema = z.discriminatedUnion('kind', [
  /** Every object these setup paths reached must be freed. */
  z.object({ kind: z.literal('freed'), refs: z.array(PathSchema).min(1) }),
  /** Every object these setup paths reached must still be alive. */
  z.object({ kind: z.literal('alive'), refs: z.array(PathSchema).min(1) }),
  /** Every object on the heap is reachable from a name: no uncollected garbage. */
  z.object({ kind: z.literal('noGarbage') }),
  /** Some gc.collect() move returned exactly n. */
  z.object({ kind: z.literal('collectReturned'), n: z.number().int().min(0) }),
  /** The collector ran by itself at least once (an allocation crossed a threshold). */
  z.object({ kind: z.literal('autoCollected') }),
  /** heapBytes(state) <= bytes. */
  z.object({ kind: z.literal('heapAtMost'), bytes: z.number().int().min(0) }),
  /** Exactly n objects on the heap. */
  z.object({ kind: z.literal('objectCount'), n: z.number().int().min(0) }),
  /** Module-level name bound to a value of this kind (`unbound` = not bound at all). */
  z.object({
    kind: z.literal('bound'),
    name: NameSchema,
    to: z.enum(['list', 'dict', 'instance', 'weakref', 'none', 'int', 'unbound']),
  }),
  /** The list or dict at a current path holds exactly n items. */
  z.object({ kind: z.literal('length'), path: PathSchema, n: z.number().int().min(0) }),
  /** The weakref named `name` is dead (`w() is None`) or alive, as `dead` says. */
  z.object({ kind: z.literal('weakrefDead'), name: NameSchema, dead: z.boolean() }),
  /** gc.isenabled() must be this at the end. */
  z.object({ kind: z.literal('gcEnabled'), value: z.boolean() }),
  /** At most n deleteRef / delName / rebindNone moves. */
  z.object({ kind: z.literal('maxDeletions'), n: z.number().int().min(0) }),
  /** No gc.collect() move at all. */
  z.object({ kind: z.literal('noCollect') }),
]);
export type GoalClause = z.infer<typeof GoalClauseSchema>;

const PuzzleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    /** 1.. for campaign chapters; 0 for generated challenges. */
    chapter: z.number().int().min(0),
    concepts: z.array(z.enum(CONCEPTS)).min(1),
    title: TextSchema,
    /** Two to four short sentences shown before the level. */
    lesson: TextSchema,
    /** Three tiers: a nudge, a method, (almost) the answer. */
    hints: z.tuple([TextSchema, TextSchema, TextSchema]),
    /** Python subset after the preamble; usually starts with gc.disable(). */
    setup: z.string(),
    allowed: z.array(z.enum(MOVE_KINDS)).min(1),
    goal: z.array(GoalClauseSchema).min(1),
    /** The optimal number of moves (the solver checks it). */
    par: z.number().int().min(1),
    /** A shortest solution, one Python statement per move. */
    solution: z.array(z.string().min(1).max(200)).min(1),
    /** Extra names a player may plausibly bind (the solver tries them). */
    scratch: z.array(NameSchema).default([]),
  })
  .refine((p) => p.solution.length === p.par, {
    message: 'the reference solution must take par moves',
  });
export type Puzzle = z.infer<typeof PuzzleSchema>;
/** What authors write: `scratch` may be left out. */
export type PuzzleInput = z.input<typeof PuzzleSchema>;

/** Validate one puzzle; throws a zod error naming the puzzle and field on bad data. */
export function parsePuzzle(data: unknown): Puzzle {
  return PuzzleSchema.parse(data);
}

/** Validate a whole catalog: every puzzle, and ids unique. */
export function parseCatalog(data: readonly unknown[]): Puzzle[] {
  const puzzles = data.map(parsePuzzle);
  const seen = new Set<string>();
  for (const p of puzzles) {
    if (seen.has(p.id)) throw new Error(`duplicate puzzle id ${p.id}`);
    seen.add(p.id);
  }
  return puzzles;
}
