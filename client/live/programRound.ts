/**
 * A program round on screen (shared/live/program.ts has its rules): the program with line numbers
 * and its `print` lines marked, one text field per printed line for the student, what they sent,
 * and at the reveal each printed line beside theirs. Everything a student typed is set as text and
 * shown only on their own screen (the class sees counts, never typed text).
 */
import { sameOutput } from '../../shared/live/program.ts';
import { ANSWER_MAX } from '../../shared/live/students.ts';
import { t } from '../i18n/index.ts';
import { btn, el, p, row } from './dom.ts';
import { codeBlock } from './predict.ts';

const PRINT_CALL = /\bprint\s*\(/;

/** The program, numbered; `print` lines marked; `current` (a replay's line) highlighted. */
export function programCode(source: string, current = 0): HTMLElement {
  const lines = source.replace(/\n$/, '').split('\n');
  const block = codeBlock(lines.map((code) => ({ code, asked: PRINT_CALL.test(code) })));
  block.classList.add('live-program-round');
  if (current > 0) block.querySelectorAll('.live-line')[current - 1]?.classList.add('current');
  return block;
}

/**
 * The blanks, built once per round and never rebuilt while it runs (a finger may be in a field):
 * Send is acknowledged at once ("Sending 4 lines…", the fields locked); the screen then shows the
 * server's receipt, or `refused` unlocks them with the reason.
 */
export class ProgramPad {
  readonly nodes: HTMLElement[];
  private readonly inputs: HTMLInputElement[];
  private readonly send: HTMLButtonElement;
  private readonly status = el('p', { id: 'answer-status', role: 'status', class: 'live-big' });
  private sending = false;
  private paused = false;

  constructor(count: number, submit: (lines: string[]) => void) {
    const form = el('form', { class: 'live-lines', id: 'live-lines' });
    this.inputs = Array.from({ length: count }, (_, i) => {
      const input = el('input', {
        id: `line-${i}`,
        autocomplete: 'off',
        autocapitalize: 'off',
        spellcheck: 'false',
        maxlength: String(ANSWER_MAX),
        enterkeyhint: i + 1 < count ? 'next' : 'send',
      });
      const label = el('label', { for: `line-${i}` }, t('live.printedLine', { n: i + 1 }));
      form.append(label, input);
      return input;
    });
    this.send = btn('send-lines', t('live.sendLines'), () => go());
    const go = (): void => {
      if (this.sending || this.paused) return;
      this.sending = true;
      this.status.textContent = t('live.sendingLines', { n: count });
      this.lock();
      submit(this.inputs.map((i) => i.value));
    };
    // Enter moves to the next blank; on the last one it sends (a phone keyboard's "Go").
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const at = this.inputs.indexOf(document.activeElement as HTMLInputElement);
      if (at >= 0 && at + 1 < count) this.inputs[at + 1]!.focus();
      else go();
    });
    form.append(el('button', { type: 'submit', hidden: '' }));
    this.nodes = [p(t('live.programRound')), form, row(this.send), this.status];
  }

  /** The server refused the answers: say why and let the student fix them. */
  refused(reason: string): void {
    this.sending = false;
    this.status.textContent = reason;
    this.lock();
  }

  /** Paused by the teacher: the fields keep what was typed, Send waits. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!this.sending) this.status.textContent = paused ? t('live.pausedWait') : '';
    this.lock();
  }

  private lock(): void {
    const locked = this.sending || this.paused;
    this.send.disabled = locked;
    for (const i of this.inputs) i.readOnly = locked;
  }
}

/** The lines a student sent (mirrored to them as one text, a line each). */
export const sentLines = (answer: string): string[] => (answer === '' ? [] : answer.split('\n'));

/** What the student sent, while the round runs. */
export function linesSentView(lines: readonly string[]): HTMLElement[] {
  const list = el('ol', { class: 'live-sent-lines' });
  for (const line of lines) list.append(el('li', { class: 'code' }, line));
  return [
    el(
      'p',
      { id: 'answer-status', class: 'live-big', role: 'status' },
      `✓ ${t('live.linesSent', { n: lines.length })}`,
    ),
    list,
  ];
}

/** The reveal on a student's screen: each printed line, ✓ or ✗, and theirs when it differs. */
export function linesRevealView(
  outputs: readonly string[],
  mine: readonly string[],
): HTMLElement[] {
  const right = outputs.filter((o, i) => sameOutput(o, mine[i] ?? '')).length;
  const list = el('ol', { class: 'live-reveal-lines', id: 'student-lines' });
  outputs.forEach((out, i) => {
    const given = mine[i] ?? '';
    const ok = sameOutput(out, given);
    const li = el('li', { class: ok ? 'right' : 'wrong' }, `${ok ? '✓' : '✗'} `);
    li.append(el('span', { class: 'code' }, out));
    if (!ok && mine.length > 0)
      li.append(el('span', { class: 'live-muted' }, ` — ${t('live.youWrote', { text: given })}`));
    list.append(li);
  });
  const verdict =
    mine.length === 0 ? t('live.noAnswer') : t('live.youGotLines', { right, of: outputs.length });
  return [el('p', { id: 'student-verdict', class: 'live-big' }, verdict), list];
}
