/**
 * The student's screens: the join form (code → nickname or "pick for me" → Join: at most three
 * inputs, the `?join=` link fills the code), then lobby, predict questions, the wait after solving,
 * the reveal, and the podium — showing only the student's own rank and points.
 */
import { NICKNAME_MAX, nicknameChoices } from '../../shared/live/nickname.ts';
import { ROOM_CODE } from '../../shared/protocol.ts';
import { lang, t } from '../i18n/index.ts';
import type { LiveConnection } from './connection.ts';
import { btn, clock, el, p, Region, row } from './dom.ts';
import { answerControls, answerText, questionById, questionView } from './predict.ts';

/** Friendly text for a refused join (the server sends the rule's code as the message). */
export function joinError(message: string): string {
  if (/live\/locked/.test(message)) return t('live.err.locked');
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
): void {
  const codeInput = el('input', {
    id: 'join-code',
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: '6',
    pattern: '[0-9]{6}',
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
  const message = el('p', { role: 'status', id: 'join-message' });
  const pick = btn(
    'join-pick',
    `🎲 ${t('live.pickForMe')}`,
    () => {
      nick.value = nicknameChoices(crypto.getRandomValues(new Uint32Array(1))[0]!, 1)[0] ?? '';
    },
    { secondary: true },
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

export class StudentView {
  private readonly conn: LiveConnection;
  private readonly head: Region;
  private readonly banner: Region;
  private readonly main: Region;
  private readonly typed: string;
  private readonly actions: { openBoard(): void; leave(): void };

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
    this.main = new Region(root, 'section', { 'aria-live': 'polite' });
  }

  render(): void {
    const me = this.conn.myRow;
    const live = this.conn.state.live;
    this.head.update(`${me?.nickname}|${me?.points}|${me?.rank}`, () => [
      el('h1', { id: 'student-name' }, me?.nickname ?? ''),
      p(t('live.classCode', { code: this.conn.code }), 'live-muted'),
      this.typed && me && me.nickname !== this.typed && !me.nickname.startsWith(this.typed)
        ? p(t('live.nameWaits'), 'live-muted')
        : null,
    ]);
    this.banner.update(`${this.conn.status}|${this.conn.rejected?.code ?? ''}`, () =>
      this.bannerContent(),
    );
    const cell = me?.cells.at(live.round - 1);
    const key = [
      live.phase,
      live.round,
      live.kind,
      live.itemId,
      live.answer,
      cell?.status,
      cell?.answer,
      me?.rank,
      me?.points,
      live.students,
      this.conn.status,
      live.timed ? Math.ceil(live.remainingMs / 1000) : 0,
    ].join('|');
    this.main.update(key, () => this.content());
  }

  private bannerContent(): (Node | null)[] {
    const s = this.conn.status;
    if (s === 'reconnecting') return [p(t('live.reconnecting'), 'live-banner')];
    if (s === 'kicked') return [p(t('live.kicked'), 'live-banner')];
    if (s === 'taken') return [p(t('live.taken'), 'live-banner')];
    if (s === 'lost') return [p(t('live.connectionLost'), 'live-banner')];
    const r = this.conn.rejected;
    return r ? [p(t('live.refused', { message: r.message }), 'live-error')] : [];
  }

  private content(): (Node | null)[] {
    const s = this.conn.status;
    if (s === 'kicked' || s === 'taken' || s === 'lost')
      return [row(btn('student-leave', t('live.backToMenu'), () => this.actions.leave()))];
    const live = this.conn.state.live;
    const me = this.conn.myRow;
    const cell = me?.cells.at(live.round - 1);
    const timer =
      live.timed && live.phase === 'running' ? p(`⏱ ${clock(live.remainingMs)}`, 'live-big') : null;
    const round = live.round > 0 ? p(t('live.roundOf', { n: live.round, of: live.rounds })) : null;
    switch (live.phase) {
      case 'lobby':
        return [
          p(t('live.waitingStart'), 'live-big'),
          p(t('live.classmates', { n: live.students })),
        ];
      case 'paused':
        return [round, p(t('live.paused'), 'live-big')];
      case 'running':
        return [round, timer, ...this.running(cell)];
      case 'reveal':
        return [round, ...this.reveal(cell), this.rank()];
      case 'between':
        return [p(t('live.nextSoon'), 'live-big'), this.rank()];
      default:
        return [
          p(t('live.finished'), 'live-big'),
          this.rank(),
          row(
            btn('student-leave', t('live.backToMenu'), () => this.actions.leave(), {
              secondary: true,
            }),
          ),
        ];
    }
  }

  private running(cell: { status: string; answer: string } | undefined): (Node | null)[] {
    const live = this.conn.state.live;
    if (live.kind === 'puzzle') {
      if (cell?.status === 'solved') return [p(t('live.solvedWait'), 'live-big')];
      return [
        p(t('live.puzzleRound')),
        row(btn('student-board', t('live.openBoard'), () => this.actions.openBoard())),
      ];
    }
    const q = questionById(live.itemId);
    if (!q) return [];
    if (cell?.status === 'answered')
      return [
        ...questionView(q),
        p(t('live.answerSent', { answer: answerText(cell.answer) }), 'live-big'),
      ];
    return [
      ...questionView(q),
      ...answerControls(q, [...live.choices], (a) => this.conn.answer(a)),
    ];
  }

  private reveal(
    cell: { answer: string; correct: number; points: number; status: string } | undefined,
  ): (Node | null)[] {
    const live = this.conn.state.live;
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
