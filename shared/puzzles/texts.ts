/** Texts for generated puzzles, in both languages (campaign texts live with each level). */
import type { Text } from './format.ts';

/** Title, lesson and three hint tiers for a generated puzzle. */
export function generatedTexts(
  seed: number,
  solution: readonly string[],
): { title: Text; lesson: Text; hints: [Text, Text, Text] } {
  const first = solution[0] ?? '';
  return {
    title: { en: `Heap challenge #${seed}`, id: `Tantangan heap #${seed}` },
    lesson: {
      en: 'Free the objects the goal lists and keep the others alive, in as few moves as you can. Every arrow counts.',
      id: 'Bebaskan objek yang diminta dan jaga yang lain tetap hidup, dengan langkah sesedikit mungkin. Setiap panah dihitung.',
    },
    hints: [
      {
        en: 'Count the arrows into each object you must free.',
        id: 'Hitung panah yang masuk ke setiap objek yang harus dibebaskan.',
      },
      {
        en: 'An object in a cycle needs a cut arrow or gc.collect(); cutting the right arrow can free a whole chain.',
        id: 'Objek di dalam siklus perlu panah yang diputus atau gc.collect(); memutus panah yang tepat bisa membebaskan satu rantai sekaligus.',
      },
      { en: `Start with \`${first}\`.`, id: `Mulailah dengan \`${first}\`.` },
    ],
  };
}
