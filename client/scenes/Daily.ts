/**
 * Daily (and weekly) challenge: today's puzzle from the server (title, goal, par; never the
 * solution), a nickname and optional class code, then Play or the leaderboard.
 */
import type { ChallengeView, TodayResponse } from '../../shared/challenges/api.ts';
import { clauseText } from '../../shared/puzzles/goals.ts';
import { fetchToday } from '../challenge/api.ts';
import {
  playChallenge,
  puzzleAcceptsSessions,
  rememberedPlayer,
  rememberPlayer,
} from '../challenge/flow.ts';
import { ChallengeForm } from '../challenge/form.ts';
import { checkPlayerName } from '../challenge/nickname.ts';
import { lang, t, type MessageKey } from '../i18n/index.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { say } from '../ui/narrator.ts';
import { setHookInfo } from '../ui/testHook.ts';

type Kind = 'daily' | 'weekly';

/** Fetched once per page load; the server's clock decides what "today" is. */
let today: TodayResponse | null = null;

/** What the form says when the leaderboard would refuse the nickname. */
const NAME_PROBLEM = {
  empty: 'daily.needNickname',
  long: 'daily.nicknameLong',
  words: 'daily.nicknameWords',
} as const satisfies Record<string, MessageKey>;

export class Daily extends MenuScene {
  private kind: Kind = 'daily';
  private error: string | null = null;
  /** Why the leaderboard would refuse the typed nickname, said before play (on the canvas too). */
  private nameProblem: string | null = null;
  private form: ChallengeForm | null = null;

  constructor() {
    super('Daily');
  }

  init(data: { kind?: Kind }): void {
    this.kind = data.kind ?? 'daily';
    this.error = null;
    this.nameProblem = null;
  }

  override create(): void {
    this.form = new ChallengeForm(rememberedPlayer());
    this.events.once('shutdown', () => this.form?.destroy());
    super.create();
    if (today === null) void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      today = await fetchToday();
    } catch (e) {
      this.error = (e as Error).message;
    }
    if (this.scene.isActive()) this.build();
  }

  private view(): ChallengeView | null {
    return today ? today[this.kind] : null;
  }

  protected compose(width: number, height: number, font: number): void {
    const view = this.view();
    this.preferredFocus = puzzleAcceptsSessions(this) ? 'play' : 'board';
    setHookInfo({
      scenes: ['Daily'],
      extra: { challengeId: view?.id ?? null, error: this.error, nameProblem: this.nameProblem },
    });
    let y = Math.max(16, height * 0.05);
    y +=
      this.addText(
        width / 2,
        y,
        t(this.kind === 'daily' ? 'daily.title' : 'daily.weeklyTitle'),
        Math.round(font * 1.8),
      ).height + font;
    if (!view) {
      const text = this.error ? t('daily.error', { message: this.error }) : t('daily.loading');
      y += this.addText(width / 2, y, text, font, { width: width - 32 }).height + font;
      this.column(
        y,
        [{ id: 'back', label: t('common.back'), secondary: true, onClick: () => this.back() }],
        font,
      );
      return;
    }
    y = this.describe(view, y, width, font);
    // Next to Play, where a phone shows it (the form under the canvas may be scrolled away).
    if (this.nameProblem)
      y +=
        this.addText(width / 2, y, `⚠ ${this.nameProblem}`, font, { width: width - 32 }).height + 8;
    this.column(y, this.actions(view), font);
  }

  private describe(view: ChallengeView, y: number, width: number, font: number): number {
    const goals = view.puzzle.goal
      .map((c) => `• ${clauseText(c, lang()).replace(/`/g, '')}`)
      .join('\n');
    const closes = new Date(view.closesAt - 1).toISOString().slice(0, 16).replace('T', ' ');
    y +=
      this.addText(width / 2, y, view.puzzle.title[lang()], Math.round(font * 1.1), { muted: true })
        .height + 8;
    y +=
      this.addText(width / 2, y, goals, font, { width: Math.min(width - 32, font * 28) }).height +
      8;
    y += this.addText(width / 2, y, t('daily.par', { par: view.puzzle.par }), font).height + 4;
    y +=
      this.addText(width / 2, y, t('daily.closes', { date: closes }), Math.round(font * 0.85), {
        muted: true,
      }).height + font;
    return y;
  }

  private actions(
    view: ChallengeView,
  ): { id: string; label: string; secondary?: boolean; disabled?: boolean; onClick: () => void }[] {
    const other: Kind = this.kind === 'daily' ? 'weekly' : 'daily';
    return [
      {
        id: 'play',
        label: t('daily.play'),
        disabled: !puzzleAcceptsSessions(this),
        onClick: () => this.play(view),
      },
      {
        id: 'board',
        label: t('daily.leaderboard'),
        secondary: true,
        onClick: () => this.scene.start('Leaderboard', { view, ...this.classScope() }),
      },
      {
        id: 'switch',
        label: t(other === 'weekly' ? 'daily.toWeekly' : 'daily.toDaily'),
        secondary: true,
        onClick: () => this.scene.restart({ kind: other }),
      },
      { id: 'back', label: t('common.back'), secondary: true, onClick: () => this.back() },
    ];
  }

  private classScope(): { classCode?: string } {
    const code = this.form?.values().classCode ?? '';
    return code ? { classCode: code } : {};
  }

  private play(view: ChallengeView): void {
    const values = this.form?.values() ?? { nickname: '', classCode: '' };
    const checked = checkPlayerName(values.nickname);
    if (!checked.ok) {
      const why = t(NAME_PROBLEM[checked.reason]);
      this.nameProblem = why;
      this.build();
      this.form?.say(why);
      this.form?.nickname.focus();
      return say(why);
    }
    const nickname = checked.nickname;
    rememberPlayer(nickname, values.classCode);
    playChallenge(this, view, nickname, values.classCode);
  }

  protected override back(): void {
    this.scene.start('Menu');
  }
}
