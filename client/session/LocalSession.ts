/**
 * Solo play in the browser: the board master (shared/board/master.ts) runs here exactly as in the
 * server's rooms and verifier: same refusals, same undo/redo (replay of the log), same hints.
 */
import { master, type Match } from '../../shared/board/master.ts';
import type { Action } from '../../shared/engine/actions.ts';
import type { EngineState } from '../../shared/engine/types.ts';
import { heapBytes } from '../../shared/engine/sizes.ts';
import { prepare } from '../../shared/puzzles/board.ts';
import { classifyMove, NOT_ALLOWED } from '../../shared/puzzles/classify.ts';
import type { MoveError } from '../../shared/puzzles/contract.ts';
import type { Puzzle } from '../../shared/puzzles/format.ts';
import { clauseId, clauseText } from '../../shared/puzzles/goals.ts';
import { lang } from '../i18n/index.ts';
import {
  inspectBoard,
  puzzleFunctions,
  setupProgramOf,
  statementActions,
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
  private match: Match;
  private readonly listeners = new Set<(s: Snapshot) => void>();

  constructor(puzzle: Puzzle) {
    this.source = puzzle;
    this.puzzle = puzzleInfo(puzzle);
    this.match = master.open(puzzle);
  }

  snapshot(): Snapshot {
    const { board, goal, hintsUsed, undone } = this.match;
    return {
      board,
      goal,
      canUndo: board.moves.length > 0,
      canRedo: undone.length > 0,
      hintsUsed,
      heapBytes: heapBytes(board.engine),
    };
  }

  async submit(statement: string): Promise<SubmitResult> {
    const played = master.play(this.match, statement.trim());
    if (!played.ok) {
      const { code, message, line } = played;
      const error = line === undefined ? { code, message } : { code, message, line };
      return { ok: false, statement: statement.trim(), error: this.localized(statement, error) };
    }
    this.change(played.match);
    const before = played.before.engine;
    return { ok: true, statement: statement.trim(), outcome: played.outcome, before };
  }

  /** `move/not_allowed` in the player's language (Python's own errors stay as Python prints them). */
  private localized(statement: string, error: MoveError): MoveError {
    if (error.code !== 'move/not_allowed') return error;
    const c = classifyMove(statement, prepare(this.source).defs);
    return c.ok ? { ...error, message: NOT_ALLOWED[c.kind][lang()] } : error;
  }

  async undo(): Promise<boolean> {
    const undone = master.undo(this.match);
    if (undone.ok) this.change(undone.match);
    return undone.ok;
  }

  async redo(): Promise<boolean> {
    const redone = master.redo(this.match);
    if (redone.ok) this.change(redone.match);
    return redone.ok;
  }

  async reset(): Promise<void> {
    this.change(master.reset(this.match));
  }

  async inspect(statement: string): Promise<InspectResult> {
    return inspectBoard(this.source, this.match.board, statement);
  }

  actionsOf(before: EngineState, statement: string): readonly Action[] {
    return statementActions(this.source, before, statement);
  }

  functions(): string[] {
    return puzzleFunctions(this.source);
  }

  setupProgram(): string {
    return setupProgramOf(this.source);
  }

  nextHint(): { tier: number; total: number; text: PuzzleInfo['hints'][number] } | null {
    const opened = master.openHint(this.match);
    if (opened === null) return null;
    this.change(opened);
    const hints = this.source.hints;
    return { tier: opened.hintsUsed, total: hints.length, text: hints[opened.hintsUsed - 1]! };
  }

  onChange(listener: (s: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private change(match: Match): void {
    this.match = match;
    this.notify();
  }

  private notify(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
