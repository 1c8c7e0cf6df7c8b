/**
 * The campaign as the client sees it: levels in play order, grouped by chapter, from the shared
 * catalog (validated there). No rules here.
 */
import { CAMPAIGN, CHAPTERS, campaignPuzzle } from '../../shared/puzzles/campaign/index.ts';
import type { Text } from '../../shared/puzzles/format.ts';
import { LocalSession } from './LocalSession.ts';
import type { Session } from './Session.ts';

interface LevelEntry {
  id: string;
  chapter: number;
  title: Text;
}

export interface ChapterEntry {
  n: number;
  title: Text;
  levels: LevelEntry[];
}

function levels(): LevelEntry[] {
  return CAMPAIGN.map((p) => ({ id: p.id, chapter: p.chapter, title: p.title }));
}

export function levelOrder(): string[] {
  return CAMPAIGN.map((p) => p.id);
}

export function chapters(): ChapterEntry[] {
  const out: ChapterEntry[] = [];
  for (const l of levels()) {
    let ch = out.find((c) => c.n === l.chapter);
    if (!ch) {
      ch = { n: l.chapter, title: CHAPTERS[l.chapter - 1] ?? { en: '', id: '' }, levels: [] };
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
  const puzzle = campaignPuzzle(puzzleId);
  return puzzle ? new LocalSession(puzzle) : null;
}
