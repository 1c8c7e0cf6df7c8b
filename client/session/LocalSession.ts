/**
 * Solo play in the browser: runs the shared puzzle code (which runs the engine) directly.
 * Undo = replay of the accepted-move log minus its last move, so the board is always exactly what
 * the server's verifier would compute for the same moves.
 */
import { heapBytes } from '../../shared/engine/sizes.ts';
import {
  applyMove,
  boardAfter,
  goalStatus,
  prepare,
  startBoard,
} from '../../shared/puzzles/board.ts';
import { classifyMove, NOT_ALLOWED } from '../../shared/puzzles/classify.ts';
import type { Board, MoveError } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { clauseId, clauseText } from '../../shared/puzzles/goals.ts';
import { lang } from '../i18n/index.ts';
import {
  inspectBoard,
  puzzleFunctions,
  setupProgramOf,
  type InspectResult,
} from './puzzleQueries.ts';
import type { PuzzleInfo, Session, Snapshot, SubmitResult } from './Session.ts';

export function puzzleInfo(p: Puzzle): PuzzleInfo {
  return {
    id: p.id,
    chapter: p.chapter,
    title: p.title,
    lesson: p.lesson,
    hints: p.hints,
    par: p.par,
    allowed: p.allowed,
    goals: p.goal.map((c) => ({
      id: clauseId(c),
      text: { en: clauseText(c, 'en'), id: clauseText(c, 'id') },
    })),
  };
}

export class LocalSession implements Session {
  readonly mode = 'local' as const;
  readonly puzzle: PuzzleInfo;
  private readonly source: Puzzle;
  private board: Board;
  private redoStack: string[] = [];
  private hintsUsed = 0;
  private readonly listeners = new Set<(s: Snapshot) => void>();

  constructor(puzzle: Puzzle) {
    this.source = puzzle;
    this.puzzle = puzzleInfo(puzzle);
    this.board = startBoard(puzzle);
  }

  snapshot(): Snapshot {
    return {
      board: this.board,
      goal: goalStatus(this.source, this.board),
      canUndo: this.board.moves.length > 0,
      canRedo: this.redoStack.length > 0,
      hintsUsed: this.hintsUsed,
      heapBytes: heapBytes(this.board.engine),
    };
  }

  async submit(statement: string): Promise<SubmitResult> {
    const result = this.play(statement.trim());
    if (result.ok) this.redoStack = [];
    return result;
  }

  private play(statement: string): SubmitResult {
    const before = this.board.engine;
    const r = applyMove(this.source, this.board, statement);
    if (!r.ok) return { ok: false, statement, error: this.localized(statement, r.error) };
    this.board = r.value.board;
    this.notify();
    return { ok: true, statement, outcome: r.value, before };
  }

  /** `move/not_allowed` in the player's language (Python's own errors stay as Python prints them). */
  private localized(statement: string, error: MoveError): MoveError {
    if (error.code !== 'move/not_allowed') return error;
    const c = classifyMove(statement, prepare(this.source).defs);
    return c.ok ? { ...error, message: NOT_ALLOWED[c.kind][lang()] } : error;
  }

  async undo(): Promise<boolean> {
    const moves = this.board.moves;
    if (moves.length === 0) return false;
    const replayed = boardAfter(this.source, moves.slice(0, -1));
    if (!replayed.ok) return false;
    this.redoStack.push(moves[moves.length - 1]!);
    this.board = replayed.value;
    this.notify();
    return true;
  }

  async redo(): Promise<boolean> {
    const move = this.redoStack.pop();
    if (move === undefined) return false;
    const r = this.play(move);
    if (!r.ok) this.redoStack = [];
    return r.ok;
  }

  async reset(): Promise<void> {
    this.board = startBoard(this.source);
    this.redoStack = [];
    this.notify();
  }

  async inspect(statement: string): Promise<InspectResult> {
    return inspectBoard(this.source, this.board, statement);
  }

  functions(): string[] {
    return puzzleFunctions(this.source);
  }

  setupProgram(): string {
    return setupProgramOf(this.source);
  }

  nextHint(): { tier: number; total: number; text: PuzzleInfo['hints'][number] } | null {
    const hints = this.source.hints;
    if (this.hintsUsed >= hints.length) return null;
    this.hintsUsed += 1;
    this.notify();
    return { tier: this.hintsUsed, total: hints.length, text: hints[this.hintsUsed - 1]! };
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
