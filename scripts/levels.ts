/**
 * `npm run -s levels [-- --json] [-- --questions]`: the campaign catalog for tools and reviewers.
 * --json prints a JSON array with every level's id, chapter (number and title), concepts, titles
 * (en, id), par and reference solution as Python lines. --json --questions prints the predict
 * questions instead, each with its engine-computed answer. Without --json: a readable table.
 */
import { CAMPAIGN, CHAPTERS, QUESTIONS, answerOf } from '../shared/puzzles/index.ts';

const args = new Set(process.argv.slice(2));

const levels = CAMPAIGN.map((p) => ({
  id: p.id,
  chapter: p.chapter,
  chapterTitle: CHAPTERS[p.chapter - 1],
  concepts: p.concepts,
  title: p.title,
  par: p.par,
  solution: p.solution,
}));

function questions(): unknown[] {
  return QUESTIONS.map((q) => {
    const a = answerOf(q);
    return {
      id: q.id,
      kind: q.kind,
      concepts: q.concepts,
      answer: a.ok ? a.value : null,
      distractors: q.distractors,
    };
  });
}

if (args.has('--json')) {
  const doc = args.has('--questions') ? questions() : levels;
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
} else {
  for (const l of levels) {
    const chapter = CHAPTERS[l.chapter - 1]?.en ?? '?';
    console.log(
      `${String(l.chapter)}. ${chapter.padEnd(28)} ${l.id.padEnd(22)} par ${l.par}  ${l.solution.join(' ; ')}`,
    );
  }
  console.log(
    `${levels.length} levels, ${CHAPTERS.length} chapters, ${QUESTIONS.length} predict questions`,
  );
}
