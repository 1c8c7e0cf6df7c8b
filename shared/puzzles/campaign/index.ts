/**
 * The solo campaign: chapters in order, validated on load (a malformed level throws at import,
 * naming the puzzle and field). Levels go from "one name, one list" to leak hunts.
 */
import { parseCatalog } from '../format.ts';
import type { Puzzle } from '../format.ts';
import { CHAPTER_1 } from './ch1-names.ts';
import { CHAPTER_2 } from './ch2-containers.ts';
import { CHAPTER_3 } from './ch3-cycles.ts';
import { CHAPTER_4 } from './ch4-thresholds.ts';
import { CHAPTER_5 } from './ch5-weakrefs.ts';
import { CHAPTER_6 } from './ch6-frames.ts';
import { CHAPTER_7 } from './ch7-sizes.ts';
import { CHAPTER_8 } from './ch8-leaks.ts';

/** Chapter titles, in order (chapter n is CHAPTERS[n - 1]). */
export const CHAPTERS = [
  { en: 'Names and objects', id: 'Nama dan objek' },
  { en: 'Boxes of arrows', id: 'Kotak berisi panah' },
  { en: 'Circles', id: 'Lingkaran' },
  { en: "The collector's alarm clock", id: 'Jam weker collector' },
  { en: 'Weak arrows', id: 'Panah lemah' },
  { en: 'Calls and globals', id: 'Pemanggilan fungsi dan variabel global' },
  { en: 'Weighing the heap', id: 'Menimbang heap' },
  { en: 'Leak hunts', id: 'Berburu kebocoran' },
] as const;

export const CAMPAIGN: readonly Puzzle[] = parseCatalog([
  ...CHAPTER_1,
  ...CHAPTER_2,
  ...CHAPTER_3,
  ...CHAPTER_4,
  ...CHAPTER_5,
  ...CHAPTER_6,
  ...CHAPTER_7,
  ...CHAPTER_8,
]);

/** A campaign level by id, or undefined. */
export function campaignPuzzle(id: string): Puzzle | undefined {
  return CAMPAIGN.find((p) => p.id === id);
}
