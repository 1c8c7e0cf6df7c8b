/**
 * The campaign as the client sees it: levels in play order, grouped by chapter. Reads the shared
 * puzzle catalog; no rules here.
 */
import { CHAPTER_1 } from '../../shared/puzzles/campaign/ch1-names.ts';
import { parsePuzzle } from '../../shared/puzzles/format.ts';
import type { Puzzle, PuzzleInput, Text } from '../../shared/puzzles/format.ts';
import { LocalSession } from './LocalSession.ts';
import type { Session } from './Session.ts';

export interface LevelEntry {
  id: string;
  chapter: number;
  title: Text;
}

export interface ChapterEntry {
  n: number;
  title: Text;
  levels: LevelEntry[];
}

const CHAPTER_TITLES: Record<number, Text> = {};

function all(): PuzzleInput[] {
  return [...CHAPTER_1];
}

export function levels(): LevelEntry[] {
  return all().map((p) => ({ id: p.id, chapter: p.chapter, title: p.title }));
}

export function levelOrder(): string[] {
  return levels().map((l) => l.id);
}

export function chapters(): ChapterEntry[] {
  const out: ChapterEntry[] = [];
  for (const l of levels()) {
    let ch = out.find((c) => c.n === l.chapter);
    if (!ch) {
      ch = { n: l.chapter, title: CHAPTER_TITLES[l.chapter] ?? { en: '', id: '' }, levels: [] };
      out.push(ch);
    }
    ch.levels.push(l);
  }
  return out.sort((a, b) => a.n - b.n);
}

export function nextLevel(id: string): string | null {
  const order = levelOrder();
  const i = order.indexOf(id);
  return i >= 0 && i + 1 < order.length ? order[i + 1]! : null;
}

/** A solo session for a campaign level, or null for an unknown id. */
export function openLocalSession(puzzleId: string): Session | null {
  const input = all().find((p) => p.id === puzzleId);
  if (!input) return null;
  const puzzle: Puzzle = parsePuzzle(input);
  return new LocalSession(puzzle);
}
