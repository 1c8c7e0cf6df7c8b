/**
 * A predict question on screen: the prompt, the program (the asked lines marked), and the ways to
 * answer — tap the objects that survive (survivors questions) or pick the printed value (print
 * questions). Answers are sent in the rules' format: survivors in `ask` order joined by ', ', or
 * 'none'; print answers exactly as a choice reads.
 */
import {
  NONE_SURVIVE,
  survivorsAnswer,
  type Question,
} from '../../shared/puzzles/questions/index.ts';
import { lang, t } from '../i18n/index.ts';
import { btn, el, p, row } from './dom.ts';

export { liveQuestion as questionById } from '../../shared/live/items.ts';

/** Code with line numbers (big on the projector); `asked` lines are marked. */
export function codeBlock(lines: readonly { code: string; asked?: boolean }[]): HTMLElement {
  const program = el('pre', { class: 'live-program' });
  lines.forEach(({ code, asked }, i) => {
    const line = el(asked ? 'mark' : 'span', { class: 'live-line' });
    line.append(el('span', { class: 'live-ln', 'aria-hidden': 'true' }, String(i + 1)), code);
    if (asked) line.append(el('span', { class: 'live-muted' }, '   # ←'));
    program.append(line, '\n');
  });
  return program;
}

/** The question's prompt and program with line numbers, the `lines` marked as the ones asked about. */
export function questionView(q: Question): HTMLElement[] {
  const lines = [
    ...q.program
      .replace(/\n$/, '')
      .split('\n')
      .map((code) => ({ code })),
    ...q.lines.flatMap((l) => l.split('\n')).map((code) => ({ code, asked: true })),
  ];
  return [el('h2', {}, q.prompt[lang()]), codeBlock(lines)];
}

/** What the class may answer, for the projector (not buttons: students answer on their devices). */
export function choicesView(q: Question, choices: readonly string[]): HTMLElement {
  const list = el('ul', { class: 'live-choices live-choice-list', id: 'live-choices' });
  const items = q.kind === 'survivors' ? q.ask : choices;
  for (const c of items) list.append(el('li', {}, c));
  return list;
}

/**
 * The ways to answer, built once per question and never rebuilt while it is asked (a finger may be
 * on a button): survivors get one toggle per asked name and Send; print questions one button per
 * choice. A tap is acknowledged at once ("Sending …", the choice marked, the pad locked); the
 * screen then shows the server's receipt, or `refused` unlocks the pad with the reason.
 */
export class AnswerPad {
  readonly nodes: HTMLElement[];
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly status = el('p', { id: 'answer-status', role: 'status', class: 'live-big' });
  private sending = false;
  private paused = false;

  constructor(q: Question, choices: readonly string[], send: (answer: string) => void) {
    const go = (answer: string, chosen: HTMLButtonElement[]): void => {
      if (this.sending || this.paused) return;
      this.sending = true;
      chosen.forEach((b) => b.classList.add('chosen'));
      this.status.textContent = t('live.sending', { answer: answerText(answer) });
      this.lock();
      send(answer);
    };
    const grid = el('div', { class: 'live-choices', role: 'group' });
    if (q.kind !== 'survivors') {
      grid.setAttribute('aria-label', t('live.pickPrinted'));
      choices.forEach((c, i) => {
        const b = btn(`choice-${i}`, c, () => go(c, [b]));
        this.buttons.push(b);
        grid.append(b);
      });
      this.nodes = [p(t('live.pickPrinted')), grid, this.status];
      return;
    }
    grid.setAttribute('aria-label', t('live.tapSurvivors'));
    const picked = new Set<string>();
    const toggles = q.ask.map((name) => {
      const b = btn(
        `survivor-${name}`,
        `○ ${name}`,
        () => {
          if (this.sending || this.paused) return;
          if (picked.has(name)) picked.delete(name);
          else picked.add(name);
          b.setAttribute('aria-pressed', String(picked.has(name)));
          b.textContent = `${picked.has(name) ? '✓' : '○'} ${name}`;
        },
        { secondary: true, pressed: false },
      );
      grid.append(b);
      return b;
    });
    const submit = btn('send-survivors', t('live.sendAnswer'), () => {
      const alive = q.ask.filter((n) => picked.has(n));
      go(survivorsAnswer(alive), [submit]);
    });
    this.buttons.push(...toggles, submit);
    this.nodes = [p(t('live.tapSurvivors')), grid, row(submit), this.status];
  }

  /** The server refused the answer: say why and let the student try again. */
  refused(reason: string): void {
    this.sending = false;
    this.buttons.forEach((b) => b.classList.remove('chosen'));
    this.status.textContent = reason;
    this.lock();
  }

  /** Paused by the teacher: the question stays on screen, the buttons wait. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!this.sending) this.status.textContent = paused ? t('live.pausedWait') : '';
    this.lock();
  }

  private lock(): void {
    for (const b of this.buttons) b.disabled = this.sending || this.paused;
  }
}

/** How an answer reads to people ('none' → "none survive"). */
export const answerText = (answer: string): string =>
  answer === NONE_SURVIVE ? t('live.noneSurvive') : answer;
