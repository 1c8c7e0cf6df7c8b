/**
 * The Session behind the projector's "Show it": a predict question's board, read-only, starting
 * just before the asked line(s) (shared/puzzles/questions/replay.ts). The only statement it
 * accepts is the next asked line, which the reveal bar plays through the Puzzle scene (so the
 * usual animations run: refcount ticks, frees in cascade order, the gc.collect() step player).
 * Anything else is refused like a watched board; `reset` starts the replay again.
 */
import { heapBytes } from '../../shared/engine/sizes.ts';
import type { Board, MoveError } from '../../shared/puzzles/contract.ts';
import { withPreamble } from '../../shared/puzzles/preamble.ts';
import type { Question } from '../../shared/puzzles/questions/index.ts';
import {
  replayLine,
  replayPlan,
  replayStart,
  type ReplayPlan,
  type ReplayStart,
} from '../../shared/puzzles/questions/replay.ts';
import { t } from '../i18n/index.ts';
import type { PuzzleInfo, Session, Snapshot, SubmitResult } from '../session/Session.ts';

export class RevealSession implements Session {
  readonly mode = 'local' as const;
  readonly readOnly = true;
  readonly puzzle: PuzzleInfo;
  readonly plan: ReplayPlan;
  readonly replay: { readonly before: string };
  private readonly start: ReplayStart;
  private board: Board;
  private readonly listeners = new Set<(s: Snapshot) => void>();

  private constructor(q: Question, plan: ReplayPlan, start: ReplayStart) {
    this.plan = plan;
    this.replay = { before: plan.before };
    this.start = start;
    this.board = start.board;
    this.puzzle = {
      id: `reveal-${q.id}`,
      chapter: 0,
      title: q.prompt,
      lesson: q.explain,
      hints: [],
      par: plan.lines.length,
      allowed: [],
      goals: [],
    };
  }

  /** Null when the question does not replay (never for a shipped question: a test runs them all). */
  static open(q: Question): RevealSession | null {
    const plan = replayPlan(q);
    const start = plan.ok ? replayStart(plan.value, `reveal-${q.id}`) : null;
    return plan.ok && start?.ok ? new RevealSession(q, plan.value, start.value) : null;
  }

  /** The asked line that plays next, or null when all have played. */
  nextLine(): string | null {
    return this.plan.lines[this.board.moves.length] ?? null;
  }

  snapshot(): Snapshot {
    return {
      board: this.board,
      goal: { done: false, clauses: [] },
      canUndo: false,
      canRedo: false,
      hintsUsed: 0,
      heapBytes: heapBytes(this.board.engine),
    };
  }

  async submit(statement: string): Promise<SubmitResult> {
    if (statement !== this.nextLine()) return { ok: false, statement, error: readOnly() };
    const before = this.board.engine;
    const r = replayLine(this.start.ctx, this.board, statement);
    if (!r.ok) return { ok: false, statement, error: r.error };
    this.board = r.value.board;
    this.notify();
    return { ok: true, statement, outcome: r.value, before };
  }

  async undo(): Promise<boolean> {
    return false;
  }

  async redo(): Promise<boolean> {
    return false;
  }

  async reset(): Promise<void> {
    this.board = this.start.board;
    this.notify();
  }

  async inspect(): Promise<{ ok: false; error: MoveError }> {
    return { ok: false, error: readOnly() };
  }

  functions(): string[] {
    return [];
  }

  setupProgram(): string {
    return withPreamble(this.plan.before);
  }

  nextHint(): null {
    return null;
  }

  onChange(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

const readOnly = (): MoveError => ({ code: 'live/read_only', message: t('live.revealReadOnly') });
