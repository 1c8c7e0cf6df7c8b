/**
 * Leaderboard of a challenge: when arriving from a solved puzzle, first submits the moves (the
 * server replays and scores them), then shows the verified rank, the share string (copied to the
 * clipboard on request), the move-count histogram and the top of the board. Every nickname is
 * drawn as canvas text, never HTML.
 */
import type { LeaderboardResponse, SubmitResponse } from '../../shared/challenges/api.ts';
import { deviceToken, fetchLeaderboard, submitChallenge } from '../challenge/api.ts';
import { copyText } from '../challenge/clipboard.ts';
import type { LeaderboardData } from '../challenge/flow.ts';
import { drawHistogram, histogramBars } from '../challenge/histogram.ts';
import { localStore } from '../challenge/storage.ts';
import { t } from '../i18n/index.ts';
import { app } from '../ui/app.ts';
import { el } from '../ui/dom.ts';
import { MenuScene } from '../ui/MenuScene.ts';
import { say } from '../ui/narrator.ts';
import { setHookInfo } from '../ui/testHook.ts';

const SHOWN_ROWS = 10;

export class Leaderboard extends MenuScene {
  private args!: LeaderboardData;
  private scoped = false;
  private result: SubmitResponse | null = null;
  private board: LeaderboardResponse | null = null;
  private error: string | null = null;
  private status = '';

  constructor() {
    super('Leaderboard');
  }

  init(data: LeaderboardData): void {
    this.args = data;
    this.scoped = data.classCode !== undefined;
    this.result = null;
    this.board = null;
    this.error = null;
    this.status = data.submit ? t('daily.submitting') : t('daily.loading');
  }

  override create(): void {
    this.events.once('shutdown', () => this.hideShare());
    super.create();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const device = deviceToken(localStore());
    const id = this.args.view.id;
    try {
      const s = this.args.submit;
      if (s && !this.result) this.result = await submitChallenge(id, { ...s, deviceToken: device });
      this.board = await fetchLeaderboard(
        id,
        device,
        this.scoped ? this.args.classCode : undefined,
      );
    } catch (e) {
      this.error = (e as Error).message;
    }
    if (!this.scene.isActive()) return;
    this.build();
    this.showShare();
    if (this.result?.rank) say(t('board.rank', this.result.rank));
  }

  protected compose(width: number, height: number, font: number): void {
    const b = this.board;
    setHookInfo({
      scenes: ['Leaderboard'],
      extra: {
        rank: this.result?.rank ?? null,
        share: this.result?.share ?? null,
        entries: b?.entries ?? null,
        you: b?.you ?? null,
        histogram: b?.histogram ?? null,
        error: this.error,
      },
    });
    let y = Math.max(16, height * 0.04);
    y +=
      this.addText(
        width / 2,
        y,
        `${t('board.title')} · ${this.args.view.id}`,
        Math.round(font * 1.5),
      ).height + 6;
    const scope =
      this.scoped && this.args.classCode
        ? t('board.scope.class', { code: this.args.classCode.toUpperCase() })
        : t('board.scope.all');
    y += this.addText(width / 2, y, scope, font, { muted: true }).height + font * 0.6;
    if (this.error || !b) {
      y +=
        this.addText(width / 2, y, this.error ?? this.status, font, { width: width - 32 }).height +
        font;
      this.column(y, this.actions(), font);
      return;
    }
    y = this.mine(y, width, font);
    y = this.histogram(b, y, width, font);
    y = this.rows(b, y, width, font);
    this.column(y + font * 0.5, this.actions(), font);
  }

