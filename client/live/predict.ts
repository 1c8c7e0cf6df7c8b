/**
 * A predict question on screen: the prompt, the program (the asked lines marked), and the ways to
 * answer — tap the objects that survive (survivors questions) or pick the printed value (print
 * questions). Answers are sent in the rules' format: survivors in `ask` order joined by ', ', or
 * 'none'; print answers exactly as a choice reads.
 */
import { QUESTIONS, NONE_SURVIVE, type Question } from '../../shared/puzzles/questions/index.ts';
import { lang, t } from '../i18n/index.ts';
import { btn, el, p, row } from './dom.ts';

export const questionById = (id: string): Question | undefined =>
  QUESTIONS.find((q) => q.id === id);

/** The question's prompt and program, the `lines` marked as the ones asked about. */
export function questionView(q: Question): HTMLElement[] {
  const program = el('pre', { class: 'live-program' });
  program.append(q.program.replace(/\n$/, ''));
  for (const line of q.lines) {
    program.append('\n');
    program.append(el('mark', {}, `${line}    # ←`));
  }
  return [el('h2', {}, q.prompt[lang()]), program];
}

/** Survivors: one toggle per asked name, then Send; print: one button per choice. */
export function answerControls(
  q: Question,
  choices: readonly string[],
  send: (answer: string) => void,
): HTMLElement[] {
  if (q.kind !== 'survivors') {
    const grid = el('div', {
      class: 'live-choices',
      role: 'group',
      'aria-label': t('live.pickPrinted'),
    });
    choices.forEach((c, i) => grid.append(btn(`choice-${i}`, c, () => send(c))));
    return [p(t('live.pickPrinted')), grid];
  }
  const picked = new Set<string>();
  const grid = el('div', {
    class: 'live-choices',
    role: 'group',
    'aria-label': t('live.tapSurvivors'),
  });
  for (const name of q.ask) {
    const b = btn(
      `survivor-${name}`,
      `○ ${name}`,
      () => {
        if (picked.has(name)) picked.delete(name);
        else picked.add(name);
        b.setAttribute('aria-pressed', String(picked.has(name)));
        b.textContent = `${picked.has(name) ? '✓' : '○'} ${name}`;
      },
      { secondary: true, pressed: false },
    );
    grid.append(b);
  }
  const submit = btn('send-survivors', t('live.sendAnswer'), () => {
    const alive = q.ask.filter((n) => picked.has(n));
    send(alive.length ? alive.join(', ') : NONE_SURVIVE);
  });
  return [p(t('live.tapSurvivors')), grid, row(submit)];
}

/** How an answer reads to people ('none' → "none survive"). */
export const answerText = (answer: string): string =>
  answer === NONE_SURVIVE ? t('live.noneSurvive') : answer;
