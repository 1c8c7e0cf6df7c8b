/**
 * The student's screens: the join form (code → nickname or "pick for me" → Join: at most three
 * inputs, the `?join=` link fills the code), then lobby, predict questions, the wait after solving,
 * the reveal, and the podium — showing only the student's own rank and points.
 */
import { NICKNAME_MAX, nicknameChoices } from '../../shared/live/nickname.ts';
import { roundInProgress } from '../../shared/live/phases.ts';
import { ROOM_CODE, ROOM_CODE_DIGITS, ROOM_CODE_PATTERN } from '../../shared/protocol.ts';
import { lang, t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { Countdown } from './countdown.ts';
import { btn, el, p, Region, row } from './dom.ts';
import { AnswerPad, answerText, questionById, questionView } from './predict.ts';
import {
  linesRevealView,
  linesSentView,
  ProgramPad,
  programCode,
  sentLines,
} from './programRound.ts';

/** Friendly text for a refused join (the server sends the rule's code as the message). */
export function joinError(message: string): string {
  if (/live\/locked/.test(message)) return t('live.err.locked');
  if (/join\/kicked/.test(message)) return t('live.kicked');
  if (/live\/late_join_closed/.test(message)) return t('live.err.late');
  if (/live\/ended/.test(message)) return t('live.err.ended');
  if (/full/.test(message)) return t('live.err.full');
  return t('live.err.noClass');
}

export function joinForm(
  root: HTMLElement,
  code: string,
  join: (code: string, nickname: string) => Promise<string | null>,
  back: () => void,
  note = '',
): void {
  const codeInput = el('input', {
    id: 'join-code',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: String(ROOM_CODE_DIGITS),
    pattern: ROOM_CODE_PATTERN,
    'aria-label': t('live.codeField'),
  });
  codeInput.value = code;
  const nick = el('input', {
    id: 'join-nickname',
    autocomplete: 'off',
    maxlength: String(NICKNAME_MAX),
    spellcheck: 'false',
    'aria-label': t('live.nicknameField'),
  });
  const message = el('p', { role: 'status', id: 'join-message' }, note);
  const pick = btn(
    'join-pick',
    t('live.pickForMe'),
    () => {
      nick.value = nicknameChoices(crypto.getRandomValues(new Uint32Array(1))[0]!, 1)[0] ?? '';
    },
    { secondary: true, icon: 'dice' },
  );
  const go = btn('join-go', t('live.join'), () => void submit());
  const submit = async (): Promise<void> => {
    const c = codeInput.value.replace(/\D/g, '');
    if (!ROOM_CODE.test(c)) return void (message.textContent = t('live.err.code'));
    go.disabled = true;
    message.textContent = t('live.joining');
    const error = await join(c, nick.value.trim());
    go.disabled = false;
    if (error) message.textContent = error;
  };
  const form = el('form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  form.append(
    el('label', { for: 'join-code' }, t('live.codeField')),
    row(codeInput),
    el('label', { for: 'join-nickname' }, t('live.nicknameField')),
    row(nick, pick),
    row(go, btn('join-back', t('common.back'), back, { secondary: true })),
    message,
  );
  root.replaceChildren(el('h1', {}, t('menu.joinClass')), form);
  (code ? nick : codeInput).focus();
}

type Cell = { status: string; answer: string; correct: number; points: number };

/** Phases after which the class is over for a student (the end screen, whatever else happens). */
const OVER = new Set(['podium', 'ended']);

export class StudentView {
  private readonly conn: LiveConnection;
  private readonly head: Region;
  private readonly banner: Region;
  private readonly roundLine = el('p', { id: 'student-round' });
  private readonly countdown = new Countdown('student-timer');
  private readonly main: Region;
  private readonly typed: string;
  private readonly actions: { openBoard(): void; leave(): void };
  private pad: AnswerPad | ProgramPad | null = null;
  private refusal: unknown = null;

  constructor(
    root: HTMLElement,
    conn: LiveConnection,
    typed: string,
    actions: { openBoard(): void; leave(): void },
  ) {
    this.conn = conn;
    this.typed = typed;
    this.actions = actions;
    this.head = new Region(root, 'header');
    this.banner = new Region(root, 'div', { role: 'status', 'aria-live': 'polite' });
    root.append(this.roundLine, this.countdown.node);
    this.main = new Region(root, 'section', { 'aria-live': 'polite', id: 'student-main' });
  }

  dispose(): void {
    this.countdown.stop();
  }

  render(): void {
    const me = this.conn.myRow;
    const live = this.conn.state.live;
    this.head.update(`${me?.nickname}`, () => [
      el('h1', { id: 'student-name' }, me?.nickname ?? ''),
      p(t('live.classCode', { code: this.conn.code }), 'live-muted'),
      this.typed && me && me.nickname !== this.typed && !me.nickname.startsWith(this.typed)
        ? p(t('live.nameWaits'), 'live-muted')
        : null,
    ]);
    this.banner.update(`${this.conn.status}|${this.conn.rejected?.code ?? ''}|${live.phase}`, () =>
      this.bannerContent(),
    );
    const inRound = roundInProgress(live.phase);
    const round = live.round > 0 && !OVER.has(live.phase);
    const roundText = round ? t('live.roundOf', { n: live.round, of: live.rounds }) : '';
    if (this.roundLine.textContent !== roundText) this.roundLine.textContent = roundText;
    const flowing = live.phase === 'running' && this.conn.status === 'connected';
    this.countdown.set(live.timed && inRound, live.remainingMs, flowing);
    if (this.main.update(this.mainKey(), () => this.content())) this.refusal = null;
    this.pad?.setPaused(live.phase === 'paused' || this.conn.status !== 'connected');
    const rejected = this.conn.rejected;
    if (this.pad && rejected && rejected !== this.refusal) {
      this.refusal = rejected;
      this.pad.refused(t('live.refused', { message: rejected.message }));
    }
  }

  /** What the main region shows; it is rebuilt only when this changes (never on a clock tick). */
  private mainKey(): string {
    const live = this.conn.state.live;
    const me = this.conn.myRow;
    const s = this.conn.status;
    const cell = me?.cells.at(live.round - 1);
    const ranked = `${me?.rank}|${me?.points}|${live.students}`;
    if (OVER.has(live.phase)) return `over|${ranked}`;
    if (s === 'kicked' || s === 'taken' || s === 'lost') return s;
    switch (live.phase) {
      case 'lobby':
        return `lobby|${live.students}`;
      case 'running':
      case 'paused': {
        const puzzlePaused = live.kind === 'puzzle' && live.phase === 'paused';
        return `round|${live.round}|${live.kind}|${live.itemId}|${cell?.status}|${cell?.answer}|${puzzlePaused}`;
      }
      case 'reveal':
        return `reveal|${live.round}|${live.answer}|${live.outputs.length}|${cell?.status}|${cell?.answer}|${cell?.correct}|${ranked}`;
      default:
        return `${live.phase}|${ranked}`;
    }
  }

  private bannerContent(): (Node | null)[] {
    const s = this.conn.status;
    if (OVER.has(this.conn.state.live.phase) && s === 'lost') return [];
    if (s === 'reconnecting') return [p(t('live.reconnecting'), 'live-banner')];
    if (s === 'kicked') return [p(t('live.kicked'), 'live-banner')];
    if (s === 'taken') return [p(t('live.taken'), 'live-banner')];
    if (s === 'lost') return [p(t('live.connectionLost'), 'live-banner')];
    // On top, where a phone shows it whatever part of the question is scrolled into view.
    if (this.conn.state.live.phase === 'paused') return [p(t('live.pausedWait'), 'live-banner')];
    const r = this.conn.rejected;
    return r ? [p(t('live.refused', { message: r.message }), 'live-error')] : [];
  }

  private content(): (Node | null)[] {
    this.pad = null;
    const live = this.conn.state.live;
    const s = this.conn.status;
    if (OVER.has(live.phase)) return this.finished();
    if (s === 'lost')
      return [
        row(
          btn('student-retry', t('live.tryAgain'), () => location.reload()),
          btn('student-leave', t('live.backToMenu'), () => this.actions.leave(), {
            secondary: true,
          }),
        ),
      ];
    if (s === 'kicked')
      return [row(btn('student-leave', t('live.backToMenu'), () => this.actions.leave()))];
    if (s === 'taken')
      // The seat went to another tab: a reload here takes it back (this device remembers it).
      return [
        row(
          btn('student-here', t('live.continueHere'), () => location.reload()),
          btn('student-leave', t('live.backToMenu'), () => this.actions.leave(), {
            secondary: true,
          }),
        ),
      ];
    const cell = this.conn.myRow?.cells.at(live.round - 1);
    switch (live.phase) {
      case 'lobby':
        return [
          p(t('live.waitingStart'), 'live-big'),
          p(t('live.classmates', { n: live.students })),
        ];
      case 'running':
      case 'paused':
        return this.running(cell);
      case 'reveal':
        return [...this.reveal(cell), this.rank()];
      default:
        return [p(t('live.nextSoon'), 'live-big'), this.rank()];
    }
  }

  private finished(): (Node | null)[] {
    return [
      el('p', { id: 'student-end', class: 'live-big' }, t('live.finished')),
      this.rank(),
      row(
        btn('student-leave', t('live.backToMenu'), () => this.actions.leave(), {
          secondary: true,
        }),
      ),
    ];
  }

  private running(cell: Cell | undefined): (Node | null)[] {
    const live = this.conn.state.live;
    if (live.kind === 'puzzle') {
      if (cell?.status === 'solved') return [p(t('live.solvedWait'), 'live-big')];
      if (live.phase === 'paused') return [p(t('live.paused'), 'live-big')];
      return [
        p(t('live.puzzleRound')),
        row(btn('student-board', t('live.openBoard'), () => this.actions.openBoard())),
      ];
    }
    if (live.kind === 'program') return this.program(cell);
    const q = questionById(live.itemId);
    if (!q) return [];
    if (cell?.status === 'answered')
      return [
        ...questionView(q),
        el(
          'p',
          { id: 'answer-status', class: 'live-big', role: 'status' },
          `✓ ${t('live.answerSent', { answer: answerText(cell.answer) })}`,
        ),
      ];
    this.pad = new AnswerPad(q, [...live.choices], (a) => this.conn.answer(a));
    return [...questionView(q), ...this.pad.nodes];
  }

  private program(cell: Cell | undefined): (Node | null)[] {
    const live = this.conn.state.live;
    const code = programCode(live.program);
    if (cell?.status === 'answered') return [code, ...linesSentView(sentLines(cell.answer))];
    const pad = new ProgramPad(live.printed, (lines) => this.conn.lines(lines));
    this.pad = pad;
    return [code, ...pad.nodes];
  }

  private reveal(cell: Cell | undefined): (Node | null)[] {
    const live = this.conn.state.live;
    if (live.kind === 'program')
      return [
        ...linesRevealView([...live.outputs], sentLines(cell?.answer ?? '')),
        programCode(live.program),
      ];
    if (live.kind !== 'predict')
      return [
        p(t(cell?.status === 'solved' ? 'live.youSolved' : 'live.youDidNotSolve'), 'live-big'),
      ];
    const q = questionById(live.itemId);
    const verdict = cell?.answer
      ? t(cell.correct === 1 ? 'live.youRight' : 'live.youWrong', {
          answer: answerText(cell.answer),
        })
      : t('live.noAnswer');
    return [
      p(t('live.correctAnswer', { answer: answerText(live.answer) }), 'live-big'),
      el(
        'p',
        { id: 'student-verdict', class: 'live-big' },
        `${cell?.correct === 1 ? '✓' : '✗'} ${verdict}`,
      ),
      q ? p(q.explain[lang()].replace(/`/g, '')) : null,
    ];
  }

  private rank(): HTMLElement {
    const me = this.conn.myRow;
    return el(
      'p',
      { id: 'student-rank', class: 'live-big' },
      me
        ? t('live.yourRank', {
            rank: me.rank,
            of: this.conn.state.live.students,
            points: me.points,
          })
        : '',
    );
  }
}