  private mine(y: number, width: number, font: number): number {
    const r = this.result;
    if (!r) return y;
    if (!r.result.solved)
      return (
        y +
        this.addText(width / 2, y, t('board.notSolved'), font, { width: width - 32 }).height +
        font
      );
    const stars = `${'★'.repeat(r.result.stars)}${'☆'.repeat(3 - r.result.stars)}`;
    y += this.addText(width / 2, y, stars, Math.round(font * 2)).height;
    y +=
      this.addText(
        width / 2,
        y,
        t('board.result', { moves: r.result.moves, par: r.result.par, score: r.result.score }),
        font,
      ).height + 4;
    if (r.rank)
      y += this.addText(width / 2, y, t('board.rank', r.rank), Math.round(font * 1.2)).height;
    return y + font;
  }

  private histogram(b: LeaderboardResponse, y: number, width: number, font: number): number {
    if (b.histogram.length === 0)
      return y + this.addText(width / 2, y, t('board.empty'), font).height + font;
    y +=
      this.addText(width / 2, y, t('board.histogram'), font, { muted: true }).height + font * 1.4;
    const w = Math.min(width - 48, Math.max(160, b.histogram.length * 56));
    const box = { x: (width - w) / 2, y, w, h: Math.round(font * 4) };
    const mine = this.result?.result.solved ? this.result.result.moves : (b.you?.moves ?? null);
    drawHistogram(this, histogramBars(b.histogram, box, mine), app().theme, font);
    return y + box.h + font * 2;
  }

  private rows(b: LeaderboardResponse, y: number, width: number, font: number): number {
    const lines = b.entries
      .slice(0, SHOWN_ROWS)
      .map(
        (e) =>
          `${e.you ? '▶ ' : ''}${t('board.row', { rank: e.rank, nickname: e.nickname, score: e.score, moves: e.moves })}`,
      );
    if (b.you && b.you.rank > SHOWN_ROWS)
      lines.push(
        '…',
        t('board.you', { rank: b.you.rank, nickname: b.you.nickname, score: b.you.score }),
      );
    if (lines.length === 0) return y;
    return (
      y +
      this.addText(width / 2, y, lines.join('\n'), Math.round(font * 0.9), { width: width - 32 })
        .height +
      font
    );
  }

  private actions(): { id: string; label: string; secondary?: boolean; onClick: () => void }[] {
    const out: { id: string; label: string; secondary?: boolean; onClick: () => void }[] = [];
    if (this.result?.result.solved)
      out.push({ id: 'share', label: t('board.share'), onClick: () => void this.copy() });
    if (this.args.classCode) {
      out.push({
        id: 'scope',
        label: t(this.scoped ? 'board.toAll' : 'board.toClass'),
        secondary: true,
        onClick: () => this.toggleScope(),
      });
    }
    out.push({
      id: 'again',
      label: t('board.again'),
      secondary: true,
      onClick: () => this.scene.start('Daily', { kind: this.args.view.kind }),
    });
    out.push({ id: 'back', label: t('common.back'), secondary: true, onClick: () => this.back() });
    return out;
  }

  private toggleScope(): void {
    this.scoped = !this.scoped;
    this.board = null;
    void this.refresh();
  }

  private async copy(): Promise<void> {
    const ok = await copyText(this.shareText());
    this.status = t(ok ? 'board.copied' : 'board.copyFailed');
    const note = document.getElementById('share-status');
    if (note) note.textContent = this.status;
    say(this.status);
  }

  /** The server's spoiler-free share string, then a link a friend can open to play too. */
  private shareText(): string {
    return this.result ? `${this.result.share}\n${location.origin}/` : '';
  }

  /** The share text in the side panel as plain text, so it can also be selected by hand. */
  private showShare(): void {
    const side = document.getElementById('side');
    if (!side || !this.result?.result.solved) return;
    side.replaceChildren(
      el('pre', { id: 'share-text' }, this.shareText()),
      el('p', { id: 'share-status', role: 'status' }),
    );
    side.hidden = false;
  }

  private hideShare(): void {
    const side = document.getElementById('side');
    if (!side) return;
    side.replaceChildren();
    side.hidden = true;
  }

  protected override back(): void {
    this.scene.start('Menu');
  }
}
