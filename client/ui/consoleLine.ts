/**
 * What the Python console does with a typed line, and how a refusal reads in the player's
 * language. A move is played; `print(...)` and any other bare expression that is not a move
 * (`sys.getrefcount(a)`, `w() is None`, `len(box)`) is evaluated on a copy of the board and, like
 * the Python REPL, shows its value (nothing for None). Pure: no DOM.
 */
import { classifyMove, NOT_ALLOWED } from '../../shared/puzzles/classify.ts';
import type { Definitions } from '../../shared/puzzles/classify.ts';
import type { MoveError } from '../../shared/puzzles/contract.ts';
import { parseProgram } from '../../shared/python/parser.ts';
import { lang, t } from '../i18n/index.ts';

export type ConsolePlan = { kind: 'move' } | { kind: 'inspect'; statement: string; repl: boolean };

/** The functions and classes the level's setup defines (what makes `f()` or `C()` a move). */
export function planConsoleLine(defs: Definitions, line: string): ConsolePlan {
  if (/^print\(/.test(line)) return { kind: 'inspect', statement: line, repl: false };
  if (classifyMove(line, defs).ok) return { kind: 'move' };
  return bareExpression(line)
    ? { kind: 'inspect', statement: `print(${line})`, repl: true }
    : { kind: 'move' };
}

/** The REPL echo of an expression's value: nothing for None. */
export function replOutput(output: string[]): string[] {
  return output.length === 1 && output[0] === 'None' ? [] : output;
}

function bareExpression(line: string): boolean {
  try {
    const body = parseProgram(line).body;
    return body.length === 1 && body[0]!.s === 'expr';
  } catch {
    return false;
  }
}

/** A refusal in the player's language, without Markdown backticks. */
export function consoleMessage(defs: Definitions, line: string, error: MoveError): string {
  return plain(translated(defs, line, error));
}

function translated(defs: Definitions, line: string, error: MoveError): string {
  if (error.code === 'move/not_allowed') {
    const c = classifyMove(line, defs);
    if (c.ok) return NOT_ALLOWED[c.kind][lang()];
  }
  if (error.message.startsWith('That is not a move this game knows')) return t('console.unknown');
  if (error.message.startsWith('That changes the heap')) return t('console.isMove');
  return error.message;
}

function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}
